from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from ledger.models import JPEntry
from ledger.selectors import jp_by_employee
from people.tests.factories import EmployeeFactory
from programs.models import Nomination
from programs.services import (
    nomination_approve,
    nomination_complete,
    nomination_completion_clear,
    nomination_withdraw,
    program_update,
)
from programs.tests.factories import (
    NominationFactory,
    past_program,
    program_fields,
)

State = Nomination.State


def _staff(org, n, unit=None):
    return [EmployeeFactory(unit=unit or org.kel_a) for __ in range(n)]


# -- completion and the JP ledger ---------------------------------------------------


def _approved(program, employee, bpsdm):
    n = NominationFactory(program=program, employee=employee)
    return nomination_approve(nomination_id=n.pk, by=bpsdm)


def test_completion_credits_exact_jp_to_the_shared_ledger(roles, fw):
    program = past_program(jp=Decimal(30))
    employee = roles.staff_a.employee
    n = _approved(program, employee, roles.bpsdm)
    nomination_complete(
        nomination=n,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=95,
        score=Decimal("88.50"),
        certificate_number="STTPP/2025/001",
    )
    entry = JPEntry.objects.get()
    assert (
        entry.employee_id,
        entry.source,
        entry.source_key,
        entry.minutes,
        entry.occurred_on,
        entry.form_id,
    ) == (
        employee.pk,
        "external",
        f"program-nomination:{n.pk}",
        Decimal("1350.00"),
        program.ends_on,
        program.form_id,
    )
    year = program.ends_on.year
    assert jp_by_employee([employee.pk], year) == {employee.pk: Decimal("30.00")}


def test_completion_fractional_jp(roles, fw):
    program = past_program(jp=Decimal("2.50"))
    n = _approved(program, roles.staff_a.employee, roles.bpsdm)
    nomination_complete(
        nomination=n, by=roles.bpsdm, outcome="completed", attendance_percent=100
    )
    assert JPEntry.objects.get().minutes == Decimal("112.50")


def test_not_completed_and_revert_clear_the_credit(roles, fw):
    program = past_program()
    n = _approved(program, roles.staff_a.employee, roles.bpsdm)
    nomination_complete(
        nomination=n, by=roles.bpsdm, outcome="completed", attendance_percent=100
    )
    assert JPEntry.objects.count() == 1
    nomination_complete(
        nomination=n, by=roles.bpsdm, outcome="not_completed", attendance_percent=40
    )
    assert JPEntry.objects.count() == 0
    nomination_complete(
        nomination=n, by=roles.bpsdm, outcome="completed", attendance_percent=100
    )
    cleared = nomination_completion_clear(nomination=n, by=roles.bpsdm)
    assert (cleared.outcome, cleared.attendance_percent, JPEntry.objects.count()) == (
        "",
        None,
        0,
    )


def test_program_jp_change_recredits_completed(roles, fw):
    program = past_program(jp=Decimal(30))
    n = _approved(program, roles.staff_a.employee, roles.bpsdm)
    nomination_complete(
        nomination=n, by=roles.bpsdm, outcome="completed", attendance_percent=100
    )
    program_update(
        program=program, by=roles.bpsdm, **program_fields(program, jp=Decimal(24))
    )
    assert JPEntry.objects.get().minutes == Decimal("1080.00")


def test_completion_rules(roles, fw, program):
    pending = NominationFactory(program=past_program(), employee=roles.staff_b.employee)
    with pytest.raises(ValidationError) as exc:
        nomination_complete(
            nomination=pending,
            by=roles.bpsdm,
            outcome="completed",
            attendance_percent=1,
        )
    assert exc.value.messages == ["Hasil hanya dicatat untuk peserta yang disetujui."]
    upcoming = _approved(program, roles.staff_a.employee, roles.bpsdm)
    with pytest.raises(ValidationError) as exc:
        nomination_complete(
            nomination=upcoming,
            by=roles.bpsdm,
            outcome="completed",
            attendance_percent=1,
        )
    ends = date_format(program.ends_on, "DATE_FORMAT")
    assert exc.value.messages == [f"Hasil dicatat setelah program berakhir ({ends})."]
    assert JPEntry.objects.count() == 0


def test_withdraw_after_completion_refused(roles, fw):
    n = _approved(past_program(), roles.staff_a.employee, roles.bpsdm)
    nomination_complete(
        nomination=n, by=roles.bpsdm, outcome="completed", attendance_percent=100
    )
    with pytest.raises(ValidationError) as exc:
        nomination_withdraw(nomination_id=n.pk, by=roles.bpsdm)
    assert exc.value.messages == [
        "Hasil program sudah dicatat; usulan tidak dapat ditarik lagi."
    ]
    assert JPEntry.objects.count() == 1
