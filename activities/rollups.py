"""The attendee-unit roll-up ``AttendeeUnit``: per activity and unit, the
attendance rows of the employees placed in that unit now.

It changes when attendance rows are written (``attendee_units_change``, from the
attendance writer ``activities.services.recording``) and when employees move
(``attendee_units_leaving`` before the employees' rows are written and
``attendee_units_joined`` after, from ``people.services``), always in the
writer's transaction. Both lock the employees concerned first (``FOR NO KEY
UPDATE``), so an attendance write and a move of the same person serialise: the
second reads the first one's committed unit and rows. Deletion of an activity
cascades. ``rebuild_rollups`` recomputes it from scratch and reports drift
(``attendee_units_drift``).
"""

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import connection

from activities.models import Attendance, AttendeeUnit
from people.models import Employee

Key = tuple[int, int]  # activity, unit

#: Employees per statement (a bounded parameter list on every database).
BATCH = 1000

_T = AttendeeUnit._meta.db_table
_A = Attendance._meta.db_table
_E = Employee._meta.db_table

# The SQL below formats in only this module's table names and placeholders.
# The attendance rows of some employees by the unit each is placed in now.
_ROWS_BY_UNIT = f"""
SELECT a.activity_id, e.unit_id, COUNT(*) AS n
FROM {_A} a JOIN {_E} e ON e.id = a.employee_id
WHERE a.employee_id IN ({{ids}})
GROUP BY a.activity_id, e.unit_id
"""  # nosec B608  # noqa: S608
# (activity, unit, n) rows given as parameters; VALUES names its columns
# column1… on PostgreSQL and SQLite alike (and SQLite needs a WHERE before an
# upsert's ON CONFLICT).
_ROWS_GIVEN = """
SELECT v.column1 AS activity_id, v.column2 AS unit_id, v.column3 AS n
FROM (VALUES {values}) AS v WHERE true
"""  # nosec B608  # noqa: S608
_ADD = f"""
INSERT INTO {_T} (activity_id, unit_id, attendees) {{rows}}
ON CONFLICT (activity_id, unit_id)
DO UPDATE SET attendees = {_T}.attendees + EXCLUDED.attendees
"""  # nosec B608  # noqa: S608
# A count never goes below zero, even over a drifted row (``--check`` shows
# drift; a writer must not fail on it).
_SUBTRACT = f"""
UPDATE {_T} SET attendees = CASE WHEN {_T}.attendees > x.n
                                 THEN {_T}.attendees - x.n ELSE 0 END
FROM ({{rows}}) x
WHERE {_T}.activity_id = x.activity_id AND {_T}.unit_id = x.unit_id
"""  # nosec B608  # noqa: S608


def _chunks(ids: list[int]):
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def employees_lock(employee_ids: Iterable[int]) -> dict[int, int]:
    """Lock these employees' rows for the rest of the transaction (in id order)
    and return {employee id: the unit they are placed in}."""
    ids = sorted(set(employee_ids))
    units: dict[int, int] = {}
    for chunk in _chunks(ids):
        units.update(
            Employee.objects.select_for_update(no_key=True)
            .filter(pk__in=chunk)
            .order_by("pk")
            .values_list("pk", "unit_id")
        )
    return units


def attendee_units_change(
    *, activity_id: int, added: Iterable[int], removed: Iterable[int]
) -> None:
    """Count the attendance rows just written for ``activity_id``: those of the
    employees ``added`` and no longer those of the employees ``removed``. At most
    four queries whatever the number of attendees (per ``BATCH``)."""
    added, removed = list(added), list(removed)
    if not added and not removed:
        return
    units = employees_lock(added + removed)
    delta: Counter[int] = Counter()
    for pk in added:
        delta[units[pk]] += 1
    for pk in removed:
        delta[units[pk]] -= 1
    more = [(activity_id, unit, n) for unit, n in sorted(delta.items()) if n > 0]
    fewer = [(activity_id, unit, -n) for unit, n in sorted(delta.items()) if n < 0]
    with connection.cursor() as cursor:
        for rows, statement in ((more, _ADD), (fewer, _SUBTRACT)):
            if rows:
                values = ", ".join(["(%s, %s, %s)"] * len(rows))
                cursor.execute(
                    statement.format(rows=_ROWS_GIVEN.format(values=values)),
                    [v for row in rows for v in row],
                )
    if fewer:
        AttendeeUnit.objects.filter(activity_id=activity_id, attendees=0).delete()


def attendee_units_leaving(*, units: Mapping[int, int]) -> list[int]:
    """Before employees are written with new units ({employee id: unit}): lock
    them, and take the attendance rows of those whose stored unit differs out of
    the counts of that stored unit. Returns the ids of those employees; pass them
    to ``attendee_units_joined`` once their rows are written."""
    stored = employees_lock(units)
    moving = sorted(pk for pk, unit in units.items() if stored.get(pk, unit) != unit)
    left = sorted({stored[pk] for pk in moving})
    with connection.cursor() as cursor:
        for chunk in _chunks(moving):
            rows = _ROWS_BY_UNIT.format(ids=_placeholders(chunk))
            cursor.execute(_SUBTRACT.format(rows=rows), chunk)
    if moving:
        AttendeeUnit.objects.filter(unit_id__in=left, attendees=0).delete()
    return moving


def attendee_units_joined(*, employee_ids: Iterable[int]) -> None:
    """After the employees given by ``attendee_units_leaving`` were written: count
    their attendance rows at the unit they are placed in now."""
    ids = sorted(set(employee_ids))
    with connection.cursor() as cursor:
        for chunk in _chunks(ids):
            rows = _ROWS_BY_UNIT.format(ids=_placeholders(chunk))
            cursor.execute(_ADD.format(rows=rows), chunk)


# -- recomputation ----------------------------------------------------------------

_FRESH = f"""
SELECT a.activity_id, e.unit_id, COUNT(*)
FROM {_A} a JOIN {_E} e ON e.id = a.employee_id
GROUP BY a.activity_id, e.unit_id
"""  # nosec B608  # noqa: S608


def attendee_units_fresh() -> dict[Key, int]:
    """{(activity, unit): attendance rows} recomputed from the attendance and
    the employees' current units (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_FRESH)
        return {(activity, unit): n for activity, unit, n in cursor.fetchall()}


def attendee_units_rebuild() -> int:
    """Replace every ``AttendeeUnit`` row by the recomputation (one INSERT …
    SELECT); returns the rows."""
    AttendeeUnit.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_T} (activity_id, unit_id, attendees) {_FRESH}"  # nosec B608  # noqa: S608
        )
        return cursor.rowcount


def attendee_units_drift() -> list[tuple[Key, int, int]]:
    """[(key, stored, fresh)] where the roll-up differs from the recomputation
    (a stored row of zero is drift too: such rows are deleted)."""
    stored = {
        (activity, unit): n
        for activity, unit, n in AttendeeUnit.objects.values_list(
            "activity_id", "unit_id", "attendees"
        ).iterator(chunk_size=10000)
    }
    fresh = attendee_units_fresh()
    return sorted(
        (key, stored.get(key, 0), fresh.get(key, 0))
        for key in stored.keys() | fresh.keys()
        if key not in stored or key not in fresh or stored[key] != fresh[key]
    )
