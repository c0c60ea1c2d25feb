"""Report periods as pure functions: "now" (current levels) or the end of a
calendar quarter (levels and standard as of that day)."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

NOW = "now"
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    key: str  # "now" or "2025-Q4"
    on: date  # the as-of date
    is_now: bool

    @property
    def label(self) -> str:
        if self.is_now:
            return _("Saat ini")
        return self.key.replace("-", " ")


def quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year, month, 31 if month in (3, 12) else 30)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def period_now(today: date) -> Period:
    return Period(NOW, today, True)


def period_parse(text: str | None, today: date) -> Period | None:
    """ "now"/empty → now; "YYYY-Qn" of a quarter that has ended → that quarter's
    last day; anything else (or a quarter not yet over) → None."""
    if not text or text == NOW:
        return period_now(today)
    match = _QUARTER.match(text)
    if not match:
        return None
    end = quarter_end(int(match[1]), int(match[2]))
    if end >= today or end.year < 2000:
        return None
    return Period(text, end, False)


def recent_quarters(today: date, count: int) -> list[Period]:
    """The last ``count`` quarters that have ended, oldest first."""
    year, quarter = quarter_of(today)
    out = []
    for __ in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        out.append(Period(f"{year}-Q{quarter}", quarter_end(year, quarter), False))
    return list(reversed(out))
