"""The activity list: filters, CSV/XLSX export, query counts."""

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from activities.tests.factories import (
    past,
    record_briefing,
    record_coaching,
    record_self_development,
    roster,
)


def _ids(response) -> list[int]:
    return [a.pk for a in response.context["page"]]


def test_list_filters(framework, roles, org, login):
    staff = roles.staff_a.employee
    old = record_briefing(roles.head_a, present=[staff], started_at=past(40))
    recent = record_briefing(roles.head_a, present=[roles.head_a.employee])
    study = record_self_development(roles.head_a, employee=staff)
    coaching = record_coaching(
        roles.head_a, coach=roles.head_a.employee, coachee=staff, started_at=past(3)
    )
    client = login(roles.head_a)
    since = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert set(_ids(client.get("/kegiatan/", {"date_from": since}))) == {
        recent.pk,
        study.pk,
        coaching.pk,
    }
    until = (timezone.localdate() - timedelta(days=30)).isoformat()
    assert _ids(client.get("/kegiatan/", {"date_to": until})) == [old.pk]
    briefing_form = old.form_id
    assert set(_ids(client.get("/kegiatan/", {"form": briefing_form}))) == {
        old.pk,
        recent.pk,
    }
    assert set(_ids(client.get("/kegiatan/", {"employee": staff.pk}))) == {
        old.pk,
        study.pk,
        coaching.pk,
    }
    disability = framework.dimensions["kepekaan-disabilitas"].pk
    assert set(_ids(client.get("/kegiatan/", {"dimension": disability}))) == {
        old.pk,
        recent.pk,
    }
    # The head's own briefing credits him: it waits for the head above.
    assert _ids(client.get("/kegiatan/", {"status": "submitted"})) == [recent.pk]


def test_list_refuses_reversed_date_range(framework, roles, login):
    record_briefing(roles.head_a, present=[roles.staff_a.employee])
    response = login(roles.head_a).get(
        "/kegiatan/", {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert response.context["form"].errors["date_to"] == [
        "Tanggal akhir harus sama atau setelah tanggal awal."
    ]
    assert len(_ids(response)) == 1  # an invalid filter filters nothing


def test_list_filter_employee_outside_scope_is_ignored(framework, roles, login):
    record_briefing(roles.head_a, present=[roles.staff_a.employee])
    response = login(roles.head_b).get(
        "/kegiatan/", {"employee": roles.staff_a.employee.pk}
    )
    assert "employee" in response.context["form"].errors
    assert _ids(response) == []


def test_list_query_count_does_not_grow(
    framework, roles, org, login, django_assert_num_queries
):
    people = roster(org.kel_a, 3)
    record_briefing(roles.head_a, present=people)
    client = login(roles.head_kecamatan)
    with CaptureQueriesContext(connection) as small:
        client.get("/kegiatan/")
    for day in range(2, 12):
        record_briefing(roles.head_a, present=people, started_at=past(day))
        record_self_development(
            roles.head_a, employee=people[0], started_at=past(day, 13)
        )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/kegiatan/")
    assert len(response.context["page"]) == 21


def test_csv_export(framework, roles, org, login):
    people = roster(org.kel_a, 2)
    activity = record_briefing(
        roles.head_a, present=people[:1], absent=people[1:], minutes=10
    )
    record_briefing(roles.head_b, present=[roles.staff_b.employee])
    response = login(roles.head_a).get("/kegiatan/ekspor.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:5] == ["ID", "Tanggal", "Jam mulai", "Durasi (menit)", "Bentuk"]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    start = timezone.localtime(activity.started_at)
    recorded = timezone.localtime(activity.recorded_at)
    verified = timezone.localtime(activity.verified_at)
    assert row == {
        "ID": str(activity.pk),
        "Tanggal": start.strftime("%d-%m-%Y"),
        "Jam mulai": start.strftime("%H:%M"),
        "Durasi (menit)": "10",
        "Bentuk": "Briefing",
        "Kode unit": org.kel_a.code,
        "Unit": org.kel_a.name,
        "Agenda briefing": "Motivasi SETIA",
        "Fasilitator": roles.head_a.employee.name,
        "Dimensi": "Mengelola Keragaman Lingkungan Budaya, Membangun Jejaring "
        "(Network) Sosial, Manajemen Konflik, Empati Sosial, Kepekaan Gender, "
        "Kepekaan Disabilitas",
        "Hadir": "1",
        "Tercatat": "2",
        "Status": "Terverifikasi",
        "Dicatat oleh": "kepala.a",
        "Dicatat pada": f"{recorded:%d-%m-%Y} {recorded.hour}.{recorded:%M}",
        "Diverifikasi oleh": "kepala.a",
        "Diverifikasi pada": f"{verified:%d-%m-%Y} {verified.hour}.{verified:%M}",
        "Ringkasan": "Evaluasi pengaduan pemohon minggu ini.",
    }


def test_xlsx_export_has_activities_and_attendance(framework, roles, org, login):
    people = roster(org.kel_a, 2)
    activity = record_briefing(roles.head_a, present=people[:1], absent=people[1:])
    response = login(roles.head_a).get("/kegiatan/ekspor.xlsx")
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["Keterangan", "Kegiatan", "Kehadiran"]
    assert book["Kegiatan"].max_row == 2
    attendance = [list(r) for r in book["Kehadiran"].iter_rows(values_only=True)]
    assert attendance[0] == [
        "ID kegiatan",
        "Tanggal",
        "Bentuk",
        "Kode unit",
        "Pegawai",
        "Jabatan",
        "NIP",
        "Kehadiran",
        "Menit diakui",
    ]
    assert sorted((r[4], r[6], r[7], r[8]) for r in attendance[1:]) == sorted(
        [
            (people[0].name, people[0].nip, "Hadir", 10),
            (people[1].name, people[1].nip, "Tidak hadir", 0),
        ]
    )
    assert {r[0] for r in attendance[1:]} == {activity.pk}
    about = dict(book["Keterangan"].iter_rows(values_only=True, max_col=2))
    assert about["Ekspor"] == "Daftar kegiatan pengembangan internal"
    assert about["Diekspor oleh"] == "kepala.a"
    assert (about["Kegiatan"], about["Kehadiran"]) == ("1", "2")


def test_export_unknown_format_is_404(framework, roles, login):
    assert login(roles.head_a).get("/kegiatan/ekspor.pdf").status_code == 404


def test_export_of_outsider_is_empty(framework, roles, login):
    record_briefing(roles.head_a, present=[roles.staff_a.employee])
    response = login(roles.head_b).get("/kegiatan/ekspor.csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 1


def test_xlsx_shows_co_attendees_nip_only_within_the_viewers_scope(
    framework, roles, org, login
):
    """A co-attendee is shown by name and position; the NIP (which encodes birth
    date and gender) only to those who may see that employee."""
    a, b = roles.staff_a.employee, roles.staff_b.employee
    record_briefing(roles.head_kecamatan, present=[a, b], unit=org.kecamatan)

    def attendance(user):
        response = login(user).get("/kegiatan/ekspor.xlsx")
        book = load_workbook(io.BytesIO(response.getvalue()))
        rows = book["Kehadiran"].iter_rows(min_row=2, values_only=True)
        return sorted((r[4], r[5], r[6]) for r in rows)

    with_nip = [
        (a.name, a.position_type.name, a.nip),
        (b.name, b.position_type.name, b.nip),
    ]
    assert attendance(roles.staff_a) == sorted(
        [(a.name, a.position_type.name, a.nip), (b.name, b.position_type.name, None)]
    )
    assert attendance(roles.head_b) == sorted(
        [(a.name, a.position_type.name, None), (b.name, b.position_type.name, b.nip)]
    )
    assert attendance(roles.head_kecamatan) == sorted(with_nip)
    assert attendance(roles.bpsdm) == sorted(with_nip)


def test_list_participant_filter_is_a_type_ahead(
    framework, roles, org, login, monkeypatch
):
    from people import lookup

    # More people in scope than a plain select would list.
    monkeypatch.setattr(lookup._LookupWidget, "select_below", 2)
    staff = roles.staff_a.employee
    (other,) = roster(org.kel_a, 1)
    record_briefing(roles.head_a, present=[staff, other])
    response = login(roles.head_a).get("/kegiatan/", {"employee": staff.pk})
    html = response.content.decode()
    assert 'data-lookup="employee"' in html
    assert staff.name in html  # the chosen participant
    assert other.name not in html  # no list of everyone in scope
    assert len(_ids(response)) == 1


def test_list_pagination_keeps_the_filters(framework, roles, org, login):
    people = roster(org.kel_a, 1)
    for day in range(1, 53):
        record_briefing(roles.head_a, present=people, started_at=past(day))
    response = login(roles.head_a).get("/kegiatan/", {"status": "verified"})
    assert len(response.context["page"]) == 50
    assert 'href="?status=verified&amp;page=2"' in response.content.decode()
