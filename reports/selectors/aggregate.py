"""Gap aggregates computed in the database.

One pass over the levels of the subtree of a unit gives every per-dimension
figure: current (or as-of) levels joined to their employee (filtered) and to the
required level of the standard in force (a LEFT JOIN on position type and
dimension), grouped by (unit, dimension) with conditional aggregates — employees
at each level 1–5, with a requirement, meeting it, and the summed gap. A second,
small GROUP BY counts active employees per unit. The subtree is one indexed
``path LIKE 'prefix%'`` on the units (a semi-join), and units are mapped to the
report's rows (the children of the selected unit) in Python from ≤ one row per
unit and dimension; nothing iterates over employees.

Levels "now" are the ``assessments.LevelCount`` roll-up (counts per unit ×
position type × dimension × level; ``LatestLevel`` when a gender or status filter
asks for individual employees); levels as of the end of a past quarter are the
``assessments.LevelCountAt`` roll-up when that day is a snapshot day (the daily
task makes the quarters the reports offer snapshot days), else the released
``DimensionResult`` rows whose validity interval contains it (an indexed range
filter, ``assessments.selectors.levels_in_force``) — the same numbers. Program demand is
``programs.demand``.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr

from assessments.models import (
    DimensionResult,
    LatestLevel,
    LevelCount,
    LevelCountAt,
    LevelSnapshotDay,
    Result,
)
from assessments.selectors import levels_in_force
from competencies.models import Standard
from competencies.selectors import levels_of, standard_in_force
from people.models import Employee, Unit
from people.tree import child_key_length
from reports.gapstats import LEVELS, Stats, combine, total
from reports.periods import ReportPeriod


@dataclass(frozen=True)
class Filters:
    dimension_id: int | None = None
    position_type_id: int | None = None
    gender: str = ""
    employment_status: str = ""

    def as_params(self) -> dict:
        return {
            "dimension": self.dimension_id,
            "position_type": self.position_type_id,
            "gender": self.gender,
            "employment_status": self.employment_status,
        }


def subtree_units(path: str) -> QuerySet[Unit]:
    return Unit.objects.subtree_at(path)


def employee_q(prefix: str, path: str, filters: Filters) -> Q:
    """Active employees of the subtree at ``path`` ("" = everywhere) matching
    ``filters``; ``prefix`` is the lookup path to the employee ("" for
    Employee itself). The subtree is a semi-join on the units' path index."""
    q = Q(**{f"{prefix}is_active": True})
    if path:
        q &= Q(**{f"{prefix}unit_id__in": subtree_units(path).values("pk")})
    if filters.position_type_id:
        q &= Q(**{f"{prefix}position_type_id": filters.position_type_id})
    if filters.gender:
        q &= Q(**{f"{prefix}gender": filters.gender})
    if filters.employment_status:
        q &= Q(**{f"{prefix}employment_status": filters.employment_status})
    return q


def _levels(
    period: ReportPeriod, path: str, filters: Filters, standard_id: int | None
) -> QuerySet:
    """Level rows in force in ``period`` for the employees in scope, with ``req``
    = their required level joined."""
    rows = levels_in_force(None if period.is_now else period.on).filter(
        employee_q("employee__", path, filters)
    )
    if filters.dimension_id:
        rows = rows.filter(dimension_id=filters.dimension_id)
    return rows.annotate(req=_required("employee__position_type", standard_id))


def _required(position_type: str, standard_id: int | None) -> FilteredRelation:
    relation = f"{position_type}__required_levels"
    return FilteredRelation(
        relation,
        condition=Q(
            **{
                f"{relation}__standard_id": standard_id,
                f"{relation}__dimension_id": F("dimension_id"),
            }
        ),
    )


_GAP = Case(
    When(req__level__gt=F("level"), then=F("req__level") - F("level")),
    default=Value(0),
)


def grouped_levels(
    *,
    path: str,
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    by_unit: bool = True,
) -> list[tuple]:
    """[(unit_id, dimension_id, at level 1, …, at level 5, with a requirement,
    meeting it, summed gap)]: one GROUP BY (unit, dimension), or by dimension
    alone with ``by_unit=False`` (unit_id None: the whole subtree). Without a gender or
    status filter, current levels come from the ``LevelCount`` roll-up and those
    at the end of a past quarter from ``LevelCountAt`` when that day is a
    snapshot day (a few rows per unit); otherwise from the level rows
    themselves."""
    if not filters.gender and not filters.employment_status:
        if period.is_now:
            counts = LevelCount.objects.all()
        elif LevelSnapshotDay.objects.filter(on=period.on).exists():
            counts = LevelCountAt.objects.filter(on=period.on)
        else:
            counts = None
        if counts is not None:
            return _grouped_counts(
                counts,
                path=path,
                filters=filters,
                standard_id=standard_id,
                by_unit=by_unit,
            )
    return _grouped_level_rows(
        path=path,
        filters=filters,
        period=period,
        standard_id=standard_id,
        by_unit=by_unit,
    )


def _grouped_level_rows(
    *,
    path: str,
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    by_unit: bool,
) -> list[tuple]:
    """As ``grouped_levels`` from the level rows themselves."""
    rows = _levels(period, path, filters, standard_id)
    return _keyed(
        by_unit,
        rows.order_by()
        .values_list(*_unit_column("employee__unit_id", by_unit), "dimension_id")
        .annotate(
            **{f"level_{n}": Count("pk", filter=Q(level=n)) for n in LEVELS},
            with_requirement=Count("req__level"),
            meeting=Count("pk", filter=Q(level__gte=F("req__level"))),
            gap_sum=Sum(_GAP),
        ),
    )


def _unit_column(name: str, by_unit: bool) -> tuple[str, ...]:
    return (name,) if by_unit else ()


def _keyed(by_unit: bool, rows: QuerySet) -> list[tuple]:
    """The rows as (unit_id, …): grouped without the unit, unit_id is None."""
    return list(rows) if by_unit else [(None, *row) for row in rows]


def _grouped_counts(
    rows: QuerySet,
    *,
    path: str,
    filters: Filters,
    standard_id: int | None,
    by_unit: bool = True,
    by_day: bool = False,
) -> list[tuple]:
    """As ``grouped_levels`` over a count roll-up (``LevelCount``, or
    ``LevelCountAt`` of one or, with ``by_day``, several days: each row then
    starts with its day)."""
    if path:
        rows = rows.filter(unit_id__in=subtree_units(path).values("pk"))
    if filters.position_type_id:
        rows = rows.filter(position_type_id=filters.position_type_id)
    if filters.dimension_id:
        rows = rows.filter(dimension_id=filters.dimension_id)
    n = F("employees")
    zero = Value(0)
    day = ("on",) if by_day else ()
    return _keyed(
        by_unit or by_day,
        rows.annotate(req=_required("position_type", standard_id))
        .order_by()
        .values_list(*day, *_unit_column("unit_id", by_unit), "dimension_id")
        .annotate(
            **{
                f"level_{lv}": Coalesce(Sum(n, filter=Q(level=lv)), zero)
                for lv in LEVELS
            },
            with_requirement=Coalesce(Sum(n, filter=Q(req__level__isnull=False)), zero),
            meeting=Coalesce(Sum(n, filter=Q(level__gte=F("req__level"))), zero),
            gap_sum=Sum(n * _GAP),
        ),
    )


def grouped_levels_at(
    *, path: str, filters: Filters, periods: dict[ReportPeriod, int | None]
) -> dict[ReportPeriod, list[tuple]]:
    """``grouped_levels`` of the whole subtree (``by_unit=False``) at several
    past quarter ends, ``periods`` giving the standard in force at each: the
    snapshot days among them from one query over ``LevelCountAt`` per standard
    (rather than a scan of the roll-up per day), the others (and all of them
    with a gender or status filter) from the level rows, one query each."""
    days = set()
    if not filters.gender and not filters.employment_status and periods:
        days = set(
            LevelSnapshotDay.objects.filter(
                on__in=[period.on for period in periods]
            ).values_list("on", flat=True)
        )
    out: dict[ReportPeriod, list[tuple]] = {}
    for period, standard_id in periods.items():
        if period.on in days:
            out[period] = []
        else:
            out[period] = _grouped_level_rows(
                path=path,
                filters=filters,
                period=period,
                standard_id=standard_id,
                by_unit=False,
            )
    at = {period.on: period for period in periods if period.on in days}
    by_standard: dict[int | None, list[date]] = {}
    for day, period in sorted(at.items()):
        by_standard.setdefault(periods[period], []).append(day)
    for standard_id, of_standard in by_standard.items():
        for on, *row in _grouped_counts(
            LevelCountAt.objects.filter(on__in=of_standard),
            path=path,
            filters=filters,
            standard_id=standard_id,
            by_unit=False,
            by_day=True,
        ):
            out[at[on]].append((None, *row))
    return out


def grouped_insufficient(
    *, path: str, filters: Filters, period: ReportPeriod, by_unit: bool = True
) -> list[tuple[int | None, int, int]]:
    """[(unit_id, dimension_id, employees)] without a level in the dimension
    (as of the period) whose released test had too few answers in it: one
    GROUP BY over the rows without a level (a partial index); by dimension
    alone with ``by_unit=False`` (unit_id None)."""
    prefix = "result__employee__"
    rows = DimensionResult.objects.filter(
        employee_q(prefix, path, filters),
        result__status=Result.Status.RELEASED,
        level__isnull=True,
    )
    if period.is_now:
        has_level = LatestLevel.objects.filter(
            employee_id=OuterRef("result__employee_id"),
            dimension_id=OuterRef("dimension_id"),
        )
    else:
        rows = rows.filter(result__assessed_on__lte=period.on)
        has_level = DimensionResult.objects.filter(
            result__employee_id=OuterRef("result__employee_id"),
            dimension_id=OuterRef("dimension_id"),
            result__status=Result.Status.RELEASED,
            result__assessed_on__lte=period.on,
            level__isnull=False,
        )
    if filters.dimension_id:
        rows = rows.filter(dimension_id=filters.dimension_id)
    return _keyed(
        by_unit,
        rows.filter(~Exists(has_level))
        .order_by()
        .values_list(*_unit_column(f"{prefix}unit_id", by_unit), "dimension_id")
        .annotate(n=Count("result__employee_id", distinct=True)),
    )


def grouped_employees(*, path: str, filters: Filters) -> list[tuple[int, int]]:
    """[(unit_id, active employees)]."""
    return list(
        Employee.objects.filter(employee_q("", path, filters))
        .order_by()
        .values_list("unit_id")
        .annotate(n=Count("*"))
    )


def scope_stats(
    *,
    path: str,
    key_len: int,
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    dimension_ids: list[int],
    employees: list[tuple[int, int]] | None = None,
    levels: list[tuple] | None = None,
) -> dict[str, dict[int, Stats]]:
    """{row key: {dimension_id: Stats}}, the row key being the first ``key_len``
    characters of the unit path. Three queries (levels, employees, dimensions
    without enough evidence), and a fourth for the paths of their units when the
    rows split the subtree. ``employees``: ``grouped_employees`` of the same path
    and filters when the caller already has them (they do not depend on the
    period); ``levels``: ``grouped_levels`` of the same arguments, likewise."""
    # One row for the whole subtree: the database adds the units up (a few rows
    # per dimension instead of one per unit and dimension).
    whole = key_len <= len(path)
    if levels is None:
        levels = grouped_levels(
            path=path,
            filters=filters,
            period=period,
            standard_id=standard_id,
            by_unit=not whole,
        )
    if employees is None:
        employees = grouped_employees(path=path, filters=filters)
    insufficient = grouped_insufficient(
        path=path, filters=filters, period=period, by_unit=not whole
    )
    if whole:
        # Every row has the same key.
        def key(unit_id: int) -> str:
            return path[:key_len]
    else:
        unit_ids = (
            {row[0] for row in levels}
            | {row[0] for row in employees}
            | {row[0] for row in insufficient}
        )
        keys = dict(
            Unit.objects.filter(pk__in=unit_ids)
            .annotate(key=Substr("path", 1, key_len))
            .values_list("pk", "key")
        )
        key = keys.__getitem__
    return combine(
        level_rows=[(key(row[0]), *row[1:]) for row in levels],
        employee_rows=[(key(unit_id), n) for unit_id, n in employees],
        dimension_ids=dimension_ids,
        insufficient_rows=[(key(row[0]), *row[1:]) for row in insufficient],
    )


def subtree_stats(
    *,
    path: str,
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    dimension_ids: list[int],
    employees: list[tuple[int, int]] | None = None,
    levels: list[tuple] | None = None,
) -> dict[int, Stats]:
    """{dimension_id: Stats} of one whole subtree ("" = every unit);
    ``employees`` and ``levels`` as in ``scope_stats``."""
    rows = scope_stats(
        path=path,
        key_len=len(path),
        filters=filters,
        period=period,
        standard_id=standard_id,
        dimension_ids=dimension_ids,
        employees=employees,
        levels=levels,
    )
    # The key is the whole path ("" for every unit): one row at most.
    return rows.get(path) or {d: Stats() for d in dimension_ids}


# -- the page -----------------------------------------------------------------------


@dataclass
class AggregateRow:
    unit: Unit | None  # None: the employees placed in the selected unit itself
    key: str
    employees: int
    by_dimension: dict[int, Stats]
    all_dimensions: Stats
    has_children: bool = False


def child_rows(
    *, parent: Unit | None, units: QuerySet[Unit]
) -> tuple[list[Unit], set[int]]:
    """The children of ``parent`` (the top units for None) among ``units``, and
    which of them have children of their own (two queries)."""
    children = list(
        units.filter(parent=parent).order_by("code")
        if parent
        else units.filter(parent__isnull=True).order_by("code")
    )
    parents = set(
        units.filter(parent__in=children)
        .order_by()
        .values_list("parent_id", flat=True)
        .distinct()
    )
    return children, parents


def required_for(on: date) -> tuple[Standard | None, dict[tuple[int, int], int]]:
    """The standard in force on ``on`` and its required levels (two queries)."""
    standard = standard_in_force(on)
    return standard, levels_of(standard)


def aggregate_rows(
    *,
    parent: Unit | None,
    children: list[Unit],
    with_children: set[int],
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    dimension_ids: list[int],
) -> list[AggregateRow]:
    """One row per child (its whole subtree) plus, when any, a row for the
    employees placed directly in ``parent``."""
    path = parent.path if parent else ""
    stats = scope_stats(
        path=path,
        key_len=child_key_length(parent),
        filters=filters,
        period=period,
        standard_id=standard_id,
        dimension_ids=dimension_ids,
    )

    def row(unit: Unit | None, key: str) -> AggregateRow:
        by_dim = stats.get(key) or {d: Stats() for d in dimension_ids}
        employees = next(iter(by_dim.values())).employees if by_dim else 0
        return AggregateRow(
            unit=unit,
            key=key,
            employees=employees,
            by_dimension=by_dim,
            all_dimensions=total(by_dim.values()),
            has_children=bool(unit and unit.pk in with_children),
        )

    rows = [row(child, child.path) for child in children]
    if parent and parent.path in stats:
        rows.insert(0, row(None, parent.path))
    return rows
