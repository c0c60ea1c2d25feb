"""The attendee-unit roll-up (``activities.rollups``): what the attendance writer
and the employee moves leave in it, what a head sees through it, and the check
and rebuild of ``rebuild_rollups``. Its exactness after random sequences of
writes is the property test in ``assessments/tests/test_rollups.py``."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import AttendeeUnit
from activities.rollups import (
    attendee_units_change,
    attendee_units_drift,
    attendee_units_fresh,
    attendee_units_rebuild,
)
from activities.selectors import activities_visible_to
from activities.services import activity_delete, activity_update
from activities.tests.factories import past, record_briefing, roster
from people.models import Employee
from people.services import employee_update, employees_upsert


def _rows(activity=None) -> dict[tuple[int, int], int]:
    rows = AttendeeUnit.objects.all()
    if activity is not None:
        rows = rows.filter(activity=activity)
    return {
        (a, u): n for a, u, n in rows.values_list("activity_id", "unit_id", "attendees")
    }


def _seen(user) -> set[int]:
    return set(activities_visible_to(user).values_list("pk", flat=True))


def _edit(activity, actor, attendance):
    return activity_update(
        activity=activity,
        actor=actor,
        started_at=activity.started_at,
        duration_minutes=activity.duration_minutes,
        unit=activity.unit,
        attendance=attendance,
        summary="Briefing.",
        detail={"agenda_kind": "other"},
    )


def test_recording_and_editing_count_attendees_per_unit(framework, roles, org):
    head = roles.head_kecamatan
    a1, a2 = roster(org.kel_a, 2)
    b1 = roster(org.kel_b, 1)[0]
    activity = record_briefing(head, present=[a1, b1], absent=[a2])
    assert _rows(activity) == {
        (activity.pk, org.kel_a.pk): 2,
        (activity.pk, org.kel_b.pk): 1,
    }

    # One of kel A and the one of kel B leave, the head himself joins.
    _edit(activity, head, {a2.pk: "present", head.employee.pk: "excused"})
    assert _rows(activity) == {
        (activity.pk, org.kel_a.pk): 1,
        (activity.pk, org.kecamatan.pk): 1,
    }
    # A status change alone changes nothing (every status counts).
    _edit(activity, head, {a2.pk: "absent", head.employee.pk: "present"})
    assert _rows(activity) == {
        (activity.pk, org.kel_a.pk): 1,
        (activity.pk, org.kecamatan.pk): 1,
    }
    activity_delete(activity=activity, actor=head)
    assert _rows() == {}
    assert attendee_units_drift() == []


def test_a_move_takes_the_attendance_to_the_new_unit(framework, roles, org):
    moved = roster(org.kel_a, 1)[0]
    stays = roles.staff_a.employee
    first = record_briefing(roles.head_a, present=[moved, stays])
    second = record_briefing(roles.head_a, present=[moved], started_at=past(hour=9))
    assert _seen(roles.head_b) == set()

    employee_update(employee=moved, unit=org.kel_b)
    assert _rows() == {
        (first.pk, org.kel_a.pk): 1,
        (first.pk, org.kel_b.pk): 1,
        (second.pk, org.kel_b.pk): 1,
    }
    # Kel B's head now sees what his new employee attended in kel A.
    assert _seen(roles.head_b) == {first.pk, second.pk}
    assert _seen(roles.head_a) == {first.pk, second.pk}  # kel A's own activities

    # A change that is not a move leaves the roll-up alone.
    employee_update(employee=moved, name="Nama Baru")
    employee_update(employee=stays, unit=org.kel_b)
    assert _rows() == {
        (first.pk, org.kel_b.pk): 2,
        (second.pk, org.kel_b.pk): 1,
    }
    assert attendee_units_drift() == []


def test_a_bulk_move_follows_the_import(framework, roles, org):
    people = roster(org.kel_a, 3)
    activity = record_briefing(roles.head_a, present=people)
    records = [
        {
            "name": e.name,
            "nip": e.nip,
            "unit": org.kel_b if i < 2 else e.unit,
            "position_type": e.position_type,
            "employment_status": e.employment_status,
            "gender": e.gender,
            "placed_on": e.placed_on,
            "is_active": e.is_active,
            "email": e.email,
        }
        for i, e in enumerate(Employee.objects.filter(pk__in=[p.pk for p in people]))
    ]
    assert not employees_upsert(records=records).errors
    assert _rows() == {(activity.pk, org.kel_a.pk): 1, (activity.pk, org.kel_b.pk): 2}
    assert activity.pk in _seen(roles.head_b)


def test_head_of_an_other_subtree_does_not_see_it(framework, roles, org):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    assert activity.pk not in _seen(roles.head_b)
    assert activity.pk in _seen(roles.head_kecamatan)
    assert activity.pk in _seen(roles.staff_a)
    assert activity.pk not in _seen(roles.staff_b)


def test_a_drifted_count_never_fails_a_writer(framework, roles, org):
    # A row lost by hand: the writer still removes the attendee (clamped at 0,
    # the row deleted), and the check shows nothing left to repair.
    a1, a2 = roster(org.kel_a, 2)
    activity = record_briefing(roles.head_a, present=[a1, a2])
    AttendeeUnit.objects.filter(activity=activity).update(attendees=1)
    attendee_units_change(activity_id=activity.pk, added=[], removed=[a1.pk, a2.pk])
    assert _rows(activity) == {}


def test_attendance_change_costs_a_fixed_number_of_queries(framework, roles, org):
    few, many = roster(org.kel_a, 2), roster(org.kel_b, 30)
    activity = record_briefing(roles.head_kecamatan, present=[roles.staff_a.employee])
    counts = []
    for people in (few, many):
        with CaptureQueriesContext(connection) as ctx:
            attendee_units_change(
                activity_id=activity.pk, added=[e.pk for e in people], removed=[]
            )
        counts.append(len(ctx.captured_queries))
    assert counts == [2, 2]  # the lock, the upsert
    with CaptureQueriesContext(connection) as ctx:
        attendee_units_change(
            activity_id=activity.pk,
            added=[],
            removed=[e.pk for e in few + many],
        )
    assert len(ctx.captured_queries) == 3  # the lock, the update, the zeros
    assert _rows(activity) == {(activity.pk, org.kel_a.pk): 1}


def test_rebuild_rollups_checks_and_repairs_attendee_units(
    framework, roles, org, capsys
):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    other = record_briefing(
        roles.head_b, present=[roles.staff_b.employee], started_at=past(hour=9)
    )
    call_command("rebuild_rollups", "--check")
    AttendeeUnit.objects.filter(activity=activity).update(attendees=5)
    AttendeeUnit.objects.filter(activity=other).delete()
    with pytest.raises(CommandError, match="2 baris"):
        call_command("rebuild_rollups", "--check")
    assert "AttendeeUnit: 2 baris menyimpang" in capsys.readouterr().out
    assert attendee_units_drift() == [
        ((activity.pk, org.kel_a.pk), 5, 1),
        ((other.pk, org.kel_b.pk), 0, 1),
    ]
    call_command("rebuild_rollups")
    call_command("rebuild_rollups", "--check")
    assert attendee_units_rebuild() == 2
    assert (
        attendee_units_fresh()
        == _rows()
        == {
            (activity.pk, org.kel_a.pk): 1,
            (other.pk, org.kel_b.pk): 1,
        }
    )
