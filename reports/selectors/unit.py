"""The unit report: a heatmap of the unit subtree's active employees (one page)
× dimensions coloured by gap, counts per dimension over the whole subtree, and
JP compliance (``ledger.selectors.unit_compliance``: the one definition, split by
employment status). A fixed number of queries whatever the size of the unit."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from assessments.selectors import insufficient_evidence, latest_levels
from competencies.gaps import gap
from competencies.models import Dimension, Standard
from competencies.selectors import dimensions as all_dimensions
from competencies.selectors import levels_of, standard_in_force
from ledger.selectors import (
    Compliance,
    JPStanding,
    reckoning,
    standings_of,
    unit_compliance,
)
from people.models import Employee, Unit
from people.tree import subtree_q
from plans.selectors import PlanProgress, plans_progress
from reports.gapstats import Stats, total
from reports.periods import period_now
from reports.selectors.aggregate import Filters, subtree_stats

PAGE_SIZE = 50


@dataclass(frozen=True)
class Cell:
    required: int | None
    level: int | None
    insufficient: bool = False  # no level: the test had too few answers

    @property
    def gap(self) -> int | None:
        return gap(self.required, self.level)

    @property
    def css(self) -> str:
        if self.level is None:
            return "gap-untested"
        g = self.gap
        return f"gap-{min(g, 4)}" if g is not None else ""


@dataclass(frozen=True)
class HeatmapRow:
    employee: Employee
    cells: list[Cell]
    standing: JPStanding
    plan: PlanProgress | None

    @property
    def jp(self) -> Decimal:
        return self.standing.jp

    @property
    def tested(self) -> bool:
        return any(cell.level is not None for cell in self.cells)

    @property
    def meets_jp(self) -> bool:
        """Not behind a minimum and not above a cap."""
        return not (self.standing.behind or self.standing.over)


@dataclass
class UnitReport:
    unit: Unit
    today: date
    standard: Standard | None
    dimensions: list[Dimension]
    stats: dict[int, Stats]
    page: Page
    rows: list[HeatmapRow]
    employees: int
    jp: Compliance

    @property
    def by_dimension(self) -> list[tuple[Dimension, Stats]]:
        return [(d, self.stats[d.pk]) for d in self.dimensions]

    @property
    def all_dimensions(self) -> Stats:
        return total(self.stats.values())

    @property
    def jp_compliant(self) -> int:
        return self.jp.compliant

    @property
    def jp_minimum(self) -> Decimal | None:
        return self.jp.minimum

    @property
    def jp_share(self) -> Decimal | None:
        return self.jp.share


def unit_employees(unit: Unit) -> QuerySet[Employee]:
    return (
        Employee.objects.filter(subtree_q(unit), is_active=True)
        .select_related("unit", "position_type")
        .order_by("unit__path", "name", "pk")
    )


def unit_report(
    unit: Unit, *, today: date, page_number: str | int | None
) -> UnitReport:
    dims = list(all_dimensions())
    standard = standard_in_force(today)
    required = levels_of(standard)
    stats = subtree_stats(
        path=unit.path,
        filters=Filters(),
        period=period_now(today),
        standard_id=standard.pk if standard else None,
        dimension_ids=[d.pk for d in dims],
    )
    employees = (
        next(iter(stats.values())).employees if stats else unit_employees(unit).count()
    )
    paginator = Paginator(unit_employees(unit), PAGE_SIZE)
    # The subtree count is known already: spare the paginator its COUNT query.
    paginator.count = employees
    page = paginator.get_page(page_number)
    people = list(page.object_list)
    ids = [e.pk for e in people]
    levels = latest_levels(ids) if ids else {}
    lacking = insufficient_evidence(ids) if ids else set()
    rk = reckoning(today)
    standings = (
        {
            s.employee.pk: s
            for s in standings_of(Employee.objects.filter(pk__in=ids), rk)
        }
        if ids
        else {}
    )
    plans = plans_progress(ids, today.year) if ids else {}
    rows = [
        HeatmapRow(
            employee=e,
            cells=[
                Cell(
                    required.get((e.position_type_id, d.pk)),
                    levels.get((e.pk, d.pk)),
                    (e.pk, d.pk) in lacking,
                )
                for d in dims
            ],
            standing=standings[e.pk],
            plan=plans.get(e.pk),
        )
        for e in people
    ]
    return UnitReport(
        unit=unit,
        today=today,
        standard=standard,
        dimensions=dims,
        stats=stats,
        page=page,
        rows=rows,
        employees=employees,
        jp=unit_compliance(unit, rk),
    )


def unit_export_rows(unit: Unit, *, today: date) -> tuple[list[Dimension], list]:
    """Every active employee of the subtree with levels, required levels and
    JP: for the CSV/XLSX export (a unit, not the province)."""
    dims = list(all_dimensions())
    required = levels_of(standard_in_force(today))
    people = list(unit_employees(unit))
    ids = [e.pk for e in people]
    levels = latest_levels(ids) if ids else {}
    jp = {
        s.employee.pk: s.jp
        for s in standings_of(unit_employees(unit), reckoning(today))
    }
    rows = []
    for e in people:
        cells = [
            Cell(required.get((e.position_type_id, d.pk)), levels.get((e.pk, d.pk)))
            for d in dims
        ]
        rows.append((e, cells, jp[e.pk]))
    return dims, rows
