import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.formats import date_format

from notices.models import Notice
from people.tests.factories import EmployeeFactory
from programs.models import Nomination
from programs.services import (
    CapacityFull,
    nomination_approve,
    nomination_create,
    nomination_reject,
    nomination_waitlist,
    nomination_withdraw,
    nominations_create,
    program_update,
)
from programs.tests.factories import (
    NominationFactory,
    ProgramFactory,
    past_program,
    program_fields,
)

State = Nomination.State


def _staff(org, n, unit=None):
    return [EmployeeFactory(unit=unit or org.kel_a) for __ in range(n)]


# -- nominating and requesting ------------------------------------------------------


def test_head_nominates_employee_of_subtree(roles, program):
    n = nomination_create(
        program=program,
        employee=roles.staff_a.employee,
        by=roles.head_a,
        reason="Gap manajemen konflik",
    )
    assert (n.state, n.created_by, n.reason) == (
        State.NOMINATED,
        roles.head_a,
        "Gap manajemen konflik",
    )


def test_head_of_kecamatan_nominates_kelurahan_staff(roles, program):
    n = nomination_create(
        program=program,
        employee=roles.staff_b.employee,
        by=roles.head_kecamatan,
        reason="Gap",
    )
    assert n.state == State.NOMINATED


def test_staff_requests_only_for_themselves(roles, program):
    n = nomination_create(
        program=program, employee=roles.staff_a.employee, by=roles.staff_a, reason="x"
    )
    assert n.state == State.REQUESTED
    with pytest.raises(PermissionDenied):
        nomination_create(
            program=program,
            employee=roles.staff_b.employee,
            by=roles.staff_a,
            reason="x",
        )
    assert Nomination.objects.count() == 1


def test_head_cannot_nominate_outside_subtree(roles, program):
    with pytest.raises(PermissionDenied):
        nomination_create(
            program=program,
            employee=roles.staff_b.employee,
            by=roles.head_a,
            reason="x",
        )
    assert Nomination.objects.count() == 0


def test_bpsdm_does_not_nominate(roles, program):
    with pytest.raises(PermissionDenied):
        nomination_create(
            program=program, employee=roles.staff_a.employee, by=roles.bpsdm, reason="x"
        )


def test_nominating_twice_is_a_clear_error(roles, program):
    employee = roles.staff_a.employee
    nomination_create(program=program, employee=employee, by=roles.head_a, reason="x")
    with pytest.raises(ValidationError) as exc:
        nomination_create(
            program=program, employee=employee, by=roles.head_a, reason="x"
        )
    assert exc.value.messages == [
        f"{employee.name} sudah diusulkan untuk program ini "
        "(status: Diusulkan kepala unit)."
    ]
    assert Nomination.objects.count() == 1


def test_rejected_nomination_does_not_block_a_new_one(roles, program):
    employee = roles.staff_a.employee
    first = nomination_create(
        program=program, employee=employee, by=roles.head_a, reason="x"
    )
    nomination_reject(nomination_id=first.pk, by=roles.bpsdm, note="Kuota unit")
    again = nomination_create(
        program=program, employee=employee, by=roles.head_a, reason="y"
    )
    assert again.state == State.NOMINATED


def test_database_refuses_two_live_nominations(roles, program):
    employee = roles.staff_a.employee
    NominationFactory(program=program, employee=employee)
    with pytest.raises(IntegrityError):
        NominationFactory(program=program, employee=employee, state=State.APPROVED)


def test_ineligible_employee_is_a_clear_error_and_nothing_saved(org, roles, fw):
    orientation = ProgramFactory(
        form=fw[1]["orientasi-pelayanan"], eligible_statuses=["CPNS"]
    )
    cpns = EmployeeFactory(unit=org.kel_a, employment_status="CPNS")
    pns = roles.staff_a.employee
    with pytest.raises(ValidationError) as exc:
        nominations_create(
            program=orientation, employees=[cpns, pns], by=roles.head_a, reason="x"
        )
    assert exc.value.messages == [
        f"{pns.name}: Status kepegawaian PNS tidak termasuk sasaran program ini."
    ]
    assert Nomination.objects.count() == 0
    nominations_create(
        program=orientation, employees=[cpns], by=roles.head_a, reason="x"
    )
    assert Nomination.objects.get().employee == cpns


def test_position_type_eligibility(org, roles, program):
    program.eligible_position_types.set([roles.head_a.employee.position_type])
    with pytest.raises(ValidationError) as exc:
        nomination_create(
            program=program,
            employee=roles.staff_a.employee,
            by=roles.head_a,
            reason="x",
        )
    assert exc.value.messages == [
        f"{roles.staff_a.employee.name}: Jabatan Staf Teknis tidak termasuk sasaran "
        "program ini."
    ]


def test_registration_closed_is_refused(roles, fw):
    closed = past_program()
    with pytest.raises(ValidationError) as exc:
        nomination_create(
            program=closed, employee=roles.staff_a.employee, by=roles.head_a, reason="x"
        )
    start = date_format(closed.registration_opens_on, "DATE_FORMAT")
    end = date_format(closed.registration_closes_on, "DATE_FORMAT")
    assert exc.value.messages == [
        f"{roles.staff_a.employee.name}: Pendaftaran program ini dibuka {start} "
        f"s.d. {end}."
    ]


def test_reason_required(roles, program):
    with pytest.raises(ValidationError) as exc:
        nomination_create(
            program=program,
            employee=roles.staff_a.employee,
            by=roles.head_a,
            reason=" ",
        )
    assert exc.value.message_dict == {"reason": ["Alasan usulan wajib diisi."]}


# -- decisions within capacity -------------------------------------------------------


def test_approve_within_capacity_then_refuse_with_clear_message(org, roles, program):
    nominations = [
        NominationFactory(program=program, employee=e) for e in _staff(org, 4)
    ]
    for n in nominations[:3]:
        assert nomination_approve(nomination_id=n.pk, by=roles.bpsdm).state == (
            State.APPROVED
        )
    with pytest.raises(CapacityFull) as exc:
        nomination_approve(nomination_id=nominations[3].pk, by=roles.bpsdm)
    assert exc.value.messages == [
        f"Kapasitas program {program.title} sudah penuh (3 kursi); usulan tidak "
        "disetujui. Masukkan ke daftar tunggu atau tolak."
    ]
    nominations[3].refresh_from_db()
    assert nominations[3].state == State.NOMINATED
    assert program.nominations.filter(state=State.APPROVED).count() == 3


def test_approve_when_full_can_waitlist(org, roles, fw):
    program = ProgramFactory(capacity=1)
    a, b = (NominationFactory(program=program, employee=e) for e in _staff(org, 2))
    nomination_approve(nomination_id=a.pk, by=roles.bpsdm)
    result = nomination_approve(
        nomination_id=b.pk, by=roles.bpsdm, waitlist_if_full=True
    )
    assert result.state == State.WAITLISTED
    assert result.waitlisted_at is not None


def test_only_bpsdm_decides(roles, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    for user in (roles.head_a, roles.staff_a, roles.head_kecamatan):
        with pytest.raises(PermissionDenied):
            nomination_approve(nomination_id=n.pk, by=user)
        with pytest.raises(PermissionDenied):
            nomination_reject(nomination_id=n.pk, by=user, note="x")
        with pytest.raises(PermissionDenied):
            nomination_waitlist(nomination_id=n.pk, by=user)


def test_reject_requires_reason_and_is_final(roles, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    with pytest.raises(ValidationError) as exc:
        nomination_reject(nomination_id=n.pk, by=roles.bpsdm, note="  ")
    assert exc.value.message_dict == {"note": ["Alasan penolakan wajib diisi."]}
    n.refresh_from_db()
    assert n.state == State.NOMINATED
    rejected = nomination_reject(
        nomination_id=n.pk, by=roles.bpsdm, note="Belum memenuhi syarat"
    )
    assert (rejected.state, rejected.decision_note, rejected.decided_by) == (
        State.REJECTED,
        "Belum memenuhi syarat",
        roles.bpsdm,
    )
    with pytest.raises(ValidationError) as exc:
        nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    assert exc.value.messages == [
        "Usulan berstatus Ditolak tidak dapat diubah menjadi Disetujui."
    ]


def test_withdrawing_an_approved_seat_promotes_first_waitlisted(org, roles, fw):
    program = ProgramFactory(capacity=1)
    first, second, third = (
        NominationFactory(program=program, employee=e) for e in _staff(org, 3)
    )
    nomination_approve(nomination_id=first.pk, by=roles.bpsdm)
    nomination_waitlist(nomination_id=third.pk, by=roles.bpsdm)  # waits first
    nomination_waitlist(nomination_id=second.pk, by=roles.bpsdm)
    nomination_withdraw(nomination_id=first.pk, by=roles.bpsdm)
    states = dict(Nomination.objects.values_list("pk", "state"))
    assert states == {
        first.pk: State.WITHDRAWN,
        second.pk: State.WAITLISTED,
        third.pk: State.APPROVED,
    }


def test_withdrawing_a_pending_nomination_promotes_nobody(org, roles, fw):
    program = ProgramFactory(capacity=1)
    a, b, c = (NominationFactory(program=program, employee=e) for e in _staff(org, 3))
    nomination_approve(nomination_id=a.pk, by=roles.bpsdm)
    nomination_waitlist(nomination_id=b.pk, by=roles.bpsdm)
    nomination_withdraw(nomination_id=c.pk, by=roles.bpsdm)
    b.refresh_from_db()
    assert b.state == State.WAITLISTED


def test_withdraw_scope(roles, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    with pytest.raises(PermissionDenied):
        nomination_withdraw(nomination_id=n.pk, by=roles.head_b)
    with pytest.raises(PermissionDenied):
        nomination_withdraw(nomination_id=n.pk, by=roles.staff_b)
    assert nomination_withdraw(nomination_id=n.pk, by=roles.staff_a).state == (
        State.WITHDRAWN
    )
    with pytest.raises(ValidationError):
        nomination_withdraw(nomination_id=n.pk, by=roles.staff_a)


def test_capacity_increase_promotes_waitlist(org, roles, fw):
    program = ProgramFactory(capacity=1)
    a, b = (NominationFactory(program=program, employee=e) for e in _staff(org, 2))
    nomination_approve(nomination_id=a.pk, by=roles.bpsdm)
    nomination_waitlist(nomination_id=b.pk, by=roles.bpsdm)
    program_update(
        program=program, by=roles.bpsdm, **program_fields(program, capacity=2)
    )
    b.refresh_from_db()
    assert b.state == State.APPROVED


def test_capacity_cannot_drop_below_approved(org, roles, fw):
    program = ProgramFactory(capacity=2)
    for e in _staff(org, 2):
        nomination_approve(
            nomination_id=NominationFactory(program=program, employee=e).pk,
            by=roles.bpsdm,
        )
    with pytest.raises(ValidationError) as exc:
        program_update(
            program=program, by=roles.bpsdm, **program_fields(program, capacity=1)
        )
    assert exc.value.message_dict == {
        "capacity": [
            "Kapasitas tidak boleh lebih kecil dari jumlah peserta yang sudah "
            "disetujui (2)."
        ]
    }
    program.refresh_from_db()
    assert program.capacity == 2


# -- notices ------------------------------------------------------------------------


def test_approval_notifies_employee_and_heads_above_exactly_once(roles, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    from programs.services.nominations import _notify

    _notify(n, program, "approved")  # a repeat changes nothing
    rows = Notice.objects.order_by("recipient_id")
    expected = sorted([roles.head_kecamatan.pk, roles.head_a.pk, roles.staff_a.pk])
    assert [r.recipient_id for r in rows] == expected
    assert {r.dedupe_key for r in rows} == {
        f"nomination:{n.pk}:approved:{pk}" for pk in expected
    }
    assert {r.kind for r in rows} == {"program-approved"}
    assert rows[0].subject == f"Usulan disetujui: {program.title}"


def test_rejection_and_promotion_notices(org, roles, fw):
    program = ProgramFactory(capacity=1)
    a = NominationFactory(program=program, employee=roles.staff_a.employee)
    b = NominationFactory(program=program, employee=roles.staff_b.employee)
    nomination_approve(nomination_id=a.pk, by=roles.bpsdm)
    nomination_waitlist(nomination_id=b.pk, by=roles.bpsdm)
    nomination_withdraw(nomination_id=a.pk, by=roles.staff_a)
    promoted = Notice.objects.filter(kind="program-promoted")
    assert sorted(promoted.values_list("recipient_id", flat=True)) == sorted(
        [roles.staff_b.pk, roles.head_b.pk, roles.head_kecamatan.pk]
    )
    assert {n.dedupe_key for n in promoted} == {
        f"nomination:{b.pk}:approved:{pk}"
        for pk in (roles.staff_b.pk, roles.head_b.pk, roles.head_kecamatan.pk)
    }
    c = NominationFactory(program=program, employee=EmployeeFactory(unit=org.kel_a))
    nomination_reject(nomination_id=c.pk, by=roles.bpsdm, note="Kuota penuh")
    rejected = Notice.objects.filter(kind="program-rejected")
    # c has no login: only the heads above kelurahan A.
    assert sorted(rejected.values_list("recipient_id", flat=True)) == sorted(
        [roles.head_a.pk, roles.head_kecamatan.pk]
    )
    assert "Alasan: Kuota penuh" in rejected.first().body


def test_decisions_are_audited(org, roles, fw):
    from audit.models import AuditEvent

    program = ProgramFactory(capacity=1)
    a, b = (NominationFactory(program=program, employee=e) for e in _staff(org, 2))
    nomination_approve(nomination_id=a.pk, by=roles.bpsdm)
    nomination_approve(nomination_id=b.pk, by=roles.bpsdm, waitlist_if_full=True)
    nomination_withdraw(nomination_id=a.pk, by=roles.bpsdm)
    trail = list(
        AuditEvent.objects.filter(target_type="programs.nomination")
        .order_by("pk")
        .values_list("action", "target_id", "before", "after__state")
    )
    assert trail == [
        ("nomination.approved", str(a.pk), {"state": "nominated"}, "approved"),
        ("nomination.waitlisted", str(b.pk), {"state": "nominated"}, "waitlisted"),
        ("nomination.withdrawn", str(a.pk), {"state": "approved"}, "withdrawn"),
        # The freed seat goes to the wait list, decided by no one.
        ("nomination.approved", str(b.pk), {"state": "waitlisted"}, "approved"),
    ]
