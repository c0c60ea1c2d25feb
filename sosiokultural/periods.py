"""The calendar quarter (triwulan): the one period type of the project (IKM
surveys, past-quarter reports). Its text is "2018Q4"; ``parse_period`` also
accepts "2018-Q4" (the reports' former form), "2018 q4" and "Q4 2018"."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

_PERIOD = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[qQ]\s*([1-4])\s*$")
_PERIOD_REVERSED = re.compile(r"^\s*[qQ]\s*([1-4])\s*[-/ ]?\s*(\d{4})\s*$")
FIRST_YEAR = 2000
LAST_YEAR = 2100
# How many ended quarters a past-quarter report offers (and so how many quarter
# ends the level snapshots keep counted).
REPORT_QUARTERS = 8


@dataclass(frozen=True, order=True)
class Period:
    """A quarter (triwulan): the unit of an IKM survey and of a past-quarter
    report."""

    year: int
    quarter: int

    def __post_init__(self):
        if not 1 <= self.quarter <= 4:
            raise ValueError(_("Triwulan harus 1–4."))
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValueError(
                _("Tahun harus antara %(first)s dan %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        if self.quarter == 4:
            return date(self.year, 12, 31)
        following = date(self.year, 3 * self.quarter + 1, 1)
        return date.fromordinal(following.toordinal() - 1)

    @property
    def label(self) -> str:
        return _("Triwulan %(quarter)s %(year)s") % {
            "quarter": self.quarter,
            "year": self.year,
        }

    def previous(self) -> "Period":
        if self.quarter == 1:
            return Period(self.year - 1, 4)
        return Period(self.year, self.quarter - 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def key(self) -> str:
        """The text form, as in URLs and files: "2018Q4"."""
        return str(self)

    @classmethod
    def of(cls, day: date) -> "Period":
        return cls(day.year, (day.month - 1) // 3 + 1)


def ended_quarters(today: date, count: int) -> list[Period]:
    """The last ``count`` quarters that have ended by ``today``, oldest first."""
    quarter = Period.of(today)
    out = []
    for __ in range(count):
        quarter = quarter.previous()
        out.append(quarter)
    return list(reversed(out))


def parse_period(text: str) -> Period:
    """Accept "2018Q4" (also "2018-Q4", "2018 q4", "Q4 2018"); raise ``ValueError``
    with an Indonesian message otherwise."""
    text = str(text or "")
    match = _PERIOD.match(text)
    if match:
        year, quarter = match.groups()
    else:
        match = _PERIOD_REVERSED.match(text)
        if not match:
            raise ValueError(
                _(
                    "Periode '%(text)s' tidak valid; tulis tahun dan triwulan, "
                    "mis. 2018Q4."
                )
                % {"text": text.strip()}
            )
        quarter, year = match.groups()
    return Period(int(year), int(quarter))
