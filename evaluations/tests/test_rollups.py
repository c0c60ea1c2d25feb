"""``evaluations.rollups``: a program's participants per unit and their change in
level since its start day, kept by the nomination services, the program's
update, the level writer and employee moves."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from assessments.services import result_release
from assessments.tests.test_rollups import _scored, make_world
from evaluations.models import ProgramChange
from evaluations.rollups import program_changes_drift
from people.models import Employee
from people.services import employee_update
from programs.services import (
    nomination_approve,
    nomination_complete,
    nomination_completion_clear,
    nomination_waitlist,
    nomination_withdraw,
    program_update,
)
from programs.tests.factories import NominationFactory, past_program, program_fields

pytestmark = pytest.mark.django_db


def _rows() -> dict:
    """{(unit, active): (people, counted and change of dimensions 1 and 2)} of
    the one program."""
    return {
        (row.unit_id, row.active): (
            row.people,
            row.counted_1,
            row.change_1,
            row.counted_2,
            row.change_2,
        )
        for row in ProgramChange.objects.all()
    }


def _release(world, employee, day, levels) -> None:
    dims, instrument = world[0], world[1]
    result = _scored(
        instrument, employee, day, [(dims[i], lv) for i, lv in enumerate(levels)]
    )
    assert result_release(result=result, by=None)


def test_each_writer_keeps_the_participants_and_their_changes(org, roles):
    world = make_world(org)
    units, (a, b, c) = world[2], world[3]  # a and c in units[0], b in units[1]
    today = timezone.localdate()
    program = past_program()  # started five days ago
    # a: level 2 on dimension 1 in force on the start day.
    _release(world, a, program.starts_on - timedelta(days=30), [2])
    nominations = {}
    for employee in (a, b, c):
        nomination = NominationFactory(program=program, employee=employee)
        nominations[employee.pk] = nomination_approve(
            nomination_id=nomination.pk, by=roles.bpsdm
        )
    kel, other = units[0].pk, units[1].pk
    assert _rows() == {(kel, True): (2, 1, 0, 0, 0), (other, True): (1, 0, 0, 0, 0)}

    # A later result: a's change on dimension 1 is 4 − 2; dimension 2 had no
    # level on the start day.
    _release(world, a, today - timedelta(days=1), [4, 3])
    assert _rows() == {(kel, True): (2, 1, 2, 0, 0), (other, True): (1, 0, 0, 0, 0)}

    # c did not complete: no longer a participant; cleared, back again.
    done = nomination_complete(
        nomination=nominations[c.pk],
        by=roles.bpsdm,
        outcome="not_completed",
        attendance_percent=40,
    )
    assert _rows()[(kel, True)] == (1, 1, 2, 0, 0)
    nomination_completion_clear(nomination=done, by=roles.bpsdm)
    assert _rows()[(kel, True)] == (2, 1, 2, 0, 0)

    # b withdraws: the unit has no participant left.
    nomination_withdraw(nomination_id=nominations[b.pk].pk, by=roles.bpsdm)
    assert _rows() == {(kel, True): (2, 1, 2, 0, 0)}

    # a moves to b's unit, then is deactivated.
    employee_update(employee=Employee.objects.get(pk=a.pk), unit=units[1])
    assert _rows() == {(kel, True): (1, 0, 0, 0, 0), (other, True): (1, 1, 2, 0, 0)}
    employee_update(employee=Employee.objects.get(pk=a.pk), is_active=False)
    assert _rows() == {(kel, True): (1, 0, 0, 0, 0), (other, False): (1, 1, 2, 0, 0)}

    # The start day moved before a's first level: nothing to compare with.
    program.refresh_from_db()
    program_update(
        program=program,
        by=roles.bpsdm,
        **program_fields(
            program,
            starts_on=program.starts_on - timedelta(days=60),
            registration_opens_on=program.starts_on - timedelta(days=90),
            registration_closes_on=program.starts_on - timedelta(days=61),
        ),
    )
    assert _rows() == {(kel, True): (1, 0, 0, 0, 0), (other, False): (1, 0, 0, 0, 0)}
    assert program_changes_drift() == []


def test_rebuild_rollups_reports_and_repairs_its_drift(org, roles, capsys):
    world = make_world(org)
    program = past_program()
    for employee in world[3]:
        nomination = NominationFactory(program=program, employee=employee)
        nomination_approve(nomination_id=nomination.pk, by=roles.bpsdm)
    call_command("rebuild_rollups", "--check")
    ProgramChange.objects.filter(unit=world[2][0]).update(people=9)
    ProgramChange.objects.filter(unit=world[2][1]).delete()
    with pytest.raises(CommandError, match="2 baris"):
        call_command("rebuild_rollups", "--check")
    assert "ProgramChange: 2 baris menyimpang" in capsys.readouterr().out
    call_command("rebuild_rollups")
    call_command("rebuild_rollups", "--check")
    assert sorted(row[0] for row in _rows().values()) == [1, 2]


def test_a_seat_freed_promotes_the_wait_list_into_the_rollup(org, roles):
    world = make_world(org)
    units, (a, b, __) = world[2], world[3]
    program = past_program(capacity=1)
    first = nomination_approve(
        nomination_id=NominationFactory(program=program, employee=a).pk,
        by=roles.bpsdm,
    )
    waiting = nomination_waitlist(
        nomination_id=NominationFactory(program=program, employee=b).pk,
        by=roles.bpsdm,
    )
    assert _rows() == {(units[0].pk, True): (1, 0, 0, 0, 0)}
    # a withdraws: b takes the seat, in the same transaction.
    nomination_withdraw(nomination_id=first.pk, by=roles.bpsdm)
    waiting.refresh_from_db()
    assert waiting.state == "approved"
    assert _rows() == {(units[1].pk, True): (1, 0, 0, 0, 0)}
    assert program_changes_drift() == []
