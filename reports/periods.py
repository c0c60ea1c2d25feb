"""Report periods as pure functions: "now" (current levels) or the end of a
calendar quarter that has ended (levels and standard as of that day). The
quarter is the project's one ``Period`` (``sosiokultural.periods``, text
"2025Q4"; "2025-Q4" is accepted too)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from sosiokultural.periods import Period, ended_quarters, parse_period

NOW = "now"


@dataclass(frozen=True)
class ReportPeriod:
    """What a report reads: now (``quarter`` None) or a quarter's last day."""

    quarter: Period | None
    on: date  # the as-of date

    @property
    def is_now(self) -> bool:
        return self.quarter is None

    @property
    def key(self) -> str:
        return NOW if self.quarter is None else self.quarter.key

    @property
    def label(self) -> str:
        if self.quarter is None:
            return _("Saat ini")
        return f"{self.quarter.year} Q{self.quarter.quarter}"


def quarter_end(year: int, quarter: int) -> date:
    return Period(year, quarter).end


def quarter_of(day: date) -> tuple[int, int]:
    quarter = Period.of(day)
    return quarter.year, quarter.quarter


def period_now(today: date) -> ReportPeriod:
    return ReportPeriod(None, today)


def period_of(quarter: Period) -> ReportPeriod:
    return ReportPeriod(quarter, quarter.end)


def period_parse(text: str | None, today: date) -> ReportPeriod | None:
    """ "now"/empty → now; a quarter ("2025Q4", "2025-Q4", …) that has ended →
    that quarter's last day; anything else (or a quarter not yet over) → None."""
    if not text or text == NOW:
        return period_now(today)
    try:
        quarter = parse_period(text)
    except ValueError:
        return None
    if quarter.end >= today:
        return None
    return period_of(quarter)


def recent_quarters(today: date, count: int) -> list[ReportPeriod]:
    """The last ``count`` quarters that have ended, oldest first."""
    return [period_of(quarter) for quarter in ended_quarters(today, count)]
