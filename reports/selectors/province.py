"""The BPSDM aggregate page (also a head's, limited to the head's subtree):
children of the selected unit as rows, each over its whole subtree; level
distribution, mean gap and share meeting the standard; top needs and the
program demand they make; the trend across periods."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from competencies.models import Dimension, Standard
from competencies.selectors import dimensions as all_dimensions
from competencies.selectors import standard_in_force
from people.models import Employee, Unit
from people.selectors import unit_ancestors
from programs.demand import DemandRow, program_demand
from reports.gapstats import Stats, total
from reports.periods import ReportPeriod, recent_quarters
from reports.selectors.aggregate import (
    AggregateRow,
    Filters,
    aggregate_rows,
    child_rows,
    employee_q,
    grouped_employees,
    grouped_levels_at,
    required_for,
    subtree_stats,
    subtree_units,
)

TREND_QUARTERS = 4


@dataclass(frozen=True)
class Need:
    dimension: Dimension
    stats: Stats


@dataclass
class AggregateReport:
    unit: Unit | None
    breadcrumb: list[Unit]
    period: ReportPeriod
    filters: Filters
    standard: Standard | None
    required: dict[tuple[int, int], int]
    dimensions: list[Dimension]
    rows: list[AggregateRow]
    total_by_dimension: dict[int, Stats]

    @property
    def total(self) -> Stats:
        return total(self.total_by_dimension.values())

    @property
    def employees(self) -> int:
        return sum(row.employees for row in self.rows)

    @property
    def needs(self) -> list[Need]:
        """Dimensions by number of employees with a gap, most first."""
        needs = [
            Need(d, self.total_by_dimension[d.pk])
            for d in self.dimensions
            if self.total_by_dimension[d.pk].with_gap
        ]
        return sorted(needs, key=lambda n: (-n.stats.with_gap, n.dimension.number))

    @property
    def dimension_names(self) -> dict[int, str]:
        return {d.pk: d.label for d in self.dimensions}


def report_dimensions(filters: Filters) -> list[Dimension]:
    dims = all_dimensions()
    if filters.dimension_id:
        dims = dims.filter(pk=filters.dimension_id)
    return list(dims)


def aggregate_report(
    *,
    unit: Unit | None,
    units,
    filters: Filters,
    period: ReportPeriod,
) -> AggregateReport:
    """``unit`` None = the top units (BPSDM); ``units`` = the units the user may
    see (the children are looked up among them)."""
    dims = report_dimensions(filters)
    dim_ids = [d.pk for d in dims]
    standard, required = required_for(period.on)
    children, with_children = child_rows(parent=unit, units=units)
    rows = aggregate_rows(
        parent=unit,
        children=children,
        with_children=with_children,
        filters=filters,
        period=period,
        standard_id=standard.pk if standard else None,
        dimension_ids=dim_ids,
    )
    totals = {d: total(row.by_dimension[d] for row in rows) for d in dim_ids}
    return AggregateReport(
        unit=unit,
        breadcrumb=list(unit_ancestors(unit)) if unit else [],
        period=period,
        filters=filters,
        standard=standard,
        required=required,
        dimensions=dims,
        rows=rows,
        total_by_dimension=totals,
    )


def aggregate_demand(
    *, unit: Unit | None, filters: Filters, period: ReportPeriod, today: date
) -> list[DemandRow]:
    """Program demand of the selected subtree (a fragment of its own, loaded
    after the page), most demanded form first: now, without a gender or status
    filter, from the ``LevelProfileCount`` roll-up; otherwise a pass over the
    levels."""
    standard = standard_in_force(period.on)
    path = unit.path if unit else ""
    profiles = None
    if period.is_now and not filters.gender and not filters.employment_status:
        profiles = Q()
        if path:
            profiles &= Q(unit_id__in=subtree_units(path).values("pk"))
        if filters.position_type_id:
            profiles &= Q(position_type_id=filters.position_type_id)
    demand = program_demand(
        employees=Employee.objects.filter(employee_q("", path, filters)),
        levels_on=None if period.is_now else period.on,
        standard_id=standard.pk if standard else None,
        offers_on=today,
        profiles=profiles,
    )
    return sorted(demand.rows, key=lambda r: (-r.employees, r.form.order, r.form.pk))


@dataclass(frozen=True)
class TrendPoint:
    period: ReportPeriod
    stats: Stats


def aggregate_trend(
    *, unit: Unit | None, filters: Filters, today: date, now: ReportPeriod
) -> list[TrendPoint]:
    """The whole subtree's figures at the end of each of the last
    ``TREND_QUARTERS`` quarters and now (standard in force at each date)."""
    dims = report_dimensions(filters)
    dim_ids = [d.pk for d in dims]
    path = unit.path if unit else ""
    # Employees are counted by their placement now: the same for every point.
    employees = grouped_employees(path=path, filters=filters)
    periods = [*recent_quarters(today, TREND_QUARTERS), now]
    standards = {}
    for period in periods:
        standard = standard_in_force(period.on)
        standards[period] = standard.pk if standard else None
    # The past points (those that are snapshot days in one pass).
    levels_at = grouped_levels_at(
        path=path,
        filters=filters,
        periods={p: standards[p] for p in periods if not p.is_now},
    )
    points = []
    for period in periods:
        stats = subtree_stats(
            path=path,
            filters=filters,
            period=period,
            standard_id=standards[period],
            dimension_ids=dim_ids,
            employees=employees,
            levels=levels_at.get(period),
        )
        points.append(TrendPoint(period, total(stats.values())))
    return points
