"""Nobody decides about themselves, and one person is in one activity at a time:
a head's own activities go to the head above (or BPSDM when there is none), and
overlapping activities of one person are refused."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activities.models import Activity
from activities.permissions import EDIT, UNVERIFY, VERIFY
from activities.services import (
    activity_reject,
    activity_submit,
    activity_update,
    activity_verify,
    attendance_set,
)
from activities.tests.factories import (
    past,
    record_briefing,
    record_personal,
    record_self_development,
    roster,
)
from ledger.models import JPEntry
from notices.models import Notice
from people.permissions import can


def credits(activity) -> dict:
    return dict(
        JPEntry.objects.filter(source_key=activity.source_key).values_list(
            "employee_id", "minutes"
        )
    )


def test_a_heads_own_self_development_waits_for_the_head_above(framework, roles, login):
    own = record_self_development(roles.head_a)
    assert own.status == Activity.Status.SUBMITTED
    assert credits(own) == {}
    assert Notice.objects.filter(kind="activity_submitted").get().recipient == (
        roles.head_kecamatan
    )
    assert not can(roles.head_a, VERIFY, own)
    for path in ("verifikasi", "tolak"):
        url = f"/kegiatan/{own.pk}/{path}/"
        response = login(roles.head_a).post(url, {"reason": "Sendiri"})
        assert response.status_code == 403
    own.refresh_from_db()
    assert own.status == Activity.Status.SUBMITTED
    page = login(roles.head_a).get(f"/kegiatan/{own.pk}/")
    assert "tidak Anda verifikasi sendiri" in page.content.decode()
    # BPSDM does not step in while a head above is there; the outsider never sees it.
    assert not can(roles.bpsdm, VERIFY, own)
    assert login(roles.head_b).post(f"/kegiatan/{own.pk}/verifikasi/").status_code == (
        404
    )
    queue = login(roles.head_kecamatan).get("/kegiatan/verifikasi/")
    assert [a.pk for a in queue.context["page"]] == [own.pk]
    response = login(roles.head_kecamatan).post(f"/kegiatan/{own.pk}/verifikasi/")
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.status, own.verified_by) == (
        Activity.Status.VERIFIED,
        roles.head_kecamatan,
    )
    assert credits(own) == {roles.head_a.employee.pk: Decimal(60)}
    # Having been verified for him, he does not undo it either.
    assert not can(roles.head_a, UNVERIFY, own)
    assert login(roles.head_a).post(
        f"/kegiatan/{own.pk}/batal-verifikasi/"
    ).status_code == (403)


def test_the_top_head_s_own_activity_goes_to_bpsdm(framework, roles, login):
    own = record_self_development(roles.head_kecamatan)
    assert own.status == Activity.Status.SUBMITTED
    assert Notice.objects.filter(kind="activity_submitted").get().recipient == (
        roles.bpsdm
    )
    mine = login(roles.head_kecamatan).get("/kegiatan/verifikasi/")
    assert list(mine.context["page"]) == []
    queue = login(roles.bpsdm).get("/kegiatan/verifikasi/")
    assert [a.pk for a in queue.context["page"]] == [own.pk]
    assert login(roles.inspector).post(
        f"/kegiatan/{own.pk}/verifikasi/"
    ).status_code == (403)
    with pytest.raises(PermissionDenied):
        activity_verify(activity=own, verifier=roles.head_kecamatan)
    activity_verify(activity=own, verifier=roles.bpsdm)
    own.refresh_from_db()
    assert own.verified_by == roles.bpsdm
    assert credits(own) == {roles.head_kecamatan.employee.pk: Decimal(60)}


def test_a_head_present_at_a_staff_briefing_does_not_verify_it(framework, roles):
    briefing = record_briefing(
        roles.staff_a, present=[roles.staff_a.employee, roles.head_a.employee]
    )
    with pytest.raises(PermissionDenied):
        activity_verify(activity=briefing, verifier=roles.head_a)
    with pytest.raises(PermissionDenied):
        activity_reject(activity=briefing, verifier=roles.head_a, reason="Tidak")
    activity_verify(activity=briefing, verifier=roles.head_kecamatan)
    assert set(credits(briefing)) == {
        roles.staff_a.employee.pk,
        roles.head_a.employee.pk,
    }


def test_a_heads_recording_that_does_not_credit_him_counts_at_once(framework, roles):
    briefing = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    assert (briefing.status, briefing.verified_by) == (
        Activity.Status.VERIFIED,
        roles.head_a,
    )
    # Its recorder is not the one to undo it; the head above is.
    assert not can(roles.head_a, UNVERIFY, briefing)
    assert can(roles.head_kecamatan, UNVERIFY, briefing)
    # A personal approach is undone only by its author (it credits the employee).
    personal = record_personal(roles.head_a, roles.staff_a.employee)
    assert can(roles.head_a, UNVERIFY, personal)
    assert not can(roles.head_kecamatan, UNVERIFY, personal)


def test_ticking_oneself_present_after_verification_sends_it_back(framework, roles):
    briefing = record_briefing(
        roles.head_a,
        present=[roles.staff_a.employee],
        absent=[roles.head_a.employee],
    )
    assert briefing.status == Activity.Status.VERIFIED
    attendance_set(
        activity=briefing,
        actor=roles.head_a,
        employee_id=roles.head_a.employee.pk,
        status="present",
    )
    briefing.refresh_from_db()
    assert briefing.status == Activity.Status.SUBMITTED
    assert credits(briefing) == {}
    assert Notice.objects.filter(kind="activity_submitted").get().recipient == (
        roles.head_kecamatan
    )
    # Ticking someone else keeps a verification as it is.
    other = record_briefing(
        roles.head_a,
        present=[roles.staff_a.employee],
        started_at=past(hour=11, minute=0),
        absent=roster(roles.head_a.employee.unit, 1),
    )
    absentee = other.attendances.get(status="absent").employee_id
    attendance_set(
        activity=other, actor=roles.head_a, employee_id=absentee, status="present"
    )
    other.refresh_from_db()
    assert other.status == Activity.Status.VERIFIED


def test_a_head_editing_a_verified_record_about_himself_sends_it_back(framework, roles):
    own = record_self_development(roles.head_a)
    activity_verify(activity=own, verifier=roles.head_kecamatan)
    assert can(roles.head_a, EDIT, own)
    activity_update(
        activity=own,
        actor=roles.head_a,
        started_at=own.started_at,
        duration_minutes=240,
        detail={
            "study_kind": "service_cases",
            "topic": "Kasus pelayanan: perizinan usaha mikro",
            "source": "www.internalpelayanan.jakarta.go.id",
        },
    )
    own.refresh_from_db()
    assert own.status == Activity.Status.SUBMITTED
    assert credits(own) == {}


# -- overlapping activities of one person ----------------------------------------------


def test_overlapping_activities_of_one_person_are_refused(framework, roles):
    staff = roles.staff_a.employee
    first = record_self_development(
        roles.staff_a, minutes=480, started_at=past(hour=8, minute=0)
    )
    assert first.status == Activity.Status.SUBMITTED
    with pytest.raises(ValidationError) as exc:
        record_self_development(
            roles.staff_a, minutes=60, started_at=past(hour=12, minute=0)
        )
    message = exc.value.message_dict["attendance"][0]
    assert message.startswith(
        f"{staff.name} sudah tercatat hadir pada kegiatan lain pada waktu yang "
        "bertumpang tindih (Pengembangan Diri, "
    )
    assert message.endswith(
        "08.00–16.00); satu orang tidak dapat mengikuti dua kegiatan sekaligus."
    )
    # A head recording for himself is refused the same way.
    record_self_development(
        roles.head_a, minutes=480, started_at=past(hour=8, minute=0)
    )
    with pytest.raises(ValidationError):
        record_self_development(
            roles.head_a, minutes=480, started_at=past(hour=9, minute=0)
        )
    with pytest.raises(ValidationError):
        record_briefing(
            roles.head_a, present=[staff], started_at=past(hour=10, minute=0)
        )
    assert Activity.objects.count() == 2


def test_back_to_back_activities_and_void_ones_do_not_overlap(framework, roles):
    staff = roles.staff_a.employee
    record_self_development(
        roles.staff_a, minutes=60, started_at=past(hour=8, minute=0)
    )
    # It ends at 09:00 and the next one starts at 09:00; an excused attendee was
    # not there.
    nine = record_briefing(
        roles.head_a, present=[staff], started_at=past(hour=9, minute=0)
    )
    excused = record_briefing(
        roles.head_a,
        present=[roles.head_a.employee],
        excused=[staff],
        started_at=past(hour=8, minute=30),
    )
    # A rejected activity is void.
    rejected = record_briefing(
        roles.staff_a, present=[staff], started_at=past(hour=13, minute=0)
    )
    activity_reject(activity=rejected, verifier=roles.head_a, reason="Salah catat")
    again = record_briefing(
        roles.head_a, present=[staff], started_at=past(hour=13, minute=0)
    )
    assert nine.status == again.status == Activity.Status.VERIFIED
    assert excused.status == Activity.Status.SUBMITTED  # it credits the head


def test_a_draft_counts_only_once_submitted(framework, roles):
    draft = record_self_development(
        roles.staff_a, minutes=60, started_at=past(hour=8, minute=0)
    )
    draft.status = Activity.Status.DRAFT
    draft.save(update_fields=["status"])
    briefing = record_briefing(
        roles.head_a,
        present=[roles.staff_a.employee],
        started_at=past(hour=8, minute=0),
    )
    assert briefing.status == Activity.Status.VERIFIED
    with pytest.raises(ValidationError) as exc:
        activity_submit(activity=draft, actor=roles.staff_a)
    assert "bertumpang tindih" in exc.value.message_dict["attendance"][0]
    draft.refresh_from_db()
    assert draft.status == Activity.Status.DRAFT


def test_marking_someone_present_into_an_overlap_is_refused(framework, roles):
    staff = roles.staff_a.employee
    record_self_development(
        roles.staff_a, minutes=120, started_at=past(hour=8, minute=0)
    )
    briefing = record_briefing(
        roles.head_a,
        present=[roles.head_a.employee],
        absent=[staff],
        started_at=past(hour=9, minute=0),
    )
    with pytest.raises(ValidationError) as exc:
        attendance_set(
            activity=briefing,
            actor=roles.head_a,
            employee_id=staff.pk,
            status="present",
        )
    assert "bertumpang tindih" in exc.value.messages[0]
    assert briefing.attendances.get(employee=staff).status == "absent"


def test_moving_an_activity_into_an_overlap_is_refused(framework, roles):
    staff = roles.staff_a.employee
    record_self_development(
        roles.staff_a, minutes=60, started_at=past(hour=8, minute=0)
    )
    briefing = record_briefing(
        roles.head_a, present=[staff], started_at=past(hour=10, minute=0)
    )
    with pytest.raises(ValidationError) as exc:
        activity_update(
            activity=briefing,
            actor=roles.head_a,
            started_at=briefing.started_at - timedelta(hours=1, minutes=30),
            duration_minutes=10,
            unit=briefing.unit,
            facilitator=roles.head_a.employee,
            attendance={staff.pk: "present"},
            detail={"agenda_kind": "setia_motivation"},
        )
    assert "bertumpang tindih" in exc.value.message_dict["attendance"][0]


def test_the_form_shows_the_overlap(framework, roles, login):
    record_self_development(
        roles.staff_a, minutes=60, started_at=past(hour=8, minute=0)
    )
    day = past(hour=8, minute=0).date().isoformat()
    response = login(roles.staff_a).post(
        "/kegiatan/baru/pengembangan-diri/",
        {
            "study_kind": "service_cases",
            "topic": "Prosedur PB-UMKU",
            "source": "www.internalpelayanan.jakarta.go.id",
            "date": day,
            "start_time": "08:30",
            "duration_minutes": "30",
            "summary": "Belajar.",
        },
    )
    assert response.status_code == 200
    assert "bertumpang tindih" in response.content.decode()
    assert Activity.objects.count() == 1
