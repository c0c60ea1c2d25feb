from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from activities.models import Activity, Attendance, Coaching, PersonalNote
from activities.services import (
    activity_delete,
    activity_record,
    activity_reject,
    activity_submit,
    activity_unverify,
    activity_update,
    activity_verify,
    attendance_set,
)
from activities.tests.factories import (
    at,
    form,
    past,
    record_briefing,
    record_coaching,
    record_personal,
    record_self_development,
    roster,
)
from ledger.models import JPEntry
from ledger.selectors import jp_by_employee
from notices.models import Notice


def credits(activity) -> dict:
    return dict(
        JPEntry.objects.filter(source_key=f"activity:{activity.pk}").values_list(
            "employee_id", "minutes"
        )
    )


def test_head_recording_counts_at_once(framework, roles, org):
    people = roster(org.kel_a, 3)
    activity = record_briefing(roles.head_a, present=people[:2], absent=people[2:])
    assert activity.status == Activity.Status.VERIFIED
    assert activity.verified_by == roles.head_a
    assert credits(activity) == {people[0].pk: Decimal(10), people[1].pk: Decimal(10)}
    assert Notice.objects.count() == 0


def test_staff_recording_waits_for_the_head(framework, roles, org):
    staff = roles.staff_a.employee
    activity = record_briefing(roles.staff_a, present=[staff])
    assert activity.status == Activity.Status.SUBMITTED
    assert credits(activity) == {}
    notice = Notice.objects.get()
    assert notice.recipient == roles.head_a
    assert notice.kind == "activity_submitted"
    assert notice.link == f"/kegiatan/{activity.pk}/"


def test_verify_credits_present_attendees_only(framework, roles, org):
    colleague = roster(org.kel_a, 1)[0]
    staff = roles.staff_a.employee
    activity = record_briefing(
        roles.staff_a, present=[staff], excused=[colleague], minutes=15
    )
    activity_verify(activity=activity, verifier=roles.head_a)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.VERIFIED
    assert credits(activity) == {staff.pk: Decimal(15)}
    entry = JPEntry.objects.get(source_key=f"activity:{activity.pk}")
    assert entry.source == "internal"
    assert entry.form == form("briefing")
    assert entry.occurred_on == timezone.localdate(activity.started_at)
    assert entry.description == f"Briefing · {org.kel_a.name}"


def test_parent_head_may_verify_but_other_head_may_not(framework, roles):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    with pytest.raises(PermissionDenied):
        activity_verify(activity=activity, verifier=roles.head_b)
    activity_verify(activity=activity, verifier=roles.head_kecamatan)
    activity.refresh_from_db()
    assert activity.verified_by == roles.head_kecamatan


def test_verify_twice_is_refused(framework, roles):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    activity_verify(activity=activity, verifier=roles.head_a)
    with pytest.raises(ValidationError) as exc:
        activity_verify(activity=activity, verifier=roles.head_a)
    assert exc.value.messages == ["Kegiatan ini tidak sedang menunggu verifikasi."]


def test_reject_unverify_and_delete_clear_credits(framework, roles):
    staff = roles.staff_a.employee
    activity = record_briefing(roles.staff_a, present=[staff])
    activity_verify(activity=activity, verifier=roles.head_a)
    assert credits(activity) == {staff.pk: Decimal(10)}

    activity_unverify(activity=activity, actor=roles.head_a)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.SUBMITTED
    assert credits(activity) == {}

    activity_reject(activity=activity, verifier=roles.head_a, reason="Foto tidak ada")
    activity.refresh_from_db()
    assert activity.status == Activity.Status.REJECTED
    assert activity.rejection_reason == "Foto tidak ada"
    assert (
        Notice.objects.filter(recipient=roles.staff_a, kind="activity_rejected").count()
        == 1
    )

    verified = record_briefing(roles.head_a, present=[staff], started_at=past(2))
    assert credits(verified) == {staff.pk: Decimal(10)}
    key = verified.source_key
    activity_delete(activity=verified, actor=roles.head_a)
    assert not Activity.objects.filter(pk=verified.pk).exists()
    assert JPEntry.objects.filter(source_key=key).count() == 0


def test_reject_needs_a_reason(framework, roles):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    with pytest.raises(ValidationError) as exc:
        activity_reject(activity=activity, verifier=roles.head_a, reason="  ")
    assert exc.value.message_dict == {"reason": ["Tuliskan alasan penolakan."]}


def test_rejected_activity_edited_by_recorder_goes_back_to_queue(framework, roles):
    staff = roles.staff_a.employee
    activity = record_briefing(roles.staff_a, present=[staff])
    activity_reject(activity=activity, verifier=roles.head_a, reason="Durasi salah")
    activity_update(
        activity=activity,
        actor=roles.staff_a,
        unit=activity.unit,
        started_at=activity.started_at,
        duration_minutes=12,
        facilitator=staff,
        attendance={staff.pk: "present"},
        dimension_ids=[],
        detail={"agenda_kind": "other"},
    )
    activity.refresh_from_db()
    assert activity.status == Activity.Status.SUBMITTED
    assert activity.rejection_reason == ""
    assert activity.duration_minutes == 12
    assert activity.briefing.agenda_kind == "other"
    assert Notice.objects.filter(kind="activity_submitted").count() == 2


def test_staff_cannot_edit_verified_activity(framework, roles):
    staff = roles.staff_a.employee
    activity = record_briefing(roles.staff_a, present=[staff])
    activity_verify(activity=activity, verifier=roles.head_a)
    with pytest.raises(PermissionDenied):
        activity_update(
            activity=activity,
            actor=roles.staff_a,
            unit=activity.unit,
            started_at=activity.started_at,
            duration_minutes=60,
            attendance={staff.pk: "present"},
            detail={"agenda_kind": "other"},
        )


def test_head_edit_of_verified_activity_recredits(framework, roles, org):
    people = roster(org.kel_a, 2)
    activity = record_briefing(roles.head_a, present=people)
    activity_update(
        activity=activity,
        actor=roles.head_a,
        unit=activity.unit,
        started_at=activity.started_at,
        duration_minutes=20,
        facilitator=roles.head_a.employee,
        attendance={people[0].pk: "present", people[1].pk: "absent"},
        detail={"agenda_kind": "rule_change"},
    )
    activity.refresh_from_db()
    assert activity.status == Activity.Status.VERIFIED
    assert credits(activity) == {people[0].pk: Decimal(20)}


def test_attendance_toggle_moves_credits(framework, roles, org):
    people = roster(org.kel_a, 2)
    activity = record_briefing(roles.head_a, present=people)
    attendance_set(
        activity=activity, actor=roles.head_a, employee_id=people[1].pk, status="absent"
    )
    assert credits(activity) == {people[0].pk: Decimal(10)}
    attendance_set(
        activity=activity,
        actor=roles.head_a,
        employee_id=people[1].pk,
        status="present",
    )
    assert credits(activity) == {people[0].pk: Decimal(10), people[1].pk: Decimal(10)}
    with pytest.raises(ValidationError):
        attendance_set(
            activity=activity, actor=roles.head_a, employee_id=people[0].pk, status="x"
        )
    with pytest.raises(PermissionDenied):
        attendance_set(
            activity=activity,
            actor=roles.head_b,
            employee_id=people[0].pk,
            status="absent",
        )


@time_machine.travel(
    datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False
)
def test_ten_daily_briefings_of_ten_minutes_make_2_22_jp(framework, roles, org):
    # A fixed clock: briefings of 5–14 January are in the past on any real day.
    employee = roster(org.kel_a, 1)[0]
    year = timezone.localdate().year
    start = at(timezone.localdate().replace(month=1, day=5))
    for day in range(10):
        record_briefing(
            roles.head_a, present=[employee], started_at=start + timedelta(days=day)
        )
    assert jp_by_employee([employee.pk], year) == {employee.pk: Decimal("2.22")}


def test_draft_counts_nothing_until_submitted(framework, roles):
    staff = roles.staff_a.employee
    activity = record_briefing(roles.head_a, present=[staff], draft=True)
    assert activity.status == Activity.Status.DRAFT
    assert credits(activity) == {}
    activity_submit(activity=activity, actor=roles.head_a)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.VERIFIED
    assert credits(activity) == {staff.pk: Decimal(10)}


@pytest.mark.parametrize(
    ("kwargs", "errors"),
    [
        (
            {"duration_minutes": 0},
            {"duration_minutes": ["Durasi harus lebih dari 0 menit."]},
        ),
        (
            {"duration_minutes": 481},
            {
                "duration_minutes": [
                    "Durasi melebihi satu hari kerja (480 menit); catat sebagai "
                    "beberapa kegiatan."
                ]
            },
        ),
        (
            {"started_at": "tomorrow"},
            {
                "started_at": [
                    "Kegiatan yang sudah terlaksana tidak boleh bertanggal di masa "
                    "depan."
                ]
            },
        ),
    ],
)
def test_record_refuses_bad_timing_and_saves_nothing(framework, roles, kwargs, errors):
    if kwargs.get("started_at") == "tomorrow":
        kwargs["started_at"] = timezone.now() + timedelta(days=1)
    base = {
        "recorder": roles.head_a,
        "form": form("briefing"),
        "unit": roles.head_a.employee.unit,
        "started_at": past(),
        "duration_minutes": 10,
        "attendance": {roles.staff_a.employee.pk: "present"},
        "detail": {"agenda_kind": "other"},
    }
    with pytest.raises(ValidationError) as exc:
        activity_record(**(base | kwargs))
    assert exc.value.message_dict == errors
    assert Activity.objects.count() == 0
    assert JPEntry.objects.count() == 0


def test_record_refuses_attendees_outside_scope(framework, roles):
    with pytest.raises(ValidationError) as exc:
        record_briefing(
            roles.staff_a,
            present=[roles.staff_a.employee, roles.staff_b.employee],
        )
    assert exc.value.message_dict == {
        "attendance": ["1 peserta berada di luar cakupan Anda."]
    }
    assert Activity.objects.count() == 0
    assert Attendance.objects.count() == 0


def test_record_refuses_unit_outside_scope(framework, roles, org):
    with pytest.raises(ValidationError) as exc:
        record_briefing(roles.head_a, present=[roles.staff_a.employee], unit=org.kel_b)
    assert exc.value.message_dict == {"unit": ["Unit di luar cakupan Anda."]}


def test_bpsdm_cannot_record(framework, roles):
    with pytest.raises(ValidationError) as exc:
        record_briefing(
            roles.bpsdm,
            present=[roles.staff_a.employee],
            unit=roles.staff_a.employee.unit,
        )
    assert "unit" in exc.value.message_dict


def test_coaching_session_without_coachee_is_refused(framework, roles):
    with pytest.raises(ValidationError) as exc:
        record_coaching(roles.head_a, coach=roles.head_a.employee)
    assert exc.value.message_dict["coachee"] == [
        "Sesi coaching harus memiliki coachee."
    ]
    assert Coaching.objects.count() == 0
    assert Activity.objects.count() == 0


def test_coaching_first_session_opens_the_engagement(framework, roles):
    coach, coachee = roles.head_a.employee, roles.staff_a.employee
    first = record_coaching(roles.head_a, coach=coach, coachee=coachee)
    coaching = Coaching.objects.get()
    assert (coaching.coach, coaching.coachee, coaching.unit) == (
        coach,
        coachee,
        coachee.unit,
    )
    assert sorted(d.code for d in coaching.dimensions.all()) == [
        "empati-sosial",
        "jejaring-sosial",
        "manajemen-konflik",
    ]
    second = record_coaching(
        roles.head_a, coach=coach, coaching=coaching, started_at=past(hour=11)
    )
    assert list(coaching.sessions.order_by("activity__started_at")) == [
        first.coaching_session,
        second.coaching_session,
    ]
    assert credits(second) == {coachee.pk: Decimal(60)}


def test_coaching_coach_cannot_coach_themselves(framework, roles):
    me = roles.head_a.employee
    with pytest.raises(ValidationError) as exc:
        record_coaching(roles.head_a, coach=me, coachee=me)
    assert exc.value.message_dict["coachee"] == [
        "Coach dan coachee tidak boleh orang yang sama."
    ]


def test_personal_approach_is_head_only_and_keeps_note_private(framework, roles):
    activity = record_personal(roles.head_a, roles.staff_a.employee, note="Rahasia")
    assert activity.summary == ""
    assert activity.facilitator == roles.head_a.employee
    note = PersonalNote.objects.get(activity=activity)
    assert (note.author, note.employee, note.text) == (
        roles.head_a,
        roles.staff_a.employee,
        "Rahasia",
    )
    assert "Rahasia" not in str(note)
    assert JPEntry.objects.get().description == f"Pendekatan Personal · {activity.unit}"
    with pytest.raises(ValidationError) as exc:
        record_personal(roles.staff_a, roles.staff_a.employee)
    assert (
        "Pendekatan personal hanya dicatat oleh kepala unit."
        in (exc.value.message_dict["employee"])
    )


def test_self_development_credits_the_learner(framework, roles):
    activity = record_self_development(roles.staff_a, minutes=90)
    assert activity.unit == roles.staff_a.employee.unit
    activity_verify(activity=activity, verifier=roles.head_a)
    assert credits(activity) == {roles.staff_a.employee.pk: Decimal(90)}
    assert JPEntry.objects.get().description == (
        "Pengembangan Diri: Kasus pelayanan: perizinan usaha mikro"
    )


def test_record_sets_matrix_dimensions_by_default(framework, roles):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    assert sorted(d.number for d in activity.dimensions.all()) == [1, 2, 3, 4, 5, 6]


def test_verification_decisions_are_audited(framework, roles):
    from audit.models import AuditEvent

    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    activity_verify(activity=activity, verifier=roles.head_a)
    activity_unverify(activity=activity, actor=roles.head_a)
    activity_reject(activity=activity, verifier=roles.head_a, reason="Foto tidak ada")
    events = list(
        AuditEvent.objects.filter(target_id=str(activity.pk))
        .order_by("pk")
        .values_list("action", "actor__username", "before", "after")
    )
    assert events == [
        (
            "activity.verify",
            "kepala.a",
            {"status": "submitted"},
            {"status": "verified", "reason": ""},
        ),
        (
            "activity.unverify",
            "kepala.a",
            {"status": "verified"},
            {"status": "submitted", "reason": ""},
        ),
        (
            "activity.reject",
            "kepala.a",
            {"status": "submitted"},
            {"status": "rejected", "reason": "Foto tidak ada"},
        ),
    ]
