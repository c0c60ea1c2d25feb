"""JP (jam pelajaran) arithmetic as pure functions.

Rounding rule: minutes are summed first, then divided by the minutes of one JP
(45 by default, setting ``JP_MINUTES``) and rounded once, half up, to 2 decimals.
So ten 10-minute briefings are 100 min = 2.22 JP (not 10 × 0.22 = 2.20).
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def jp_from_minutes(minutes: Decimal | int, jp_minutes: int = 45) -> Decimal:
    if jp_minutes <= 0:
        raise ValueError("jp_minutes must be positive")
    return (Decimal(minutes) / Decimal(jp_minutes)).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def minutes_from_jp(jp: Decimal | int, jp_minutes: int = 45) -> Decimal:
    return (Decimal(jp) * Decimal(jp_minutes)).quantize(CENT, rounding=ROUND_HALF_UP)


def progress_percent(jp: Decimal, minimum: int = 20) -> int:
    """Share of the annual minimum reached, 0–100 (capped)."""
    if minimum <= 0:
        return 100
    return min(100, int((Decimal(jp) * 100 / minimum).to_integral_value(ROUND_HALF_UP)))


def jp_remaining(jp: Decimal, minimum: int = 20) -> Decimal:
    return max(Decimal(0), Decimal(minimum) - Decimal(jp)).quantize(CENT)


def days_left_in_year(today: date, year: int) -> int:
    """Days from ``today`` through 31 December of ``year``, today included: 0 for a
    past year, the whole year for a future one."""
    if year < today.year:
        return 0
    start = today if year == today.year else date(year, 1, 1)
    return (date(year, 12, 31) - start).days + 1


def requested_year(query, today: date) -> int:
    """The year asked for with ``?tahun=`` (2000 … next year), else this year."""
    text = query.get("tahun", "")
    if text.isdigit() and 2000 <= int(text) <= today.year + 1:
        return int(text)
    return today.year
