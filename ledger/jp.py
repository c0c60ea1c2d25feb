"""JP (jam pelajaran) arithmetic as pure functions.

Rounding rule: minutes are summed first, then divided by the minutes of one JP
(45 under the default rules, see ``ledger.rules``) and rounded once, half up, to 2
decimals.
So ten 10-minute briefings are 100 min = 2.22 JP (not 10 × 0.22 = 2.20).
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from sosiokultural.rounding import percent, round_half_up

CENT = Decimal("0.01")


def jp_from_minutes(minutes: Decimal | int, jp_minutes: int = 45) -> Decimal:
    if jp_minutes <= 0:
        raise ValueError("jp_minutes must be positive")
    return round_half_up(Fraction(Decimal(minutes)) / jp_minutes, 2)


def entry_jp(entry) -> Decimal:
    """The JP one ledger entry was credited with: its minutes at the minutes per JP
    in force when it was credited (kept on the entry)."""
    return jp_from_minutes(entry.minutes, entry.minutes_per_jp)


def minutes_from_jp(jp: Decimal | int, jp_minutes: int = 45) -> Decimal:
    return round_half_up(Fraction(Decimal(jp)) * jp_minutes, 2)


def progress_percent(jp: Decimal, minimum: int = 20) -> int:
    """Share of the annual minimum reached, 0–100 (capped)."""
    if minimum <= 0:
        return 100
    return min(100, int(percent(Decimal(jp), minimum, 0)))


def jp_remaining(jp: Decimal, minimum: int = 20) -> Decimal:
    return max(Decimal(0), Decimal(minimum) - Decimal(jp)).quantize(CENT)


def days_left_in_year(today: date, year: int) -> int:
    """Days from ``today`` through 31 December of ``year``, today included: 0 for a
    past year, the whole year for a future one."""
    if year < today.year:
        return 0
    start = today if year == today.year else date(year, 1, 1)
    return (date(year, 12, 31) - start).days + 1


def jp_total(parts) -> Decimal:
    """JP of minutes credited at possibly different JP lengths: ``parts`` are
    (minutes, minutes per JP) pairs. The minutes of each JP length are summed and
    converted once (rounded half up to 2 decimals), then the conversions are
    added. With one JP length — every total whose entries share a rule — this is
    exactly ``jp_from_minutes(Σ minutes)``: sum first, round once. Across a change
    of JP length the total is rounded once per length (at most 0.005 JP per
    length away from an exact sum of fractions)."""
    by_length: dict[int, Decimal] = {}
    for minutes, length in parts:
        by_length[length] = by_length.get(length, Decimal(0)) + Decimal(minutes)
    total = Decimal("0.00")
    for length, minutes in sorted(by_length.items()):
        total += jp_from_minutes(minutes, length)
    return total
