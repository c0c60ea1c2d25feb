"""The level roll-ups: ``LevelCount`` (active employees per unit × position type
× dimension × level, from ``LatestLevel``), ``LevelProfileCount`` (active
employees per unit × position type × current levels in the six dimensions, from
``LatestLevel``), ``LevelCountAt`` (the same counts as of each past
``LevelSnapshotDay``, from the validity intervals), ``LevelChangeStep`` (per
unit × dimension × day, the steps from which the active employees' change in
level since any date is summed) and
the validity intervals of the released ``DimensionResult`` rows; and per
employee ``YearStartChange`` (the change in level since 1 January of each year).

Writers: the release and re-score services (``assessments.services.release``)
and the people services that move an employee (unit, position type,
deactivation: ``people.services.employee_update``) call these in their own
transaction. ``rebuild_rollups`` recomputes everything from scratch and reports
drift (``level_counts_drift``, ``level_profiles_drift``, ``level_changes_drift``,
``intervals_drift``).
"""

from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import Count, Q

from assessments.models import (
    DimensionResult,
    LatestLevel,
    LevelChangeStep,
    LevelCount,
    LevelCountAt,
    LevelProfileCount,
    LevelSnapshotDay,
    Result,
    YearStartChange,
)
from assessments.models.results import CHANGE_FIELDS, PROFILE_FIELDS, PROFILE_NUMBERS
from competencies.models import Dimension
from evaluations.rollups import program_changes_refresh
from ledger.rollups import form_year_changes_refresh
from people.models import Employee
from sosiokultural.periods import REPORT_QUARTERS, ended_quarters
from sosiokultural.rollups import drift, units_lock

Key = tuple[int, int, int, int]  # unit, position type, dimension, level


def _counts_query(unit_ids: list[int] | None):
    rows = LatestLevel.objects.filter(employee__is_active=True)
    if unit_ids is not None:
        rows = rows.filter(employee__unit_id__in=unit_ids)
    return (
        rows.order_by()
        .values_list(
            "employee__unit_id", "employee__position_type_id", "dimension_id", "level"
        )
        .annotate(n=Count("*"))
    )


def level_counts_fresh(unit_ids: list[int] | None = None) -> dict[Key, int]:
    """{key: employees} recomputed from ``LatestLevel`` (one query)."""
    return {tuple(row[:4]): row[4] for row in _counts_query(unit_ids)}


def level_counts_refresh(*, unit_ids: Iterable[int]) -> None:
    """Rewrite the ``LevelCount`` rows of these units from their employees'
    current levels, and their ``LevelProfileCount`` rows (one DELETE, one
    INSERT … SELECT): a fixed number of queries whatever the number of units.
    The units are locked first, so two writers of the same unit serialise (the
    second reads the first one's committed levels)."""
    unit_ids = sorted({pk for pk in unit_ids if pk is not None})
    if not unit_ids:
        return
    units_lock(unit_ids)
    LevelCount.objects.filter(unit_id__in=unit_ids).delete()
    LevelCount.objects.bulk_create(
        LevelCount(
            unit_id=unit,
            position_type_id=position_type,
            dimension_id=dimension,
            level=level,
            employees=n,
        )
        for (unit, position_type, dimension, level), n in level_counts_fresh(
            unit_ids
        ).items()
    )
    level_profiles_refresh(unit_ids=unit_ids)
    level_history_refresh(unit_ids=unit_ids)


def level_history_refresh(*, unit_ids: Iterable[int]) -> None:
    """Rewrite the roll-ups of these units that hang on every released level, not
    only the current ones (``LevelChangeStep``, ``LevelCountAt``,
    ``ledger.FormYearChange``, ``evaluations.ProgramChange``): for a writer that
    changed past intervals without changing a current level, too."""
    unit_ids = sorted({pk for pk in unit_ids if pk is not None})
    if not unit_ids:
        return
    level_changes_refresh(unit_ids=unit_ids)
    level_counts_at_refresh(unit_ids=unit_ids, locked=True)
    # The participants' changes per internal form (read from YearStartChange:
    # the release rewrites those first) and per program.
    form_year_changes_refresh(unit_ids=unit_ids, locked=True)
    program_changes_refresh(unit_ids=unit_ids, locked=True)


def level_counts_rebuild() -> int:
    """Replace every ``LevelCount`` row by the recomputation; returns the rows."""
    LevelCount.objects.all().delete()
    rows = LevelCount.objects.bulk_create(
        (
            LevelCount(
                unit_id=unit,
                position_type_id=position_type,
                dimension_id=dimension,
                level=level,
                employees=n,
            )
            for (
                unit,
                position_type,
                dimension,
                level,
            ), n in level_counts_fresh().items()
        ),
        batch_size=5000,
    )
    return len(rows)


def level_counts_drift() -> list[tuple[Key, int, int]]:
    """[(key, stored, fresh)] where the roll-up differs from the recomputation."""
    stored = {
        (u, p, d, lv): n
        for u, p, d, lv, n in LevelCount.objects.values_list(
            "unit_id", "position_type_id", "dimension_id", "level", "employees"
        )
    }
    fresh = level_counts_fresh()
    return drift(stored, fresh, missing=0)


# -- level counts as of past days -----------------------------------------------------

AtKey = tuple[date, int, int, int, int]  # day, unit, position type, dimension, level

# Per snapshot day, the active employees' levels in force that day (the validity
# intervals) counted per unit × position type × dimension × level, in one
# statement. ``{units}`` restricts the employees to some units.
COUNTS_AT_SQL = """
    SELECT d."on", e.unit_id, e.position_type_id, r.dimension_id, r.level, COUNT(*)
      FROM {days} d
      JOIN {result} r ON r.valid_from <= d."on"
           AND (r.valid_to IS NULL OR r.valid_to > d."on")
           AND r.level IS NOT NULL
      JOIN {employee} e ON e.id = r.employee_id AND e.is_active{units}
     {where}
     GROUP BY d."on", e.unit_id, e.position_type_id, r.dimension_id, r.level
"""


def _counts_at_sql(unit_ids: list[int] | None, days: list[date] | None):
    units, where, params = "", "", []
    if unit_ids is not None:
        units = " AND e.unit_id IN (" + ", ".join(["%s"] * len(unit_ids)) + ")"
        params += unit_ids
    if days is not None:
        where = 'WHERE d."on" IN (' + ", ".join(["%s"] * len(days)) + ")"
        params += days
    sql = COUNTS_AT_SQL.format(
        days=LevelSnapshotDay._meta.db_table,
        result=DimensionResult._meta.db_table,
        employee=Employee._meta.db_table,
        units=units,
        where=where,
    )
    return sql, params


def _counts_at_insert(unit_ids: list[int] | None, days: list[date] | None) -> int:
    sql, params = _counts_at_sql(unit_ids, days)
    table = LevelCountAt._meta.db_table
    columns = '("on", unit_id, position_type_id, dimension_id, level, employees)'
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} {columns} " + sql, params)  # noqa: S608  # nosec B608
        return cursor.rowcount


def level_counts_at_fresh(unit_ids: list[int] | None = None) -> dict[AtKey, int]:
    """{(day, unit, position type, dimension, level): employees} recomputed for
    every snapshot day (one query)."""
    sql, params = _counts_at_sql(unit_ids, None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(_as_date(on), *keys): int(n) for on, *keys, n in cursor.fetchall()}


def level_counts_at_refresh(*, unit_ids: Iterable[int], locked: bool = False) -> None:
    """Rewrite these units' ``LevelCountAt`` rows for every snapshot day (one
    DELETE, one INSERT … SELECT), the units locked first unless the caller did."""
    unit_ids = sorted({pk for pk in unit_ids if pk is not None})
    if not unit_ids:
        return
    if not locked:
        units_lock(unit_ids)
    LevelCountAt.objects.filter(unit_id__in=unit_ids).delete()
    _counts_at_insert(unit_ids, None)


@transaction.atomic
def level_snapshots_ensure(days: Iterable[date]) -> list[date]:
    """Make these past days snapshot days, counting every unit for the ones that
    were not (one INSERT … SELECT); returns the days added. Idempotent. Every
    unit is locked first, as a writer of a unit's counts locks it, so a release
    or a move cannot slip between the new day and its counts."""
    wanted = set(days)
    units_lock()
    known = set(
        LevelSnapshotDay.objects.filter(on__in=wanted).values_list("on", flat=True)
    )
    added = sorted(wanted - known)
    if not added:
        return []
    LevelSnapshotDay.objects.bulk_create(
        [LevelSnapshotDay(on=day) for day in added], ignore_conflicts=True
    )
    LevelCountAt.objects.filter(on__in=added).delete()
    _counts_at_insert(None, added)
    return added


def quarter_snapshots_ensure(today: date) -> list[date]:
    """The ends of the quarters a past-quarter report offers
    (``REPORT_QUARTERS``) as snapshot days; returns those added."""
    return level_snapshots_ensure(
        quarter.end for quarter in ended_quarters(today, REPORT_QUARTERS)
    )


def level_counts_at_rebuild() -> int:
    LevelCountAt.objects.all().delete()
    return _counts_at_insert(None, None)


def level_counts_at_drift() -> list[tuple[AtKey, int, int]]:
    stored = {
        (on, u, p, d, lv): n
        for on, u, p, d, lv, n in LevelCountAt.objects.values_list(
            "on", "unit_id", "position_type_id", "dimension_id", "level", "employees"
        )
    }
    fresh = level_counts_at_fresh()
    return drift(stored, fresh, missing=0)


# -- level profiles -------------------------------------------------------------------

ProfileKey = tuple[int, ...]  # unit, position type, level_1 … level_6

# Active employees per unit × position type × levels in the dimensions numbered
# 1–6 (0 = none), in one statement: the current levels pivoted per employee (a
# conditional MAX per dimension number), then counted. ``{units}`` restricts both
# levels (via their employee) and employees to some units.
PROFILES_SQL = """
SELECT e.unit_id, e.position_type_id, {levels}, COUNT(*)
FROM (
  SELECT l.employee_id, {pivot}
  FROM {latest} l JOIN {dimension} d ON d.id = l.dimension_id
  WHERE d.number BETWEEN {first} AND {last}{level_units}
  GROUP BY l.employee_id
) p JOIN {employee} e ON e.id = p.employee_id
WHERE e.is_active{units}
GROUP BY e.unit_id, e.position_type_id, {levels}
"""


def _profiles_sql(unit_ids: list[int] | None) -> tuple[str, list]:
    params: list = []
    level_units = units = ""
    if unit_ids is not None:
        marks = ", ".join(["%s"] * len(unit_ids))
        employees = Employee._meta.db_table
        level_units = (
            f" AND l.employee_id IN (SELECT id FROM {employees}"  # nosec B608  # noqa: S608
            f" WHERE unit_id IN ({marks}))"
        )
        units = f" AND e.unit_id IN ({marks})"
        params = [*unit_ids, *unit_ids]
    sql = PROFILES_SQL.format(
        levels=", ".join(f"p.{name}" for name in PROFILE_FIELDS),
        pivot=", ".join(
            f"MAX(CASE WHEN d.number = {n} THEN l.level ELSE 0 END) AS level_{n}"
            for n in PROFILE_NUMBERS
        ),
        latest=LatestLevel._meta.db_table,
        dimension=Dimension._meta.db_table,
        employee=Employee._meta.db_table,
        first=PROFILE_NUMBERS[0],
        last=PROFILE_NUMBERS[-1],
        level_units=level_units,
        units=units,
    )
    return sql, params


def _profiles_insert(unit_ids: list[int] | None) -> int:
    """INSERT … SELECT the recomputation (of these units, or all)."""
    sql, params = _profiles_sql(unit_ids)
    columns = ", ".join(["unit_id", "position_type_id", *PROFILE_FIELDS, "employees"])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {LevelProfileCount._meta.db_table} ({columns}) {sql}",
            params,
        )
        return cursor.rowcount


def level_profiles_fresh(unit_ids: list[int] | None = None) -> dict[ProfileKey, int]:
    """{(unit, position type, level_1 … level_6): employees} recomputed from
    ``LatestLevel`` (one query)."""
    sql, params = _profiles_sql(unit_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {tuple(row[:-1]): row[-1] for row in cursor.fetchall()}


def level_profiles_refresh(*, unit_ids: list[int]) -> None:
    """Rewrite the ``LevelProfileCount`` rows of these (locked) units: one DELETE,
    one INSERT … SELECT."""
    LevelProfileCount.objects.filter(unit_id__in=unit_ids).delete()
    _profiles_insert(unit_ids)


def level_profiles_rebuild() -> int:
    """Replace every ``LevelProfileCount`` row by the recomputation (one DELETE,
    one INSERT … SELECT); returns the rows."""
    LevelProfileCount.objects.all().delete()
    return _profiles_insert(None)


def level_profiles_drift() -> list[tuple[ProfileKey, int, int]]:
    """[(key, stored, fresh)] where the roll-up differs from the recomputation."""
    stored = {
        tuple(row[:-1]): row[-1]
        for row in LevelProfileCount.objects.values_list(
            "unit_id", "position_type_id", *PROFILE_FIELDS, "employees"
        ).iterator(chunk_size=10000)
    }
    fresh = level_profiles_fresh()
    return drift(stored, fresh, missing=0)


# -- level change steps ---------------------------------------------------------------

StepKey = tuple[int, int, date]  # unit, dimension, day

# Per active employee, released row with a level (its validity interval) and
# current level of the same dimension: +1 employee and the change "current −
# that level" on the interval's first day, the opposite on the day it ends;
# summed per unit × dimension × day (a day whose steps cancel has no row).
# ``{units}`` restricts the employees to some units.
STEPS_SQL = """
SELECT unit_id, dimension_id, day, SUM(n), SUM(c)
FROM (
  SELECT e.unit_id, b.dimension_id, b.valid_from AS day, 1 AS n,
         l.level - b.level AS c
  FROM {result} b
  JOIN {employee} e ON e.id = b.employee_id
  JOIN {latest} l ON l.employee_id = b.employee_id AND l.dimension_id = b.dimension_id
  WHERE e.is_active AND b.level IS NOT NULL AND b.valid_from IS NOT NULL{units}
  UNION ALL
  SELECT e.unit_id, b.dimension_id, b.valid_to, -1, b.level - l.level
  FROM {result} b
  JOIN {employee} e ON e.id = b.employee_id
  JOIN {latest} l ON l.employee_id = b.employee_id AND l.dimension_id = b.dimension_id
  WHERE e.is_active AND b.level IS NOT NULL AND b.valid_to IS NOT NULL{units}
) x
GROUP BY unit_id, dimension_id, day
HAVING SUM(n) <> 0 OR SUM(c) <> 0
"""


def _steps_sql(unit_ids: list[int] | None) -> tuple[str, list]:
    units, params = "", []
    if unit_ids is not None:
        units = " AND e.unit_id IN (" + ", ".join(["%s"] * len(unit_ids)) + ")"
        params = [*unit_ids, *unit_ids]
    sql = STEPS_SQL.format(
        result=DimensionResult._meta.db_table,
        employee=Employee._meta.db_table,
        latest=LatestLevel._meta.db_table,
        units=units,
    )
    return sql, params


def _steps_insert(unit_ids: list[int] | None) -> int:
    sql, params = _steps_sql(unit_ids)
    table = LevelChangeStep._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (unit_id, dimension_id, day, employees, change) "  # noqa: S608  # nosec B608
            + sql,
            params,
        )
        return cursor.rowcount


def level_changes_fresh(unit_ids: list[int] | None = None) -> dict[StepKey, tuple]:
    """{(unit, dimension, day): (employees, change)} recomputed (one query)."""
    sql, params = _steps_sql(unit_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            (unit, dim, _as_date(day)): (int(n), int(c))
            for unit, dim, day, n, c in cursor.fetchall()
        }


def _as_date(value) -> date:
    # SQLite gives the text of the date.
    return date.fromisoformat(value) if isinstance(value, str) else value


def level_changes_refresh(*, unit_ids: Iterable[int]) -> None:
    """Rewrite the ``LevelChangeStep`` rows of these units (one DELETE, one
    INSERT … SELECT), the units locked first as ``level_counts_refresh`` does."""
    unit_ids = sorted({pk for pk in unit_ids if pk is not None})
    if not unit_ids:
        return
    units_lock(unit_ids)
    LevelChangeStep.objects.filter(unit_id__in=unit_ids).delete()
    _steps_insert(unit_ids)


def level_changes_rebuild() -> int:
    LevelChangeStep.objects.all().delete()
    return _steps_insert(None)


def level_changes_drift() -> list[tuple[StepKey, tuple | None, tuple | None]]:
    stored = {
        (u, d, day): (n, c)
        for u, d, day, n, c in LevelChangeStep.objects.values_list(
            "unit_id", "dimension_id", "day", "employees", "change"
        )
    }
    fresh = level_changes_fresh()
    return drift(stored, fresh)


# -- the change since 1 January, per employee ------------------------------------------

Interval = tuple[date, date | None, int]  # valid_from, valid_to, level


def year_start_changes(
    intervals: dict[int, list[Interval]], latest: dict[int, int]
) -> list[tuple[int, bool, dict[int, int]]]:
    """One employee's rows: [(year, open, {dimension number: current level −
    level in force on 1 January})] from their released levels' validity
    intervals and current levels, both per dimension number. A row per year
    from the first with a level in force on 1 January to the year after the
    latest interval began or ended — that last one ``open``: it stands for every
    later year too, nothing changes after it. Years without a level in force on
    1 January have no row. Pure."""
    starts = [f for rows in intervals.values() for f, __, __ in rows]
    if not starts:
        return []
    ends = [t for rows in intervals.values() for __, t, __ in rows if t is not None]
    first, last = min(starts).year, max(starts + ends).year
    out = []
    for year in range(first, last + 2):
        day = date(year, 1, 1)
        changes = {}
        for number, rows in intervals.items():
            level = next(
                (lv for f, t, lv in rows if f <= day and (t is None or t > day)),
                None,
            )
            if level is not None and number in latest:
                changes[number] = latest[number] - level
        if changes:
            out.append((year, year == last + 1, changes))
    return out


def _year_changes_fresh(employee_ids: list[int] | None) -> list[YearStartChange]:
    numbers = dict(
        Dimension.objects.filter(number__in=PROFILE_NUMBERS).values_list("pk", "number")
    )
    rows = DimensionResult.objects.filter(
        level__isnull=False, valid_from__isnull=False, dimension_id__in=numbers
    )
    latest_rows = LatestLevel.objects.filter(dimension_id__in=numbers)
    if employee_ids is not None:
        rows = rows.filter(employee_id__in=employee_ids)
        latest_rows = latest_rows.filter(employee_id__in=employee_ids)
    intervals: dict[int, dict[int, list]] = {}
    for emp, dim, f, t, level in (
        rows.order_by("employee_id")
        .values_list("employee_id", "dimension_id", "valid_from", "valid_to", "level")
        .iterator(chunk_size=10000)
    ):
        intervals.setdefault(emp, {}).setdefault(numbers[dim], []).append((f, t, level))
    latest: dict[int, dict[int, int]] = {}
    for emp, dim, level in latest_rows.values_list(
        "employee_id", "dimension_id", "level"
    ).iterator(chunk_size=10000):
        latest.setdefault(emp, {})[numbers[dim]] = level
    return [
        YearStartChange(
            employee_id=emp,
            year=year,
            open=is_open,
            **{f"change_{n}": changes.get(n) for n in PROFILE_NUMBERS},
        )
        for emp, by_number in intervals.items()
        for year, is_open, changes in year_start_changes(by_number, latest.get(emp, {}))
    ]


def year_changes_refresh(*, employee_ids: Iterable[int]) -> None:
    """Rewrite these employees' ``YearStartChange`` rows from their released
    levels (the caller holds their locks): one DELETE, two reads, one INSERT."""
    employee_ids = sorted(set(employee_ids))
    if not employee_ids:
        return
    YearStartChange.objects.filter(employee_id__in=employee_ids).delete()
    YearStartChange.objects.bulk_create(
        _year_changes_fresh(employee_ids), batch_size=5000
    )


def year_changes_rebuild() -> int:
    YearStartChange.objects.all().delete()
    total = 0
    ids = list(Employee.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 5000):
        rows = _year_changes_fresh(ids[start : start + 5000])
        YearStartChange.objects.bulk_create(rows, batch_size=5000)
        total += len(rows)
    return total


def _year_key(row: YearStartChange) -> tuple:
    return (row.year, row.open, *(getattr(row, name) for name in CHANGE_FIELDS))


def year_changes_drift() -> list[tuple[int, list, list]]:
    """[(employee, stored rows, fresh rows)] where they differ."""
    stored: dict[int, list] = {}
    for row in YearStartChange.objects.order_by("employee_id", "year").iterator(
        chunk_size=10000
    ):
        stored.setdefault(row.employee_id, []).append(_year_key(row))
    fresh: dict[int, list] = {}
    for row in _year_changes_fresh(None):
        fresh.setdefault(row.employee_id, []).append(_year_key(row))
    return drift(stored, {emp: sorted(rows) for emp, rows in fresh.items()}, missing=[])


# -- validity intervals ---------------------------------------------------------------


def intervals_of(
    rows: Iterable[tuple[int, date, int]],
) -> dict[int, tuple[date, date | None]]:
    """{row pk: (valid_from, valid_to)} for the released rows of one employee ×
    dimension given as (pk, assessed_on, result_id): each row is in force from its
    test date until the test date of the next (by date, then result id); the last
    stays open. Pure."""
    ordered = sorted(rows, key=lambda r: (r[1], r[2]))
    out = {}
    for i, (pk, on, __) in enumerate(ordered):
        following = ordered[i + 1][1] if i + 1 < len(ordered) else None
        out[pk] = (on, following)
    return out


# Every row's interval from scratch (one sort, a window function, computed from
# the results alone, not from other rows' intervals): a released row's runs from
# its test date to the next released row's of the same employee and dimension
# (ties by result); any other row has none.
FRESH_INTERVALS_SQL = """
SELECT d.id,
       CASE WHEN r.status = 'released' THEN r.assessed_on END AS valid_from,
       CASE WHEN r.status = 'released' THEN LEAD(r.assessed_on) OVER (
         PARTITION BY d.employee_id, d.dimension_id, r.status = 'released'
         ORDER BY r.assessed_on, d.result_id
       ) END AS valid_to
  FROM {t} d JOIN {r} r ON r.id = d.result_id
"""

# The rows whose stored interval is not the fresh one, with the fresh one (a
# comparison with NULL is unknown, so the CASE reads it as "changed").
CHANGED_INTERVALS_SQL = """
CREATE TEMPORARY TABLE interval_fix AS
SELECT x.id, x.valid_from, x.valid_to
  FROM ({fresh}) x JOIN {t} d ON d.id = x.id
 WHERE CASE WHEN (d.valid_from = x.valid_from
                  OR (d.valid_from IS NULL AND x.valid_from IS NULL))
             AND (d.valid_to = x.valid_to
                  OR (d.valid_to IS NULL AND x.valid_to IS NULL))
            THEN 0 ELSE 1 END = 1
"""

CLEAR_CHANGED_SQL = """
UPDATE {t} SET valid_from = NULL, valid_to = NULL
 WHERE id IN (SELECT id FROM interval_fix)
"""
SET_CHANGED_SQL = """
UPDATE {t} SET valid_from = f.valid_from, valid_to = f.valid_to
  FROM interval_fix f
 WHERE {t}.id = f.id AND f.valid_from IS NOT NULL
"""


def intervals_rebuild() -> int:
    """Set every row's interval to its recomputation, writing only the rows
    whose interval differs: at 100,000 employees two UPDATEs of all 1.3 million
    rows took 125 s, most of it rewriting rows already right. The rows that
    change are cleared first, then set, so no intermediate state can break the
    one-open-interval and non-overlap constraints. Returns the rows changed."""
    table, results = DimensionResult._meta.db_table, Result._meta.db_table
    fresh = FRESH_INTERVALS_SQL.format(t=table, r=results)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS interval_fix")
        cursor.execute(CHANGED_INTERVALS_SQL.format(fresh=fresh, t=table))
        cursor.execute(CLEAR_CHANGED_SQL.format(t=table))
        changed = cursor.rowcount
        cursor.execute(SET_CHANGED_SQL.format(t=table))
        cursor.execute("DROP TABLE interval_fix")
    return changed


def intervals_drift() -> list[tuple[int, tuple, tuple]]:
    """[(row pk, stored interval, fresh interval)] where they differ."""
    stored = {}
    groups: dict[tuple[int, int], list] = {}
    for (
        pk,
        emp,
        dim,
        on,
        result_id,
        status,
        vf,
        vt,
    ) in DimensionResult.objects.values_list(
        "pk",
        "employee_id",
        "dimension_id",
        "result__assessed_on",
        "result_id",
        "result__status",
        "valid_from",
        "valid_to",
    ).iterator(chunk_size=10000):
        stored[pk] = (vf, vt)
        if status == Result.Status.RELEASED:
            groups.setdefault((emp, dim), []).append((pk, on, result_id))
    fresh: dict[int, tuple] = {}
    for rows in groups.values():
        fresh.update(intervals_of(rows))
    return sorted(
        (pk, stored[pk], fresh.get(pk, (None, None)))
        for pk in stored
        if stored[pk] != fresh.get(pk, (None, None))
    )


def latest_levels_fresh() -> dict[tuple[int, int], tuple[int, date, int]]:
    """{(employee, dimension): (level, assessed_on, result_id)} of the latest
    released result (by test date, then id), recomputed from the results."""
    out: dict[tuple[int, int], tuple[int, date, int]] = {}
    rows = (
        DimensionResult.objects.filter(result__status=Result.Status.RELEASED)
        .order_by("result__assessed_on", "result_id")
        .values_list(
            "employee_id", "dimension_id", "level", "result__assessed_on", "result_id"
        )
    )
    for emp, dim, level, on, result_id in rows.iterator(chunk_size=10000):
        out[(emp, dim)] = (level, on, result_id)
    return out


LATEST_LEVELS_SQL = """
INSERT INTO {t} (employee_id, dimension_id, level, assessed_on, result_id) {select}
"""


def latest_levels_rebuild() -> int:
    """Replace every ``LatestLevel`` row by the open intervals (run after
    ``intervals_rebuild``), in one INSERT … SELECT; returns the rows."""
    LatestLevel.objects.all().delete()
    select, params = (
        DimensionResult.objects.filter(valid_from__isnull=False, valid_to__isnull=True)
        .order_by()
        .values_list("employee_id", "dimension_id", "level", "valid_from", "result_id")
        .query.sql_with_params()
    )
    # A table name and SQL compiled by the ORM (its parameters kept apart).
    with connection.cursor() as cursor:
        cursor.execute(
            LATEST_LEVELS_SQL.format(t=LatestLevel._meta.db_table, select=select),
            params,
        )
        return cursor.rowcount


def latest_levels_drift() -> list[tuple[tuple[int, int], tuple | None, tuple | None]]:
    """[((employee, dimension), stored, fresh)] where ``LatestLevel`` differs."""
    stored = {
        (emp, dim): (level, on, result_id)
        for emp, dim, level, on, result_id in LatestLevel.objects.values_list(
            "employee_id", "dimension_id", "level", "assessed_on", "result_id"
        ).iterator(chunk_size=10000)
    }
    fresh = latest_levels_fresh()
    return drift(stored, fresh)


def rollups_rebuild() -> dict[str, int]:
    """Every level roll-up from scratch, in dependency order."""
    return {
        "intervals": intervals_rebuild(),
        "LatestLevel": latest_levels_rebuild(),
        "LevelCount": level_counts_rebuild(),
        "LevelProfileCount": level_profiles_rebuild(),
        "LevelChangeStep": level_changes_rebuild(),
        "LevelCountAt": level_counts_at_rebuild(),
        "YearStartChange": year_changes_rebuild(),
    }


def rollups_drift() -> dict[str, list]:
    """{roll-up: drifting rows}, each compared with a from-scratch recomputation."""
    return {
        "intervals": intervals_drift(),
        "LatestLevel": latest_levels_drift(),
        "LevelCount": level_counts_drift(),
        "LevelProfileCount": level_profiles_drift(),
        "LevelChangeStep": level_changes_drift(),
        "LevelCountAt": level_counts_at_drift(),
        "YearStartChange": year_changes_drift(),
    }


def in_force_q(on: date, prefix: str = "") -> Q:
    """Rows whose interval contains ``on``: an indexed range filter."""
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": on})
    )
