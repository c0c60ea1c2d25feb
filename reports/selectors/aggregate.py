"""Gap aggregates computed in the database.

One pass over the levels of the subtree of a unit gives every per-dimension
figure: current (or as-of) levels joined to their employee (filtered) and to the
required level of the standard in force (a LEFT JOIN on position type and
dimension), grouped by (unit, dimension) with conditional aggregates — employees
at each level 1–5, with a requirement, meeting it, and the summed gap. A second,
small GROUP BY counts active employees per unit. The subtree is one indexed
``path LIKE 'prefix%'`` on the units (a semi-join), and the units' rows are added
up per report row (the children of the selected unit: a prefix of the unit
path) in the same statement, so a few rows per report row reach Python
(``_per_key``); nothing iterates over employees or units.

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

from django.db import connection
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

from assessments.models import (
    DimensionResult,
    LatestLevel,
    LevelCount,
    LevelCountAt,
    LevelSnapshotDay,
    Result,
)
from assessments.selectors import levels_in_force
from competencies.models import RequiredLevel, Standard
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
    key_len: int | None = None,
) -> list[tuple]:
    """[(row key, dimension_id, at level 1, …, at level 5, with a requirement,
    meeting it, summed gap)], the row key being the first ``key_len`` characters
    of the unit path (the report's row the unit falls in), or None with
    ``key_len`` None: one row per dimension for the whole subtree. Without a
    gender or status filter, current levels come from the ``LevelCount`` roll-up
    and those at the end of a past quarter from ``LevelCountAt`` when that day
    is a snapshot day (a few rows per unit); otherwise from the level rows
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
                key_len=key_len,
            )
    return _grouped_level_rows(
        path=path,
        filters=filters,
        period=period,
        standard_id=standard_id,
        key_len=key_len,
    )


def _grouped_level_rows(
    *,
    path: str,
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    key_len: int | None,
) -> list[tuple]:
    """As ``grouped_levels`` from the level rows themselves."""
    return _per_key(
        _levels(period, path, filters, standard_id),
        unit="employee__unit_id",
        key_len=key_len,
        group=("dimension_id",),
        **{f"level_{n}": Count("pk", filter=Q(level=n)) for n in LEVELS},
        with_requirement=Count("req__level"),
        meeting=Count("pk", filter=Q(level__gte=F("req__level"))),
        gap_sum=Sum(_GAP),
    )


def _per_key(
    rows: QuerySet,
    *,
    unit: str,
    key_len: int | None,
    group: tuple[str, ...] = (),
    **sums,
) -> list[tuple]:
    """[(row key, *group, *sums)] of ``rows``: the row key is the first
    ``key_len`` characters of the path of the unit ``unit`` names, or None with
    ``key_len`` None (one group for the whole subtree). ``sums`` are aggregates
    that add up across units (counts and sums; a distinct count of employees
    too, an employee having one unit).

    By key, the ORM groups the rows per unit and the database adds the units'
    rows up per key around that: grouping the rows by the key itself would join
    every row to its unit (measured four times slower over the employees)."""
    rows = rows.order_by()
    if key_len is None:
        if not group:
            return [(None, *rows.aggregate(**sums).values())]
        return [(None, *row) for row in rows.values_list(*group).annotate(**sums)]
    named = {f"g{i}": F(column) for i, column in enumerate(group)}
    inner, params = (
        rows.values(k=F(unit), **named).annotate(**sums).query.sql_with_params()
    )
    sql, params = _added_up_per_key(
        inner, params, key_len=key_len, group=list(named), sums=list(sums)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _added_up_per_key(
    inner: str, params, *, key_len: int, group: list[str], sums: list[str]
) -> tuple[str, list]:
    """A statement around ``inner`` (SQL whose rows are per unit: its unit id
    ``k``, the ``group`` columns and the ``sums`` columns) that adds its rows up
    per row key, the first ``key_len`` characters of the unit's path:
    [(row key, *group, *sums)]. The sums come back as integers (PostgreSQL sums a
    bigint into a numeric, a Decimal in Python)."""
    columns = "".join(f"x.{name}, " for name in group)
    added = ", ".join(f"CAST(SUM(x.{name}) AS BIGINT)" for name in sums)
    positions = ", ".join(str(i + 1) for i in range(len(group) + 1))
    # Only a table name, the column names above and SQL compiled by the ORM (its
    # parameters kept apart) make up the text.
    sql = f"""
        SELECT SUBSTR(u.path, 1, %s), {columns}{added}
          FROM ({inner}) x JOIN {Unit._meta.db_table} u ON u.id = x.k
         GROUP BY {positions}
    """  # noqa: S608  # nosec B608
    return sql, [key_len, *params]


# The sums of a count roll-up's rows ``c`` in ``grouped_levels``' column order,
# ``r`` being the required level of the row's position type and dimension (NULL
# where the standard requires none).
_COUNT_SUMS = ", ".join(
    [
        *(
            f"SUM(CASE WHEN c.level = {lv} THEN c.employees ELSE 0 END) AS l{lv}"
            for lv in LEVELS
        ),
        "SUM(CASE WHEN r.level IS NOT NULL THEN c.employees ELSE 0 END) AS wr",
        "SUM(CASE WHEN c.level >= r.level THEN c.employees ELSE 0 END) AS m",
        "SUM(c.employees * CASE WHEN r.level > c.level THEN r.level - c.level "
        "ELSE 0 END) AS g",
    ]
)
_COUNT_SUM_NAMES = [*(f"l{lv}" for lv in LEVELS), "wr", "m", "g"]


def _grouped_counts(
    rows: QuerySet,
    *,
    path: str,
    filters: Filters,
    standard_id: int | None,
    key_len: int | None = None,
    by_day: bool = False,
) -> list[tuple]:
    """As ``grouped_levels`` over a count roll-up: ``LevelCount``, or
    ``LevelCountAt`` of one day or, with ``by_day``, of several (each row then
    starts with its day, and ``key_len`` must be None).

    The ORM selects the roll-up's rows (subtree, filters); the sums are written
    here, so that the required level joins on the row's own position type and
    dimension (the ORM would join the position types to reach it) and, with
    ``key_len``, the units' sums are added up per row key in the same statement:
    a few rows per key reach Python instead of one per unit and dimension."""
    if by_day and key_len is not None:
        raise ValueError("by_day groups the whole subtree: key_len must be None")
    if path:
        rows = rows.filter(unit_id__in=subtree_units(path).values("pk"))
    if filters.position_type_id:
        rows = rows.filter(position_type_id=filters.position_type_id)
    if filters.dimension_id:
        rows = rows.filter(dimension_id=filters.dimension_id)
    columns = ["unit_id", "position_type_id", "dimension_id", "level", "employees"]
    source, params = (
        rows.order_by()
        .values_list(*(["on"] if by_day else []), *columns)
        .query.sql_with_params()
    )
    on = f"c.{connection.ops.quote_name('on')}"
    group = [on] if by_day else ["c.unit_id"] if key_len is not None else []
    group_as = [f"{column} AS k" for column in group]
    # Only table names of the project's models, the fixed sums above and SQL
    # compiled by the ORM (its parameters kept apart) make up the text.
    required = RequiredLevel._meta.db_table
    sql = f"""
        SELECT {"".join(c + ", " for c in group_as)}c.dimension_id AS dim, {_COUNT_SUMS}
          FROM ({source}) c
          LEFT JOIN {required} r ON r.position_type_id = c.position_type_id
           AND r.dimension_id = c.dimension_id AND r.standard_id = %s
         GROUP BY {"".join(c + ", " for c in group)}c.dimension_id
    """  # noqa: S608  # nosec B608
    params = [*params, standard_id]
    if key_len is not None:
        sql, params = _added_up_per_key(
            sql, params, key_len=key_len, group=["dim"], sums=_COUNT_SUM_NAMES
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        out = cursor.fetchall()
    return out if group else [(None, *row) for row in out]


def grouped_levels_at(
    *, path: str, filters: Filters, periods: dict[ReportPeriod, int | None]
) -> dict[ReportPeriod, list[tuple]]:
    """``grouped_levels`` of the whole subtree (``key_len`` None) at several
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
                key_len=None,
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
            by_day=True,
        ):
            out[at[on]].append((None, *row))
    return out


def grouped_insufficient(
    *, path: str, filters: Filters, period: ReportPeriod, key_len: int | None = None
) -> list[tuple[int | None, int, int]]:
    """[(unit_id, dimension_id, employees)] without a level in the dimension
    (as of the period) whose released test had too few answers in it: one
    GROUP BY over the rows without a level (a partial index); by dimension
    alone with ``key_len`` None (row key None); the row key as in
    ``grouped_levels``."""
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
    return _per_key(
        rows.filter(~Exists(has_level)),
        unit=f"{prefix}unit_id",
        key_len=key_len,
        group=("dimension_id",),
        n=Count("result__employee_id", distinct=True),
    )


def grouped_employees(
    *, path: str, filters: Filters, key_len: int | None = None
) -> list[tuple[str | None, int]]:
    """[(row key, active employees)], the row key as in ``grouped_levels``."""
    return _per_key(
        Employee.objects.filter(employee_q("", path, filters)),
        unit="unit_id",
        key_len=key_len,
        n=Count("*"),
    )


def scope_stats(
    *,
    path: str,
    key_len: int,
    filters: Filters,
    period: ReportPeriod,
    standard_id: int | None,
    dimension_ids: list[int],
    employees: list[tuple] | None = None,
    levels: list[tuple] | None = None,
) -> dict[str, dict[int, Stats]]:
    """{row key: {dimension_id: Stats}}, the row key being the first ``key_len``
    characters of the unit path. Three queries (levels, employees, dimensions
    without enough evidence), each grouped by row key in the database.
    ``employees``: ``grouped_employees`` of the same path, filters and keys when
    the caller already has them (they do not depend on the period); ``levels``:
    ``grouped_levels`` of the same arguments, likewise."""
    # One row for the whole subtree when the key cannot split it.
    whole = key_len <= len(path)
    by = None if whole else key_len
    if levels is None:
        levels = grouped_levels(
            path=path,
            filters=filters,
            period=period,
            standard_id=standard_id,
            key_len=by,
        )
    if employees is None:
        employees = grouped_employees(path=path, filters=filters, key_len=by)
    insufficient = grouped_insufficient(
        path=path, filters=filters, period=period, key_len=by
    )

    def keyed(rows: list[tuple]) -> list[tuple]:
        # Grouped over the whole subtree, the rows come keyed None.
        return [(path[:key_len], *row[1:]) for row in rows] if whole else rows

    return combine(
        level_rows=keyed(levels),
        employee_rows=keyed(employees),
        dimension_ids=dimension_ids,
        insufficient_rows=keyed(insufficient),
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
