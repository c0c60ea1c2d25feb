"""Gap statistics as pure functions: turning the grouped counts the database
returns into the numbers the reports show.

The database returns, per (unit, dimension): the employees at each level 1–5,
how many of them have a required level in the standard in force, how many meet
it, and their summed gap; and, per unit, the active employees. This module sums
those rows into the report's rows (a child unit's whole subtree) and derives the
ratios. It never sees individual employees: its cost depends on the number of
units × dimensions, not on the size of the province.

Definitions, per scope row and dimension:
- employees: active employees matching the filters;
- tested: of them, with a level in the dimension (as of the period); untested =
  employees − tested;
- insufficient: of the untested, those whose released test had too few answers
  in the dimension for a level ("bukti belum cukup"): untested, never meeting;
- with a requirement: tested employees whose position has a required level for
  the dimension in the standard in force (only these have a gap);
- gap = max(0, required − level) (``competencies.gaps.gap``); meeting: gap 0;
- mean gap = Σ gap ÷ (tested with a requirement), rounded half up to 2 decimals;
- share meeting = meeting × 100 ÷ (tested with a requirement), rounded half up to
  1 decimal.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from competencies.gaps import gap
from sosiokultural.rounding import percent as share
from sosiokultural.rounding import ratio

LEVELS = (1, 2, 3, 4, 5)
CENT = Decimal("0.01")
TENTH = Decimal("0.1")


def mean_gap(gap_sum: int, count: int) -> Decimal | None:
    if not count:
        return None
    return ratio(gap_sum, count, 2)


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return share(part, whole, 1)


@dataclass
class Stats:
    """Counts of one scope row in one dimension (or summed over dimensions)."""

    employees: int = 0
    levels: dict[int, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    with_requirement: int = 0
    meeting: int = 0
    gap_sum: int = 0
    insufficient: int = 0

    @property
    def tested(self) -> int:
        return sum(self.levels.values())

    @property
    def untested(self) -> int:
        return self.employees - self.tested

    @property
    def with_gap(self) -> int:
        return self.with_requirement - self.meeting

    @property
    def mean_gap(self) -> Decimal | None:
        return mean_gap(self.gap_sum, self.with_requirement)

    @property
    def share_meeting(self) -> Decimal | None:
        return percent(self.meeting, self.with_requirement)

    @property
    def share_tested(self) -> Decimal | None:
        return percent(self.tested, self.employees)

    @property
    def distribution(self) -> list[tuple[int, int]]:
        return [(level, self.levels[level]) for level in LEVELS]

    def add(self, other: "Stats") -> None:
        self.employees += other.employees
        for level in LEVELS:
            self.levels[level] += other.levels[level]
        self.with_requirement += other.with_requirement
        self.meeting += other.meeting
        self.gap_sum += other.gap_sum
        self.insufficient += other.insufficient


def combine(
    *,
    level_rows: Iterable[tuple],
    employee_rows: Iterable[tuple[str, int]],
    dimension_ids: Iterable[int],
    insufficient_rows: Iterable[tuple[str, int, int]] = (),
) -> dict[str, dict[int, Stats]]:
    """{row key: {dimension_id: Stats}} from
    ``level_rows`` = (key, dimension_id, at level 1, …, at level 5, with a
    requirement, meeting, summed gap), ``employee_rows`` = (key, employees) and
    ``insufficient_rows`` = (key, dimension_id, employees without enough
    evidence); several rows of one key (the units of one subtree) are added up."""
    dimension_ids = list(dimension_ids)
    result: dict[str, dict[int, Stats]] = {}

    def row(key: str) -> dict[int, Stats]:
        if key not in result:
            result[key] = {d: Stats() for d in dimension_ids}
        return result[key]

    for key, count in employee_rows:
        for stats in row(key).values():
            stats.employees += count
    for key, dimension_id, *levels, with_requirement, meeting, gap_sum in level_rows:
        stats = row(key).get(dimension_id)
        if stats is None:  # a dimension outside the filter
            continue
        for level, count in zip(LEVELS, levels, strict=True):
            stats.levels[level] += count
        stats.with_requirement += with_requirement
        stats.meeting += meeting
        stats.gap_sum += gap_sum or 0
    for key, dimension_id, count in insufficient_rows:
        stats = row(key).get(dimension_id)
        if stats is not None:
            stats.insufficient += count
    return result


def stats_of(rows: Iterable[tuple[int, int, int | None]]) -> Stats:
    """Stats from (level, required, employees) triples: the reference rule the
    database aggregates reproduce (used by tests and one-employee summaries)."""
    out = Stats()
    for level, required, count in rows:
        out.levels[level] += count
        g = gap(required, level)
        if g is not None:
            out.with_requirement += count
            out.gap_sum += g * count
            if g == 0:
                out.meeting += count
    return out


def total(stats: Iterable[Stats]) -> Stats:
    """The sum of several Stats (over dimensions, or over rows)."""
    out = Stats()
    for item in stats:
        out.add(item)
    return out
