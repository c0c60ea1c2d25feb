from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Activity, Attendance
from activities.tests.factories import (
    record_briefing,
    roster,
)
from ledger.models import JPEntry


def test_list_shows_scoped_activities(framework, roles, org, login):
    mine = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    other = record_briefing(roles.head_b, present=[roles.staff_b.employee])
    response = login(roles.staff_a).get("/kegiatan/")
    assert response.status_code == 200
    ids = [a.pk for a in response.context["page"]]
    assert ids == [mine.pk]
    response = login(roles.head_kecamatan).get("/kegiatan/")
    assert {a.pk for a in response.context["page"]} == {mine.pk, other.pk}


def test_detail_of_outsider_is_404(framework, roles, login):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    assert login(roles.staff_b).get(f"/kegiatan/{activity.pk}/").status_code == 404
    assert login(roles.head_b).get(f"/kegiatan/{activity.pk}/").status_code == 404
    assert login(roles.staff_a).get(f"/kegiatan/{activity.pk}/").status_code == 200
    assert login(roles.bpsdm).get(f"/kegiatan/{activity.pk}/").status_code == 200


def _now_local() -> str:
    return timezone.localtime().strftime("%Y-%m-%dT%H:%M")


def test_quick_briefing_for_seven_person_unit_is_one_post(framework, roles, org, login):
    others = roster(org.kel_a, 5)  # + head_a + staff_a = 7 people
    client = login(roles.head_a)
    page = client.get("/kegiatan/briefing/")
    assert page.status_code == 200
    rows = page.context["form"].roster_rows()
    assert len(rows) == 7
    assert all(ticked for __, ticked in rows)
    absent = others[0]
    # The head runs the briefing without ticking himself (what credits him would
    # wait for the head above: see test_services).
    present = [
        employee.pk
        for employee, __ in rows
        if employee not in (absent, roles.head_a.employee)
    ]
    response = client.post(
        "/kegiatan/briefing/",
        {
            "unit": org.kel_a.pk,
            "started_at": _now_local(),
            "duration_minutes": "10",
            "agenda_kind": "complaint_evaluation",
            "summary": "Evaluasi pengaduan antrean pagi.",
            "present": present,
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/kegiatan/{activity.pk}/"
    assert activity.status == Activity.Status.VERIFIED
    assert activity.briefing.agenda_kind == "complaint_evaluation"
    assert activity.facilitator == roles.head_a.employee
    assert dict(activity.attendances.values_list("employee_id", "status")) == {
        **dict.fromkeys(present, "present"),
        absent.pk: "absent",
        roles.head_a.employee.pk: "absent",
    }
    assert JPEntry.objects.filter(source_key=activity.source_key).count() == 5
    assert sorted(d.number for d in activity.dimensions.all()) == [1, 2, 3, 4, 5, 6]


def test_quick_briefing_by_staff_waits_for_verification(framework, roles, org, login):
    client = login(roles.staff_a)
    page = client.get("/kegiatan/briefing/")
    people = [e.pk for e, __ in page.context["form"].roster_rows()]
    assert sorted(people) == sorted(
        [roles.staff_a.employee.pk, roles.head_a.employee.pk]
    )
    client.post(
        "/kegiatan/briefing/",
        {
            "unit": org.kel_a.pk,
            "started_at": _now_local(),
            "duration_minutes": "10",
            "agenda_kind": "setia_motivation",
            "present": people,
        },
    )
    assert Activity.objects.get().status == Activity.Status.SUBMITTED
    assert JPEntry.objects.count() == 0


def test_quick_briefing_roster_follows_unit_by_htmx(framework, roles, org, login):
    joglo = roster(org.kel_b, 2)
    response = login(roles.head_kecamatan).get(
        "/kegiatan/briefing/", {"unit": org.kel_b.pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="roster">')
    for employee in [*joglo, roles.head_b.employee, roles.staff_b.employee]:
        assert f'value="{employee.pk}"' in html
    assert f'value="{roles.staff_a.employee.pk}"' not in html


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"duration_minutes": "0"},
            "duration_minutes",
            "Durasi harus lebih dari 0 menit.",
        ),
        (
            {"duration_minutes": "481"},
            "duration_minutes",
            "Durasi melebihi satu hari kerja (480 menit); catat sebagai beberapa "
            "kegiatan.",
        ),
        (
            {"started_at": "future"},
            "started_at",
            "Kegiatan yang sudah terlaksana tidak boleh bertanggal di masa depan.",
        ),
        ({"present": []}, "present", "Tandai minimal satu peserta yang hadir."),
        ({"present": "outsider"}, "present", "1 peserta berada di luar cakupan Anda."),
        ({"present": "duplicate"}, "present", "duplicate"),
    ],
)
def test_quick_briefing_bad_input_saves_nothing(
    framework, roles, org, login, change, field, message
):
    data = {
        "unit": org.kel_a.pk,
        "started_at": _now_local(),
        "duration_minutes": "10",
        "agenda_kind": "other",
        "present": [roles.staff_a.employee.pk],
    }
    data.update(change)
    if data["started_at"] == "future":
        data["started_at"] = (timezone.localtime() + timedelta(days=1)).strftime(
            "%Y-%m-%dT%H:%M"
        )
    if data["present"] == "outsider":
        data["present"] = [roles.staff_a.employee.pk, roles.staff_b.employee.pk]
    if data["present"] == "duplicate":
        data["present"] = [roles.staff_a.employee.pk, roles.staff_a.employee.pk]
        message = f"Peserta tercatat lebih dari sekali: {roles.staff_a.employee.name}."
    response = login(roles.head_a).post("/kegiatan/briefing/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert Activity.objects.count() == 0
    assert Attendance.objects.count() == 0


def test_quick_briefing_refused_for_bpsdm_and_admin(framework, roles, login):
    assert login(roles.bpsdm).get("/kegiatan/briefing/").status_code == 403
    assert login(roles.admin).get("/kegiatan/briefing/").status_code == 403


def _general(org, employee, **change):
    day = timezone.localdate() - timedelta(days=1)
    data = {
        "unit": org.kel_a.pk,
        "date": day.isoformat(),
        "start_time": "08:00",
        "end_time": "08:30",
        "duration_minutes": "",
        "agenda_kind": "rule_change",
        "facilitator": employee.pk,
        "summary": "Perubahan persyaratan NIB.",
        "dimensions": [],
        "attendance": [f"{employee.pk}:present"],
    }
    data.update(change)
    return data


def test_general_form_records_with_end_time(framework, roles, org, login):
    staff = roles.staff_a.employee
    response = login(roles.staff_a).post(
        "/kegiatan/baru/briefing/", _general(org, staff)
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert activity.duration_minutes == 30
    assert activity.status == Activity.Status.SUBMITTED
    assert list(activity.dimensions.all()) == []


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"end_time": "07:30"},
            "end_time",
            "Jam selesai harus setelah jam mulai.",
        ),
        (
            {"end_time": "08:00"},
            "end_time",
            "Jam selesai harus setelah jam mulai.",
        ),
        (
            {"end_time": "", "duration_minutes": "-10"},
            "duration_minutes",
            "Durasi harus lebih dari 0 menit.",
        ),
        (
            {"end_time": "", "duration_minutes": "600"},
            "duration_minutes",
            "Durasi melebihi satu hari kerja (480 menit); catat sebagai beberapa "
            "kegiatan.",
        ),
        (
            {"end_time": "", "duration_minutes": ""},
            "duration_minutes",
            "Isi durasi atau waktu selesai.",
        ),
        (
            {"duration_minutes": "45"},
            "duration_minutes",
            "Durasi tidak sama dengan selisih jam mulai dan jam selesai (30 menit).",
        ),
        (
            {"date": "future"},
            "date",
            "Kegiatan yang sudah terlaksana tidak boleh bertanggal di masa depan.",
        ),
        (
            {"attendance": "outsider"},
            "attendance",
            "1 peserta bukan pegawai unit ini; tambahkan sebagai tamu bila ikut hadir.",
        ),
        ({"attendance": "duplicate"}, "attendance", "duplicate"),
        ({"attendance": ["12:maybe"]}, "attendance", "Data kehadiran tidak valid."),
        ({"agenda_kind": ""}, "agenda_kind", "Bidang ini tidak boleh kosong."),
    ],
)
def test_general_form_bad_input_saves_nothing(
    framework, roles, org, login, change, field, message
):
    staff = roles.staff_a.employee
    data = _general(org, staff, **change)
    if data["date"] == "future":
        data["date"] = (timezone.localdate() + timedelta(days=2)).isoformat()
    if data["attendance"] == "outsider":
        data["attendance"] = [
            f"{staff.pk}:present",
            f"{roles.staff_b.employee.pk}:present",
        ]
    if data["attendance"] == "duplicate":
        data["attendance"] = [f"{staff.pk}:present", f"{staff.pk}:absent"]
        message = f"Peserta tercatat lebih dari sekali: {staff.name}."
    response = login(roles.staff_a).post("/kegiatan/baru/briefing/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert Activity.objects.count() == 0
    assert Attendance.objects.count() == 0


def test_coaching_session_without_coachee_is_a_field_error(
    framework, roles, org, login
):
    day = timezone.localdate() - timedelta(days=1)
    response = login(roles.head_a).post(
        "/kegiatan/baru/coaching/",
        {
            "coaching": "",
            "coachee": "",
            "goal": "",
            "facilitator": roles.head_a.employee.pk,
            "date": day.isoformat(),
            "start_time": "10:00",
            "duration_minutes": "60",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["coachee"] == [
        "Sesi coaching harus memiliki coachee."
    ]
    assert Activity.objects.count() == 0


def test_coaching_session_prefilled_from_cro_flag(framework, roles, org, login):
    response = login(roles.head_a).get(
        f"/kegiatan/baru/coaching/?coachee={roles.staff_a.employee.pk}"
    )
    assert response.context["form"]["coachee"].value() == roles.staff_a.employee.pk


def test_personal_approach_form_is_heads_only(framework, roles, login):
    assert (
        login(roles.staff_a).get("/kegiatan/baru/pendekatan-personal/").status_code
        == 403
    )
    assert (
        login(roles.head_a).get("/kegiatan/baru/pendekatan-personal/").status_code
        == 200
    )


def test_unknown_form_code_is_404(framework, roles, login):
    assert login(roles.head_a).get("/kegiatan/baru/e-learning/").status_code == 404


def test_detail_shows_the_roster_a_page_at_a_time(
    framework,
    roles,
    org,
    login,
    django_assert_max_num_queries,
    django_assert_num_queries,
):
    """A unit's briefing lists everyone placed there: the detail page shows 50
    attendance rows a page (in the roster's order), whatever the unit's size,
    in the same number of queries."""
    from activities.views.records import ATTENDANCE_PAGE

    staff = roster(org.kel_a, ATTENDANCE_PAGE + 3)
    activity = record_briefing(
        roles.head_a, present=staff[:2], absent=staff[2:] + [roles.staff_a.employee]
    )
    client = login(roles.head_a)
    url = f"/kegiatan/{activity.pk}/"
    first = client.get(url)
    rows = list(first.context["page"])
    assert len(rows) == ATTENDANCE_PAGE
    assert first.context["page"].paginator.count == ATTENDANCE_PAGE + 4
    assert "Halaman 1 dari 2" in first.content.decode()
    second = client.get(url, {"page": 2})
    rest = list(second.context["page"])
    assert len(rest) == 4
    assert {r.employee_id for r in rows + rest} == {
        e.pk for e in [*staff, roles.staff_a.employee]
    }
    # Past the last page: the last page, not an error.
    assert len(client.get(url, {"page": 99}).context["page"]) == 4
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    roster(org.kel_a, 2 * ATTENDANCE_PAGE)
    bigger = record_briefing(
        roles.head_a,
        present=staff[:2],
        absent=list(org.kel_a.employees.exclude(pk__in=[e.pk for e in staff[:2]])),
        started_at=timezone.now() - timedelta(days=2),
    )
    with django_assert_num_queries(len(small)):
        page = client.get(f"/kegiatan/{bigger.pk}/")
    assert len(page.context["page"]) == ATTENDANCE_PAGE
