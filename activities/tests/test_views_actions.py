"""Edit, delete, submit, htmx attendance and the verification queue."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.models import Activity
from activities.tests.factories import past, record_briefing, roster
from ledger.models import JPEntry
from notices.models import Notice


def test_attendance_toggle_by_htmx_returns_the_row(framework, roles, org, login):
    people = roster(org.kel_a, 2)
    activity = record_briefing(roles.head_a, present=people)
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/kehadiran/{people[1].pk}/",
        {"status": "absent"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="attendance-{people[1].pk}">')
    assert f"Kehadiran {people[1].name} diubah menjadi Tidak hadir." in html
    assert dict(
        JPEntry.objects.filter(source_key=activity.source_key).values_list(
            "employee_id", "minutes"
        )
    ) == {people[0].pk: Decimal(10)}


def test_attendance_toggle_without_htmx_redirects(framework, roles, org, login):
    people = roster(org.kel_a, 1)
    activity = record_briefing(roles.head_a, present=people)
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/kehadiran/{people[0].pk}/", {"status": "excused"}
    )
    assert response.status_code == 302
    assert activity.attendances.get().status == "excused"


def test_attendance_toggle_outsider_and_reader(framework, roles, org, login):
    people = roster(org.kel_a, 1)
    activity = record_briefing(roles.head_a, present=[*people, roles.staff_a.employee])
    url = f"/kegiatan/{activity.pk}/kehadiran/{people[0].pk}/"
    assert login(roles.head_b).post(url, {"status": "absent"}).status_code == 404
    assert login(roles.staff_a).post(url, {"status": "absent"}).status_code == 403
    assert login(roles.bpsdm).post(url, {"status": "absent"}).status_code == 403
    assert activity.attendances.get(employee=people[0]).status == "present"


def test_queue_lists_submitted_in_subtree(framework, roles, login):
    waiting = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    record_briefing(roles.staff_b, present=[roles.staff_b.employee])
    response = login(roles.head_a).get("/kegiatan/verifikasi/")
    assert [a.pk for a in response.context["page"]] == [waiting.pk]
    response = login(roles.head_kecamatan).get("/kegiatan/verifikasi/")
    assert len(response.context["page"]) == 2
    assert login(roles.staff_a).get("/kegiatan/verifikasi/").status_code == 403
    # BPSDM decides only where no head is left: nothing here.
    response = login(roles.bpsdm).get("/kegiatan/verifikasi/")
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert login(roles.inspector).get("/kegiatan/verifikasi/").status_code == 403


def test_queue_query_count_does_not_grow(
    framework, roles, login, django_assert_num_queries
):
    record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    client = login(roles.head_a)
    with CaptureQueriesContext(connection) as small:
        client.get("/kegiatan/verifikasi/")
    for day in range(2, 8):
        record_briefing(
            roles.staff_a, present=[roles.staff_a.employee], started_at=past(day)
        )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/kegiatan/verifikasi/")
    assert len(response.context["page"]) == 7


def test_verify_by_htmx_swaps_the_row(framework, roles, login):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/verifikasi/", HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<tr id="queue-{activity.pk}">')
    assert "Terverifikasi; JP peserta sudah tercatat." in html
    activity.refresh_from_db()
    assert activity.status == Activity.Status.VERIFIED
    assert JPEntry.objects.filter(source_key=activity.source_key).count() == 1


def test_verify_outsider_is_404_and_staff_403(framework, roles, login):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    assert (
        login(roles.head_b).post(f"/kegiatan/{activity.pk}/verifikasi/").status_code
        == 404
    )
    assert (
        login(roles.staff_a).post(f"/kegiatan/{activity.pk}/verifikasi/").status_code
        == 403
    )
    activity.refresh_from_db()
    assert activity.status == Activity.Status.SUBMITTED


def test_reject_by_htmx_needs_reason(framework, roles, login):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    client = login(roles.head_a)
    response = client.post(
        f"/kegiatan/{activity.pk}/tolak/", {"reason": ""}, HTTP_HX_REQUEST="true"
    )
    assert "Tuliskan alasan penolakan." in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.SUBMITTED
    response = client.post(
        f"/kegiatan/{activity.pk}/tolak/",
        {"reason": "Peserta tidak sesuai"},
        HTTP_HX_REQUEST="true",
    )
    assert "Ditolak; pencatat diberi tahu alasannya." in response.content.decode()
    activity.refresh_from_db()
    assert activity.rejection_reason == "Peserta tidak sesuai"
    assert Notice.objects.filter(kind="activity_rejected").count() == 1


def test_reject_without_htmx_redirects_to_next(framework, roles, login):
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/tolak/",
        {"reason": "Ulangi", "next": "/kegiatan/verifikasi/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/kegiatan/verifikasi/"
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/verifikasi/", {"next": "https://contoh.invalid/"}
    )
    assert response["Location"] == f"/kegiatan/{activity.pk}/"


def test_unverify_clears_credits(framework, roles, login):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    url = f"/kegiatan/{activity.pk}/batal-verifikasi/"
    # Its recorder does not undo the verification: the head above does.
    assert login(roles.head_a).post(url).status_code == 403
    response = login(roles.head_kecamatan).post(url)
    assert response.status_code == 302
    assert JPEntry.objects.count() == 0
    assert (
        login(roles.head_b)
        .post(f"/kegiatan/{activity.pk}/batal-verifikasi/")
        .status_code
        == 404
    )


def test_edit_page_and_save(framework, roles, org, login):
    staff = roles.staff_a.employee
    activity = record_briefing(roles.staff_a, present=[staff])
    client = login(roles.staff_a)
    page = client.get(f"/kegiatan/{activity.pk}/ubah/")
    assert page.status_code == 200
    assert page.context["form"]["agenda_kind"].value() == "setia_motivation"
    local = timezone.localtime(activity.started_at)
    response = client.post(
        f"/kegiatan/{activity.pk}/ubah/",
        {
            "unit": org.kel_a.pk,
            "date": local.date().isoformat(),
            "start_time": local.strftime("%H:%M"),
            "duration_minutes": "15",
            "agenda_kind": "other",
            "facilitator": staff.pk,
            "attendance": [f"{staff.pk}:present"],
            "action": "save",
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.duration_minutes == 15
    assert activity.briefing.agenda_kind == "other"
    assert login(roles.head_b).get(f"/kegiatan/{activity.pk}/ubah/").status_code == 404
    assert login(roles.bpsdm).get(f"/kegiatan/{activity.pk}/ubah/").status_code == 403


def test_delete(framework, roles, login):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    assert (
        login(roles.head_b).post(f"/kegiatan/{activity.pk}/hapus/").status_code == 404
    )
    assert (
        login(roles.staff_a).post(f"/kegiatan/{activity.pk}/hapus/").status_code == 403
    )
    response = login(roles.head_a).post(f"/kegiatan/{activity.pk}/hapus/")
    assert response.status_code == 302
    assert Activity.objects.count() == 0
    assert JPEntry.objects.count() == 0


def test_draft_submit(framework, roles, login):
    activity = record_briefing(
        roles.staff_a, present=[roles.staff_a.employee], draft=True
    )
    assert login(roles.head_a).get(f"/kegiatan/{activity.pk}/").status_code == 404
    response = login(roles.staff_a).post(f"/kegiatan/{activity.pk}/ajukan/")
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == Activity.Status.SUBMITTED
    assert login(roles.head_a).get(f"/kegiatan/{activity.pk}/").status_code == 200


def _timing(activity) -> dict:
    local = timezone.localtime(activity.started_at)
    return {
        "date": local.date().isoformat(),
        "start_time": local.strftime("%H:%M"),
        "duration_minutes": "45",
    }


def test_personal_approach_edit_by_its_author(framework, roles, login):
    from activities.models import PersonalNote
    from activities.tests.factories import record_personal

    activity = record_personal(roles.head_a, roles.staff_a.employee, note="Awal")
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/ubah/",
        {**_timing(activity), "note": "Catatan diperbarui", "action": "save"},
    )
    assert response.status_code == 302
    note = PersonalNote.objects.get(activity=activity)
    assert (note.text, note.author, note.employee) == (
        "Catatan diperbarui",
        roles.head_a,
        roles.staff_a.employee,
    )
    activity.refresh_from_db()
    assert activity.duration_minutes == 45
    assert JPEntry.objects.get(source_key=activity.source_key).minutes == Decimal(45)
    assert (
        login(roles.head_kecamatan)
        .post(f"/kegiatan/{activity.pk}/ubah/", {**_timing(activity), "note": "x"})
        .status_code
        == 403
    )


def test_coaching_session_edit_keeps_engagement(framework, roles, login):
    from activities.tests.factories import record_coaching

    activity = record_coaching(
        roles.head_a, coach=roles.head_a.employee, coachee=roles.staff_a.employee
    )
    coaching = activity.coaching_session.coaching
    response = login(roles.head_a).post(
        f"/kegiatan/{activity.pk}/ubah/",
        {
            **_timing(activity),
            "facilitator": roles.head_a.employee.pk,
            "agreed_actions": "Latihan menjawab pengaduan.",
            "due_on": "",
            "action": "save",
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    session = activity.coaching_session
    assert (session.coaching, session.agreed_actions, session.due_on) == (
        coaching,
        "Latihan menjawab pengaduan.",
        None,
    )
    assert dict(activity.attendances.values_list("employee_id", "status")) == {
        roles.staff_a.employee.pk: "present"
    }
