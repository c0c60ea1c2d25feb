"""``ProgramChange``: per program × unit × active flag, the program's
participants and their change in level since its start day, per dimension
number.

Rewritten by ``program_changes_refresh`` — one DELETE, one INSERT … SELECT, the
units locked first (``sosiokultural.rollups.units_lock``, as the level roll-ups
lock them) — by every writer of its sources in its own transaction: the
nomination services
(``programs.services.nominations``: the program and the nominee's unit), a new
start day (``programs.services.programs.program_update``: the program), and
``assessments.rollups.level_history_refresh`` (released levels, moves and
(de)activations: the units). ``rebuild_rollups`` recomputes it from scratch and
``--check`` reports drift (``program_changes_drift``).

``DueFollowUpDay``: per unit × kind × completion day, the participations of the
employees placed in the unit now with no follow-up recorded — what the
follow-up queue counts and pages from (``selectors.FollowUpQueue``). Rewritten
by ``due_follow_ups_refresh`` — one DELETE, one INSERT … SELECT per kind, the
units locked first — in the writer's transaction: the activity services
(``due_follow_ups_of_activity``: the activity's day, before and after, in the
units of its attendees, who are locked first), the nomination services (the
program's end day in the nominees' units), ``program_update`` when the end day
moves (both days, the completed participants' units), ``follow_up_record`` (the
day in the employee's unit) and the employee moves of ``people.services`` (every
day of the units left and joined). ``rebuild_rollups`` recomputes it and
``--check`` reports drift (``due_follow_ups_drift``).
"""

from collections.abc import Iterable
from datetime import date

from django.db import connection
from django.db.models import Count, F, QuerySet
from django.utils import timezone

from activities.models import Activity, Attendance
from activities.rollups import employees_lock
from assessments.models import DimensionResult, LatestLevel
from assessments.models.results import (
    CHANGE_FIELDS,
    COUNTED_FIELDS,
    PROFILE_NUMBERS,
)
from competencies.models import Dimension
from evaluations.models import DueFollowUpDay, ProgramChange
from evaluations.rules import EVALUATED_INTERNAL_FORMS
from evaluations.selectors import (
    ACTIVITY,
    KINDS,
    PROGRAM,
    as_date,
    day_bounds,
    due_activities,
    due_programs,
    program_participations,
)
from people.models import Employee
from programs.models import Program
from sosiokultural.rollups import drift, units_lock

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
        units_lock(touched)
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


# -- the due follow-ups per unit and day (``DueFollowUpDay``) --------------------------

DueKey = tuple[int, str, date]  # unit, kind, completed on


def _due_grouped(
    kind: str, unit_ids: list[int] | None, days: list[date] | None
) -> QuerySet:
    """{u: unit, d: day, n: due participations} of one kind, grouped in SQL,
    of these units' employees and these days (all when ``None``)."""
    if kind == PROGRAM:
        rows, day = due_programs(), "program__ends_on"
    else:
        rows, day = due_activities(), "day"
    if unit_ids is not None:
        rows = rows.filter(employee__unit_id__in=unit_ids)
    if days is not None:
        rows = rows.filter(**{f"{day}__in": days})
        if kind == ACTIVITY:
            # The activities of those days by their start first (indexable).
            start, end = day_bounds(min(days), max(days))
            rows = rows.filter(
                activity__started_at__gte=start, activity__started_at__lt=end
            )
    return (
        rows.order_by()
        .values(u=F("employee__unit_id"), d=F(day))
        .annotate(n=Count("*"))
    )


def _due_insert(kinds, unit_ids: list[int] | None, days: list[date] | None) -> int:
    written = 0
    with connection.cursor() as cursor:
        for kind in kinds:
            sql, params = _due_grouped(kind, unit_ids, days).query.sql_with_params()
            cursor.execute(
                f"INSERT INTO {DueFollowUpDay._meta.db_table} "  # noqa: S608  # nosec B608
                "(unit_id, kind, completed_on, outstanding) "
                f"SELECT g.u, %s, g.d, g.n FROM ({sql}) g",
                [kind, *params],
            )
            written += cursor.rowcount
    return written


def due_follow_ups_refresh(
    *,
    unit_ids: Iterable[int],
    kind: str | None = None,
    days: Iterable[date] | None = None,
    locked: bool = False,
) -> None:
    """Rewrite the rows of these units (of ``kind`` and ``days`` only, when
    given) from the participations and follow-ups: one DELETE and one
    INSERT … SELECT per kind, whatever the number of participations. The units
    are locked first, unless ``locked``: the caller holds them. A
    writer that does not know the units of the employees concerned calls
    ``due_follow_ups_of_employees``."""
    units = _ids(unit_ids)
    day_list = None if days is None else sorted(set(days))
    if not units or day_list == []:
        return
    if not locked:
        units_lock(units)
    rows = DueFollowUpDay.objects.filter(unit_id__in=units)
    if kind is not None:
        rows = rows.filter(kind=kind)
    if day_list is not None:
        rows = rows.filter(completed_on__in=day_list)
    rows.delete()
    _due_insert([kind] if kind else KINDS, units, day_list)


def due_follow_ups_of_employees(
    *,
    employee_ids: Iterable[int],
    kind: str | None = None,
    days: Iterable[date] | None = None,
) -> None:
    """``due_follow_ups_refresh`` for the units these employees are placed in:
    the employees locked first (``FOR NO KEY UPDATE``, as a move locks them),
    so that none of them moves between the read of its unit and the commit."""
    units = employees_lock(employee_ids)
    due_follow_ups_refresh(unit_ids=units.values(), kind=kind, days=days)


def activity_due_state(activity: Activity) -> tuple[set[int], date] | None:
    """What an activity's due follow-ups hang on — its attendees (any status)
    and its day — read before a writer changes them (``None``: not an evaluated
    form, never due)."""
    if activity.form.code not in EVALUATED_INTERNAL_FORMS:
        return None
    attendees = set(
        Attendance.objects.filter(activity_id=activity.pk).values_list(
            "employee_id", flat=True
        )
    )
    return attendees, timezone.localtime(activity.started_at).date()


def due_follow_ups_of_activity(
    *, activity: Activity, before: tuple[set[int], date] | None = None
) -> None:
    """After a writer of ``activity`` (its status, day or attendance; or its
    deletion): rewrite the activity rows of its day — and of its day
    ``before`` — in the units of its attendees now and then."""
    now = activity_due_state(activity)
    if now is None:
        return
    attendees, days = set(now[0]), {now[1]}
    if before is not None:
        attendees |= before[0]
        days.add(before[1])
    due_follow_ups_of_employees(employee_ids=attendees, kind=ACTIVITY, days=days)


def due_follow_ups_rebuild() -> int:
    DueFollowUpDay.objects.all().delete()
    return _due_insert(KINDS, None, None)


def due_follow_ups_fresh() -> dict[DueKey, int]:
    """{(unit, kind, completed on): due participations} recomputed (one query
    per kind)."""
    return {
        (row["u"], kind, as_date(row["d"])): row["n"]
        for kind in KINDS
        for row in _due_grouped(kind, None, None)
    }


def due_follow_ups_drift() -> list[tuple[DueKey, int | None, int | None]]:
    """[(key, stored, fresh)] where the roll-up differs from its sources (a
    stored row of zero is drift too: such rows are never written)."""
    stored = {
        (unit, kind, on): n
        for unit, kind, on, n in DueFollowUpDay.objects.values_list(
            "unit_id", "kind", "completed_on", "outstanding"
        ).iterator(chunk_size=10000)
    }
    return drift(stored, due_follow_ups_fresh())
