"""``FormYearChange``: per unit × year × internal form × active flag, the people
with ledger entries of the form in the year and their change in level since
1 January (``assessments.YearStartChange``) summed per dimension number.

Rewritten per unit by ``form_year_changes_refresh`` — one DELETE, one
INSERT … SELECT, the units locked first (``sosiokultural.rollups.units_lock``,
as the level roll-ups lock them) — by every writer of its sources in its own
transaction:
``ledger.services`` after it rewrites ``FormYearEntries`` (the units of the
employees whose entries changed, that year), and
``assessments.rollups.level_history_refresh`` (released levels and employee
moves: every year of the units). ``rebuild_rollups`` recomputes it from scratch
and ``--check`` reports drift (``form_year_changes_drift``).
"""

from collections.abc import Iterable

from django.db import connection

from assessments.models import YearStartChange
from assessments.models.results import (
    CHANGE_FIELDS,
    COUNTED_FIELDS,
    PROFILE_NUMBERS,
)
from ledger.models import FormYearChange, FormYearEntries, JPEntry
from people.models import Employee
from sosiokultural.rollups import drift, units_lock

FIGURES = ["people", "entries", *COUNTED_FIELDS, *CHANGE_FIELDS]
Key = tuple[int, int, int, bool]  # unit, year, form, active

# One row per person and form in FormYearEntries; their year's YearStartChange
# row is the closed row of that year or else the open row of an earlier year —
# at most one matches (the open row is the employee's last).
SQL = """
SELECT e.unit_id, f.year, f.form_id, e.is_active, COUNT(*), SUM(f.entries),
       {counted}, {changes}
  FROM {entries} f
  JOIN {employee} e ON e.id = f.employee_id
  LEFT JOIN {year_change} y ON y.employee_id = f.employee_id
       AND ((y.year = f.year AND NOT y."open") OR (y."open" AND y.year <= f.year))
 WHERE f.source = %s{where}
 GROUP BY e.unit_id, f.year, f.form_id, e.is_active
"""


def _sql(unit_ids: list[int] | None, year: int | None) -> tuple[str, list]:
    where, params = "", [JPEntry.Source.INTERNAL.value]
    if unit_ids is not None:
        where += " AND e.unit_id IN (" + ", ".join(["%s"] * len(unit_ids)) + ")"
        params += unit_ids
    if year is not None:
        where += " AND f.year = %s"
        params.append(year)
    sql = SQL.format(
        counted=", ".join(f"COUNT(y.change_{n})" for n in PROFILE_NUMBERS),
        changes=", ".join(f"COALESCE(SUM(y.change_{n}), 0)" for n in PROFILE_NUMBERS),
        entries=FormYearEntries._meta.db_table,
        employee=Employee._meta.db_table,
        year_change=YearStartChange._meta.db_table,
        where=where,
    )
    return sql, params


def _insert(unit_ids: list[int] | None, year: int | None) -> int:
    sql, params = _sql(unit_ids, year)
    columns = ", ".join(["unit_id", "year", "form_id", "active", *FIGURES])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FormYearChange._meta.db_table} ({columns}) " + sql,  # noqa: S608  # nosec B608
            params,
        )
        return cursor.rowcount


def form_year_changes_refresh(
    *, unit_ids: Iterable[int], year: int | None = None, locked: bool = False
) -> None:
    """Rewrite the rows of these units (of ``year`` only, when given) from
    their employees' entries and changes: a fixed number of queries whatever the
    number of units. ``locked``: the caller already holds the units' locks."""
    unit_ids = sorted({pk for pk in unit_ids if pk is not None})
    if not unit_ids:
        return
    if not locked:
        units_lock(unit_ids)
    rows = FormYearChange.objects.filter(unit_id__in=unit_ids)
    if year is not None:
        rows = rows.filter(year=year)
    rows.delete()
    _insert(unit_ids, year)


def form_year_changes_of_employees(*, employee_ids: Iterable[int], year: int) -> None:
    """``form_year_changes_refresh`` for the units of these employees in
    ``year``: what the ledger's writer calls after it rewrites their entries."""
    units = (
        Employee.objects.filter(pk__in=set(employee_ids))
        .order_by()
        .values_list("unit_id", flat=True)
        .distinct()
    )
    form_year_changes_refresh(unit_ids=list(units), year=year)


def form_year_changes_rebuild() -> int:
    FormYearChange.objects.all().delete()
    return _insert(None, None)


def form_year_changes_fresh() -> dict[Key, tuple]:
    """{(unit, year, form, active): figures} recomputed (one query)."""
    sql, params = _sql(None, None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            (unit, year, form, bool(active)): tuple(int(x) for x in figures)
            for unit, year, form, active, *figures in cursor.fetchall()
        }


def form_year_changes_drift() -> list[tuple[Key, tuple | None, tuple | None]]:
    """[(key, stored, fresh)] where the roll-up differs from its sources."""
    stored = {
        (unit, year, form, active): tuple(figures)
        for unit, year, form, active, *figures in FormYearChange.objects.values_list(
            "unit_id", "year", "form_id", "active", *FIGURES
        ).iterator(chunk_size=10000)
    }
    fresh = form_year_changes_fresh()
    return drift(stored, fresh)
