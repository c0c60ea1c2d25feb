"""JP rules as data, and the arithmetic that applies them (pure functions).

A rule says, for one employment status from an effective date on, what the JP
total of an employee means:

- **kind**: a *minimum* (PNS and CPNS: at least 20 JP a year, PP 11/2017 Art. 203(4)
  as kept by PP 17/2020), a *cap* (PPPK: at most 24 JP per contract year, PP 49/2018
  Art. 40(1)), or *none* (non-ASN staff);
- **basis**: the JP are counted over the *calendar* year or over the employee's
  *contract* year (from the contract start, one year at a time, ending at the
  contract end at the latest);
- **minutes per JP**: how many minutes of development make one JP (45).

Which rule applies: the rule of the employee's status in force on the *reference
date* (the latest effective date on or before it; before a status's first rule,
that first rule). The reference date of a year is today for the current year, 31
December for a past one and 1 January for a future one, so a report for a past
year uses the rule then in force. Minutes are converted at credit time: every
ledger entry keeps the minutes per JP of the rule in force on its own date, so a
later rule never changes a past total (see ``ledger.jp.jp_total``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sosiokultural.rounding import percent

MINIMUM = "minimum"
CAP = "cap"
NONE = "none"
CALENDAR = "calendar"
CONTRACT = "contract"

#: 1 JP = 45 minutes (reg); used only while a status has no rule at all.
DEFAULT_MINUTES_PER_JP = 45


@dataclass(frozen=True)
class Terms:
    """One version of the rule of one employment status."""

    status: str
    effective_from: date
    kind: str
    jp: Decimal | None
    basis: str = CALENDAR
    minutes_per_jp: int = DEFAULT_MINUTES_PER_JP

    @property
    def has_target(self) -> bool:
        return self.kind in (MINIMUM, CAP) and self.jp is not None


def in_force(rules: Iterable[Terms], status: str, on: date) -> Terms | None:
    """The rule of ``status`` in force on ``on``: the latest effective on or before
    that day; before the first rule of the status, the first rule; ``None`` when
    the status has no rule."""
    own = sorted(
        (r for r in rules if r.status == status), key=lambda r: r.effective_from
    )
    if not own:
        return None
    current = own[0]
    for rule in own:
        if rule.effective_from <= on:
            current = rule
    return current


def minutes_per_jp(rules: Iterable[Terms], status: str, on: date) -> int:
    rule = in_force(rules, status, on)
    return rule.minutes_per_jp if rule else DEFAULT_MINUTES_PER_JP


def reference_date(year: int, today: date) -> date:
    """The day a year is reckoned on: today for the current year, 31 December for
    a past year, 1 January for a future one."""
    if year == today.year:
        return today
    return date(year, 12, 31) if year < today.year else date(year, 1, 1)


def anniversary(start: date, years: int) -> date:
    """``start`` moved by whole years; 29 February falls on 28 February."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def contract_year(start: date, end: date | None, on: date) -> tuple[date, date] | None:
    """The contract year (first and last day) of a contract from ``start`` to
    ``end`` (``None``: open-ended) that contains ``on``; ``None`` when ``on`` lies
    outside the contract. Year *k* runs from the *k*-th anniversary of the start
    to the day before the next one, and never past the contract end."""
    if on < start or (end is not None and on > end):
        return None
    k = on.year - start.year
    while k > 0 and anniversary(start, k) > on:
        k -= 1
    while anniversary(start, k + 1) <= on:
        k += 1
    first = anniversary(start, k)
    last = anniversary(start, k + 1) - timedelta(days=1)
    if end is not None and end < last:
        last = end
    return first, last


def calendar_year(on: date) -> tuple[date, date]:
    return date(on.year, 1, 1), date(on.year, 12, 31)


@dataclass(frozen=True)
class Window:
    """The days whose JP count towards one total."""

    basis: str
    starts_on: date
    ends_on: date


def window_of(
    basis: str, on: date, contract_start: date | None, contract_end: date | None
) -> Window:
    """The counting window containing ``on`` under ``basis``. A contract-year rule
    counts over the calendar year for an employee without a contract start, or
    whose contract does not cover ``on``."""
    if basis == CONTRACT and contract_start is not None:
        span = contract_year(contract_start, contract_end, on)
        if span is not None:
            return Window(CONTRACT, *span)
    return Window(CALENDAR, *calendar_year(on))


def uses_contract(
    rule: Terms | None, on: date, contract_start: date | None, contract_end: date | None
) -> bool:
    return (
        rule is not None
        and window_of(rule.basis, on, contract_start, contract_end).basis == CONTRACT
    )


@dataclass(frozen=True)
class Assessment:
    """A JP total against its rule."""

    kind: str
    target: Decimal | None
    jp: Decimal

    @property
    def required(self) -> bool:
        """Whether the total has a minimum to reach."""
        return self.kind == MINIMUM and self.target is not None

    @property
    def capped(self) -> bool:
        return self.kind == CAP and self.target is not None

    @property
    def missing(self) -> Decimal:
        """JP still short of the minimum (0 when met, or without a minimum)."""
        if not self.required:
            return Decimal("0.00")
        return max(Decimal(0), self.target - self.jp).quantize(Decimal("0.01"))

    @property
    def behind(self) -> bool:
        return self.missing > 0

    @property
    def excess(self) -> Decimal:
        """JP above the cap (0 within it, or without a cap)."""
        if not self.capped:
            return Decimal("0.00")
        return max(Decimal(0), self.jp - self.target).quantize(Decimal("0.01"))

    @property
    def over(self) -> bool:
        return self.excess > 0

    @property
    def room(self) -> Decimal | None:
        """JP left under the cap (``None`` without a cap)."""
        if not self.capped:
            return None
        return max(Decimal(0), self.target - self.jp).quantize(Decimal("0.01"))

    @property
    def met(self) -> bool:
        """Minimum reached, or within the cap; never for a status without a rule."""
        if self.required:
            return not self.behind
        if self.capped:
            return not self.over
        return False

    @property
    def percent(self) -> int:
        """Share of the target reached (0–100); 0 without a target."""
        if self.target is None or self.kind == NONE or self.target <= 0:
            return 0
        return min(100, int(percent(self.jp, self.target, 0)))


def assess(rule: Terms | None, jp: Decimal) -> Assessment:
    if rule is None or not rule.has_target:
        return Assessment(NONE, None, jp)
    return Assessment(rule.kind, rule.jp, jp)


def would_exceed_cap(rule: Terms | None, jp: Decimal, adding: Decimal) -> bool:
    """Whether adding ``adding`` JP to a window holding ``jp`` passes a cap."""
    return (
        rule is not None
        and rule.kind == CAP
        and rule.jp is not None
        and jp + adding > rule.jp
    )
