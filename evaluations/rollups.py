"""``ProgramChange``: per program × unit × active flag, the program's
participants and their change in level since its start day, per dimension
number.

Rewritten by ``program_changes_refresh`` — one DELETE, one INSERT … SELECT, the
units locked first (``Unit`` rows in pk order, as the level roll-ups lock them)
— by every writer of its sources in its own transaction: the nomination services
(``programs.services.nominations``: the program and the nominee's unit), a new
start day (``programs.services.programs.program_update``: the program), and
``assessments.rollups.level_history_refresh`` (released levels, moves and
(de)activations: the units). ``rebuild_rollups`` recomputes it from scratch and
``--check`` reports drift (``program_changes_drift``).
"""

from collections.abc import Iterable

from django.db import connection

from assessments.models import DimensionResult, LatestLevel
from assessments.models.results import (
    CHANGE_FIELDS,
    COUNTED_FIELDS,
    PROFILE_NUMBERS,
)
from competencies.models import Dimension
from evaluations.models import ProgramChange
from evaluations.selectors import program_participations
from people.models import Employee, Unit
from programs.models import Program
from sosiokultural.rollups import drift

FIGURES = ["people", *COUNTED_FIELDS, *CHANGE_FIELDS]
Key = tuple[int, int, bool]  # program, unit, active

# ``part``: the participants (one row per program and person) with the
# program's start day and their current unit and active flag; ``ch``: each
# participant's change per dimension number where both a current level and a
# released level in force on the start day exist.
SQL = """
WITH part AS (
    SELECT q.program_id, q.employee_id, g.starts_on AS day, e.unit_id, e.is_active
      FROM (SELECT DISTINCT program_id, employee_id FROM ({participations}) n) q
      JOIN {program} g ON g.id = q.program_id
      JOIN {employee} e ON e.id = q.employee_id
),
ch AS (
    SELECT p.program_id, p.employee_id, d.number, ll.level - b.level AS c
      FROM part p
      JOIN {latest} ll ON ll.employee_id = p.employee_id
      JOIN {dimension} d ON d.id = ll.dimension_id
      JOIN {result} b ON b.employee_id = p.employee_id
           AND b.dimension_id = ll.dimension_id
           AND b.level IS NOT NULL AND b.valid_from <= p.day
           AND (b.valid_to IS NULL OR b.valid_to > p.day)
)
SELECT p.program_id, p.unit_id, p.is_active, COUNT(DISTINCT p.employee_id),
       {counted}, {changes}
  FROM part p
  LEFT JOIN ch ON ch.program_id = p.program_id AND ch.employee_id = p.employee_id
 GROUP BY p.program_id, p.unit_id, p.is_active
"""


def _sql(program_ids: list[int] | None, unit_ids: list[int] | None) -> tuple[str, list]:
    # The programs' and units' filters inside the participations, so that a
    # refresh reads only their nominations.
    participations = program_participations()
    if program_ids is not None:
        participations = participations.filter(program_id__in=program_ids)
    if unit_ids is not None:
        participations = participations.filter(employee__unit_id__in=unit_ids)
    participations, params = (
        participations.order_by().values("program_id", "employee_id")
    ).query.sql_with_params()
    sql = SQL.format(
        participations=participations,
        program=Program._meta.db_table,
        employee=Employee._meta.db_table,
        latest=LatestLevel._meta.db_table,
        dimension=Dimension._meta.db_table,
        result=DimensionResult._meta.db_table,
        counted=", ".join(
            f"COUNT(CASE WHEN ch.number = {n} THEN 1 END)" for n in PROFILE_NUMBERS
        ),
        changes=", ".join(
            f"COALESCE(SUM(CASE WHEN ch.number = {n} THEN ch.c END), 0)"
            for n in PROFILE_NUMBERS
        ),
    )
    return sql, list(params)


def _insert(program_ids: list[int] | None, unit_ids: list[int] | None) -> int:
    sql, params = _sql(program_ids, unit_ids)
    columns = ", ".join(["program_id", "unit_id", "active", *FIGURES])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ProgramChange._meta.db_table} ({columns}) " + sql,  # noqa: S608  # nosec B608
            params,
        )
        return cursor.rowcount


def _ids(values: Iterable[int] | None) -> list[int] | None:
    return None if values is None else sorted({v for v in values if v is not None})


def program_changes_refresh(
    *,
    program_ids: Iterable[int] | None = None,
    unit_ids: Iterable[int] | None = None,
    locked: bool = False,
) -> None:
    """Rewrite the rows of these programs and/or units (both given: the rows of
    those programs in those units) from the participations and levels: a fixed
    number of queries. The units are locked first (every unit the rows touch,
    before and after), unless ``locked``: the caller holds them."""
    programs, units = _ids(program_ids), _ids(unit_ids)
    if programs is None and units is None:
        raise ValueError("program_changes_refresh needs programs or units")
    if programs == [] or units == []:
        return
    rows = ProgramChange.objects.all()
    if programs is not None:
        rows = rows.filter(program_id__in=programs)
    if units is not None:
        rows = rows.filter(unit_id__in=units)
    if not locked:
        touched = units
        if touched is None:
            # The units of the programs' rows now and of their participants.
            touched = sorted(
                set(rows.values_list("unit_id", flat=True))
                | set(
                    program_participations()
                    .filter(program_id__in=programs)
                    .values_list("employee__unit_id", flat=True)
                )
            )
        list(Unit.objects.select_for_update().filter(pk__in=touched).values_list("pk"))
    rows.delete()
    _insert(programs, units)


def program_changes_rebuild() -> int:
    ProgramChange.objects.all().delete()
    return _insert(None, None)


def program_changes_fresh() -> dict[Key, tuple]:
    """{(program, unit, active): figures} recomputed (one query)."""
    sql, params = _sql(None, None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            (program, unit, bool(active)): tuple(int(x) for x in figures)
            for program, unit, active, *figures in cursor.fetchall()
        }


def program_changes_drift() -> list[tuple[Key, tuple | None, tuple | None]]:
    """[(key, stored, fresh)] where the roll-up differs from its sources."""
    stored = {
        (program, unit, active): tuple(figures)
        for program, unit, active, *figures in ProgramChange.objects.values_list(
            "program_id", "unit_id", "active", *FIGURES
        ).iterator(chunk_size=10000)
    }
    fresh = program_changes_fresh()
    return drift(stored, fresh)
