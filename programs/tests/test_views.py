import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from ledger.models import JPEntry
from people.tests.factories import EmployeeFactory
from programs.models import Exchange, Nomination, Program, Submission
from programs.rules import one_year_after
from programs.services import (
    nomination_approve,
    nomination_complete,
    submission_create,
)
from programs.tests.factories import (
    JPEG,
    PDF,
    NominationFactory,
    ProgramFactory,
    past_program,
)

State = Nomination.State


def _constant_queries(client, url, grow, django_assert_num_queries):
    """The page needs the same number of queries before and after ``grow()``."""
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200


def _text(response) -> str:
    return response.content.decode()


# -- catalogue -----------------------------------------------------------------------


def test_catalogue_for_every_role(roles, login, program):
    for user in (roles.staff_a, roles.head_a, roles.bpsdm, roles.admin):
        response = login(user).get("/program/")
        assert response.status_code == 200
        assert program.title in _text(response)


def test_catalogue_filters(roles, login, fw):
    dims, forms = fw
    open_one = ProgramFactory(title="Komunikasi terbuka")
    ProgramFactory(
        title="Disabilitas nanti",
        form=forms["diklat-disabilitas"],
        registration_opens_on=timezone.localdate() + timedelta(days=2),
    )
    client = login(roles.staff_a)
    listed = client.get("/program/", {"open": "on"}).context["page"].object_list
    assert [p.title for p in listed] == [open_one.title]
    listed = client.get(
        "/program/", {"dimension": dims["kepekaan-disabilitas"].pk}
    ).context["page"]
    assert [p.title for p in listed] == ["Disabilitas nanti"]
    listed = client.get("/program/", {"form": forms["diklat-komunikasi"].pk}).context[
        "page"
    ]
    assert [p.title for p in listed] == ["Komunikasi terbuka"]


def test_catalogue_query_count_constant(
    roles, login, program, django_assert_num_queries
):
    def grow():
        for __ in range(6):
            p = ProgramFactory()
            NominationFactory(program=p, employee=EmployeeFactory(), state="approved")

    _constant_queries(
        login(roles.staff_a), "/program/", grow, django_assert_num_queries
    )


def test_program_detail_seats_left(roles, login, program):
    NominationFactory(
        program=program, employee=roles.staff_b.employee, state="approved"
    )
    response = login(roles.staff_a).get(f"/program/{program.pk}/")
    assert response.status_code == 200
    assert response.context["seats_left"] == 2
    assert "2 tersisa dari 3" in _text(response)


def test_program_create_by_bpsdm(roles, login, fw):
    dims, forms = fw
    today = timezone.localdate()
    data = {
        "title": "Orientasi Pelayanan CPNS",
        "form": forms["orientasi-pelayanan"].pk,
        "mode": "klasikal",
        "starts_on": today + timedelta(days=30),
        "ends_on": today + timedelta(days=34),
        "capacity": 25,
        "registration_opens_on": today,
        "registration_closes_on": today + timedelta(days=20),
        "eligible_statuses": ["CPNS"],
        "location": "Kampus BPSDM",
    }
    response = login(roles.bpsdm).post("/program/baru/", data)
    program = Program.objects.get()
    assert response.status_code == 302
    assert (program.jp, program.eligible_statuses, program.dimensions.count()) == (
        Decimal(24),
        ["CPNS"],
        6,
    )


def test_program_create_bad_dates_nothing_saved(roles, login, fw):
    today = timezone.localdate()
    response = login(roles.bpsdm).post(
        "/program/baru/",
        {
            "title": "x",
            "form": fw[1]["e-learning"].pk,
            "mode": "e-learning",
            "starts_on": today + timedelta(days=5),
            "ends_on": today + timedelta(days=1),
            "capacity": 5,
            "registration_opens_on": today,
            "registration_closes_on": today + timedelta(days=1),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "ends_on": ["Tanggal selesai tidak boleh sebelum tanggal mulai."],
        "link": ["Program e-learning perlu tautan kelas daring."],
    }
    assert Program.objects.count() == 0


def test_program_pages_forbidden_to_staff_and_heads(roles, login, program):
    for user in (roles.staff_a, roles.head_a):
        client = login(user)
        assert client.get("/program/baru/").status_code == 403
        assert client.get(f"/program/{program.pk}/ubah/").status_code == 403
        assert client.get(f"/program/{program.pk}/penyelesaian/").status_code == 403


# -- nominating and requesting -------------------------------------------------------


def test_head_nominates_several(org, roles, login, program, fw):
    other = EmployeeFactory(unit=org.kel_a)
    response = login(roles.head_a).post(
        f"/program/{program.pk}/usulkan/",
        {
            "employees": [roles.staff_a.employee.pk, other.pk],
            "reason": "Gap manajemen konflik",
            "dimension": fw[0]["manajemen-konflik"].pk,
        },
    )
    assert response.status_code == 302
    assert set(Nomination.objects.values_list("employee_id", "state")) == {
        (roles.staff_a.employee.pk, "nominated"),
        (other.pk, "nominated"),
    }


def test_nominating_outside_subtree_is_404_and_nothing_saved(roles, login, program):
    client = login(roles.head_a)
    response = client.post(
        f"/program/{program.pk}/usulkan/",
        {
            "employees": [roles.staff_a.employee.pk, roles.staff_b.employee.pk],
            "reason": "x",
        },
    )
    assert response.status_code == 404
    assert Nomination.objects.count() == 0
    url = f"/program/{program.pk}/usulkan/?employee={roles.staff_b.employee.pk}"
    assert client.get(url).status_code == 404


def test_nominating_twice_shows_clear_error(roles, login, program):
    employee = roles.staff_a.employee
    NominationFactory(program=program, employee=employee)
    response = login(roles.head_a).post(
        f"/program/{program.pk}/usulkan/",
        {"employees": [employee.pk], "reason": "x"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        f"{employee.name} sudah diusulkan untuk program ini "
        "(status: Diusulkan kepala unit)."
    ]
    assert Nomination.objects.count() == 1


def test_nominate_without_reason_nothing_saved(roles, login, program):
    response = login(roles.head_a).post(
        f"/program/{program.pk}/usulkan/", {"employees": [roles.staff_a.employee.pk]}
    )
    assert response.context["form"].errors == {"reason": ["Alasan usulan wajib diisi."]}
    assert Nomination.objects.count() == 0


def test_staff_request_for_self(roles, login, program):
    response = login(roles.staff_a).post(
        f"/program/{program.pk}/ajukan/", {"reason": "Ingin belajar komunikasi"}
    )
    assert response.status_code == 302
    n = Nomination.objects.get()
    assert (n.employee, n.state, n.created_by) == (
        roles.staff_a.employee,
        "requested",
        roles.staff_a,
    )


def test_staff_request_ineligible_shows_error(roles, login, fw):
    program = ProgramFactory(eligible_statuses=["CPNS"])
    response = login(roles.staff_a).post(
        f"/program/{program.pk}/ajukan/", {"reason": "x"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        f"{roles.staff_a.employee.name}: Status kepegawaian PNS tidak termasuk "
        "sasaran program ini."
    ]
    assert Nomination.objects.count() == 0


def test_nominate_and_request_role_checks(roles, login, program):
    assert login(roles.staff_a).get(f"/program/{program.pk}/usulkan/").status_code == (
        403
    )
    assert login(roles.bpsdm).get(f"/program/{program.pk}/usulkan/").status_code == 403
    for user in (roles.head_a, roles.bpsdm):
        response = login(user).post(f"/program/{program.pk}/ajukan/", {"reason": "x"})
        assert response.status_code == 403


# -- the decision queue --------------------------------------------------------------


def test_queue_forbidden_to_staff_and_heads(roles, login, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    for user in (roles.staff_a, roles.head_a, roles.head_kecamatan):
        client = login(user)
        assert client.get("/program/antrean/").status_code == 403
        for action in ("setujui", "tunggu", "tolak"):
            url = f"/program/usulan/{n.pk}/{action}/"
            assert client.post(url, {"note": "x"}).status_code == 403
    n.refresh_from_db()
    assert n.state == State.NOMINATED


def test_queue_lists_pending_with_seats(roles, login, program):
    NominationFactory(program=program, employee=roles.staff_a.employee)
    NominationFactory(
        program=program, employee=roles.staff_b.employee, state="approved"
    )
    response = login(roles.bpsdm).get("/program/antrean/")
    rows = list(response.context["page"].object_list)
    assert [(r.employee, r.seats_now) for r in rows] == [(roles.staff_a.employee, 2)]


def test_queue_query_count_constant(
    org, roles, login, program, django_assert_num_queries
):
    NominationFactory(program=program, employee=roles.staff_a.employee)

    def grow():
        for __ in range(5):
            p = ProgramFactory()
            for __ in range(2):
                NominationFactory(program=p, employee=EmployeeFactory(unit=org.kel_b))

    _constant_queries(
        login(roles.bpsdm), "/program/antrean/", grow, django_assert_num_queries
    )


def test_htmx_approve_returns_row(roles, login, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    response = login(roles.bpsdm).post(
        f"/program/usulan/{n.pk}/setujui/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = _text(response)
    assert html.strip().startswith(f'<tr id="nomination-{n.pk}">')
    assert "Disetujui" in html
    assert "2 kursi tersisa" in html
    n.refresh_from_db()
    assert n.state == State.APPROVED


def test_htmx_approve_when_full_shows_message(org, roles, login, fw):
    program = ProgramFactory(capacity=1)
    NominationFactory(
        program=program, employee=roles.staff_b.employee, state="approved"
    )
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    response = login(roles.bpsdm).post(
        f"/program/usulan/{n.pk}/setujui/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "sudah penuh (1 kursi)" in _text(response)
    assert 'role="alert"' in _text(response)
    n.refresh_from_db()
    assert n.state == State.NOMINATED


def test_reject_needs_reason(roles, login, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    client = login(roles.bpsdm)
    response = client.post(
        f"/program/usulan/{n.pk}/tolak/", {"note": ""}, HTTP_HX_REQUEST="true"
    )
    assert "Alasan penolakan wajib diisi." in _text(response)
    n.refresh_from_db()
    assert n.state == State.NOMINATED
    response = client.post(f"/program/usulan/{n.pk}/tolak/", {"note": "Kuota unit"})
    assert response.status_code == 302
    n.refresh_from_db()
    assert (n.state, n.decision_note) == (State.REJECTED, "Kuota unit")


def test_waitlist_view(roles, login, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    login(roles.bpsdm).post(f"/program/usulan/{n.pk}/tunggu/", HTTP_HX_REQUEST="true")
    n.refresh_from_db()
    assert n.state == State.WAITLISTED


# -- nomination pages: scope ---------------------------------------------------------


@pytest.fixture
def completed(roles):
    """Staff A completed a past program, with an STTPP file."""
    program = past_program()
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    return nomination_complete(
        nomination=n,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=100,
        certificate_number="STTPP/1",
        certificate_file=SimpleUploadedFile("sttpp.pdf", PDF),
    )


def test_nomination_pages_scoped(roles, login, completed):
    pk = completed.pk
    for user in (roles.staff_a, roles.head_a, roles.head_kecamatan, roles.bpsdm):
        client = login(user)
        assert client.get(f"/program/usulan/{pk}/").status_code == 200
        response = client.get(f"/program/usulan/{pk}/sttpp/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
    for outsider in (roles.head_b, roles.staff_b):
        client = login(outsider)
        assert client.get(f"/program/usulan/{pk}/").status_code == 404
        assert client.get(f"/program/usulan/{pk}/sttpp/").status_code == 404
        assert client.post(f"/program/usulan/{pk}/tarik/").status_code == 404


def test_outsider_head_404_on_every_object_view(roles, login, program, completed):
    exchange = Exchange.objects.create(
        employee=roles.staff_a.employee,
        partner="PT Mitra",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=90),
        report_file=SimpleUploadedFile("laporan.pdf", PDF),
    )
    submission = submission_create(unit=roles.head_a.employee.unit, by=roles.head_a)
    client = login(roles.head_b)
    urls = [
        f"/program/usulan/{completed.pk}/",
        f"/program/usulan/{completed.pk}/sttpp/",
        f"/program/pertukaran/{exchange.pk}/",
        f"/program/pertukaran/{exchange.pk}/laporan/",
        f"/program/pertukaran/{exchange.pk}/berkas/",
        f"/program/kiriman/{submission.pk}/",
        f"/program/kiriman/{submission.pk}/unduh.xlsx",
        f"/program/{program.pk}/usulkan/?employee={roles.staff_a.employee.pk}",
    ]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(
        urls, 404
    )
    assert client.post(f"/program/usulan/{completed.pk}/tarik/").status_code == 404


def test_staff_403_on_bpsdm_actions(roles, login, completed, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    client = login(roles.staff_a)
    gets = [
        "/program/antrean/",
        "/program/baru/",
        f"/program/{program.pk}/ubah/",
        f"/program/{program.pk}/penyelesaian/",
        f"/program/usulan/{completed.pk}/hasil/",
        "/program/pertukaran/baru/",
        "/program/kebutuhan/",
        "/program/kiriman/",
        f"/program/{program.pk}/usulan.csv",
    ]
    assert {u: client.get(u).status_code for u in gets} == dict.fromkeys(gets, 403)
    posts = [
        f"/program/usulan/{n.pk}/setujui/",
        f"/program/usulan/{n.pk}/tolak/",
        f"/program/usulan/{n.pk}/tunggu/",
        f"/program/usulan/{completed.pk}/hasil/hapus/",
        "/program/kiriman/kirim/",
    ]
    assert {u: client.post(u).status_code for u in posts} == dict.fromkeys(posts, 403)
    assert JPEntry.objects.count() == 1


def test_staff_withdraws_own_request(roles, login, program):
    n = NominationFactory(
        program=program, employee=roles.staff_a.employee, state="requested"
    )
    response = login(roles.staff_a).post(f"/program/usulan/{n.pk}/tarik/")
    assert response.status_code == 302
    n.refresh_from_db()
    assert n.state == State.WITHDRAWN


def test_nomination_list_scoped_and_constant_queries(
    org, roles, login, program, django_assert_num_queries
):
    NominationFactory(program=program, employee=roles.staff_a.employee)
    NominationFactory(program=program, employee=roles.staff_b.employee)
    response = login(roles.head_a).get("/program/usulan/")
    assert [n.employee for n in response.context["page"]] == [roles.staff_a.employee]

    def grow():
        for __ in range(6):
            NominationFactory(
                program=ProgramFactory(), employee=EmployeeFactory(unit=org.kel_a)
            )

    _constant_queries(
        login(roles.head_a), "/program/usulan/", grow, django_assert_num_queries
    )


def test_my_programs(roles, login, completed):
    response = login(roles.staff_a).get("/program/saya/")
    assert response.status_code == 200
    assert list(response.context["nominations"]) == [completed]
    assert response.context["jp"] == completed.program.jp


# -- completion ----------------------------------------------------------------------


def test_completion_entry_with_certificate(roles, login):
    program = past_program(jp=Decimal(24))
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    response = login(roles.bpsdm).post(
        f"/program/usulan/{n.pk}/hasil/",
        {
            "outcome": "completed",
            "attendance_percent": 100,
            "score": "91.5",
            "certificate_number": "STTPP/2025/7",
            "certificate_file": SimpleUploadedFile("sttpp.jpg", JPEG),
        },
    )
    assert response.status_code == 302
    n.refresh_from_db()
    assert (n.outcome, n.score, n.certificate_number) == (
        "completed",
        Decimal("91.50"),
        "STTPP/2025/7",
    )
    assert n.certificate_file.name.endswith(".jpg")
    assert JPEntry.objects.get().minutes == Decimal("1080.00")


def test_completion_wrong_file_nothing_saved(roles, login):
    n = NominationFactory(program=past_program(), employee=roles.staff_a.employee)
    nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    response = login(roles.bpsdm).post(
        f"/program/usulan/{n.pk}/hasil/",
        {
            "outcome": "completed",
            "attendance_percent": 100,
            "certificate_number": "STTPP/1",
            "certificate_file": SimpleUploadedFile("sttpp.pdf", b"<html>not a pdf"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "certificate_file": [
            "Isi berkas tidak sesuai dengan jenisnya; unggah PDF, JPG atau PNG asli."
        ]
    }
    n.refresh_from_db()
    assert (n.outcome, n.certificate_file.name, JPEntry.objects.count()) == ("", "", 0)


def test_completion_clear_view(roles, login, completed):
    response = login(roles.bpsdm).post(f"/program/usulan/{completed.pk}/hasil/hapus/")
    assert response.status_code == 302
    completed.refresh_from_db()
    assert (completed.outcome, JPEntry.objects.count()) == ("", 0)


# -- exports -------------------------------------------------------------------------


def test_export_csv_scoped_for_heads(roles, login, program):
    NominationFactory(program=program, employee=roles.staff_a.employee)
    NominationFactory(program=program, employee=roles.staff_b.employee)
    response = login(roles.head_a).get(f"/program/{program.pk}/usulan.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["program", "nip", "nama"]
    assert [r[2] for r in rows[1:]] == [roles.staff_a.employee.name]


def test_export_xlsx_for_bpsdm(roles, login, program):
    NominationFactory(program=program, employee=roles.staff_a.employee)
    NominationFactory(
        program=program, employee=roles.staff_b.employee, state="approved"
    )
    response = login(roles.bpsdm).get(f"/program/{program.pk}/usulan.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted((r[2], r[6]) for r in rows) == sorted(
        [
            (roles.staff_a.employee.name, "nominated"),
            (roles.staff_b.employee.name, "approved"),
        ]
    )
    assert (
        login(roles.bpsdm).get(f"/program/{program.pk}/usulan.pdf").status_code == 404
    )


# -- exchanges -----------------------------------------------------------------------


def _exchange_data(roles, days, **extra):
    start = timezone.localdate()
    data = {
        "employee": roles.staff_a.employee.pk,
        "partner": "PT Mitra Layanan",
        "starts_on": start,
        "ends_on": start + timedelta(days=days),
    }
    data.update(extra)
    return data


def test_exchange_create_and_limits(roles, login):
    client = login(roles.bpsdm)
    response = client.post("/program/pertukaran/baru/", _exchange_data(roles, 400))
    limit = one_year_after(timezone.localdate())
    assert response.context["form"].errors == {
        "ends_on": [
            "Pertukaran paling lama satu tahun: tanggal selesai paling lambat "
            f"{limit:%d-%m-%Y}."
        ]
    }
    response = client.post("/program/pertukaran/baru/", _exchange_data(roles, -1))
    assert response.context["form"].errors == {
        "ends_on": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]
    }
    response = client.post(
        "/program/pertukaran/baru/",
        _exchange_data(roles, 365, report_file=SimpleUploadedFile("l.docx", b"PK\x03")),
    )
    assert response.context["form"].errors == {
        "report_file": ["Jenis berkas tidak didukung; gunakan PDF, JPG atau PNG."]
    }
    assert Exchange.objects.count() == 0
    response = client.post("/program/pertukaran/baru/", _exchange_data(roles, 180))
    assert response.status_code == 302
    assert Exchange.objects.get().partner == "PT Mitra Layanan"


def test_exchange_create_forbidden_to_heads(roles, login):
    response = login(roles.head_a).post(
        "/program/pertukaran/baru/", _exchange_data(roles, 30)
    )
    assert response.status_code == 403


def test_exchange_report_by_the_employee(roles, login):
    exchange = Exchange.objects.create(
        employee=roles.staff_a.employee,
        partner="PT Mitra",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=30),
    )
    url = f"/program/pertukaran/{exchange.pk}/laporan/"
    assert login(roles.head_a).get(url).status_code == 403
    assert login(roles.staff_b).get(url).status_code == 404
    client = login(roles.staff_a)
    response = client.post(url, {"learning_report": ""})
    assert response.context["form"].non_field_errors() == [
        "Isi laporan pembelajaran atau unggah berkasnya."
    ]
    response = client.post(
        url,
        {
            "learning_report": "Belajar layanan pelanggan.",
            "report_file": SimpleUploadedFile("laporan.png", b"\x89PNG\r\n\x1a\n000"),
        },
    )
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert exchange.learning_report == "Belajar layanan pelanggan."
    response = client.get(f"/program/pertukaran/{exchange.pk}/berkas/")
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\n000"


def test_exchange_list_scoped(roles, login):
    for employee in (roles.staff_a.employee, roles.staff_b.employee):
        Exchange.objects.create(
            employee=employee,
            partner="PT Mitra",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=30),
        )
    page = login(roles.head_a).get("/program/pertukaran/").context["page"]
    assert [x.employee for x in page] == [roles.staff_a.employee]
    assert len(login(roles.bpsdm).get("/program/pertukaran/").context["page"]) == 2


# -- submissions and demand ----------------------------------------------------------


def test_head_submits_unit_data(roles, login, fw):
    response = login(roles.head_a).post(
        "/program/kiriman/kirim/", {"unit": roles.head_a.employee.unit_id}
    )
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert (submission.unit, submission.submitted_by, submission.employee_count) == (
        roles.head_a.employee.unit,
        roles.head_a,
        2,
    )


def test_head_cannot_submit_other_unit(roles, login, fw):
    response = login(roles.head_a).post(
        "/program/kiriman/kirim/", {"unit": roles.head_b.employee.unit_id}
    )
    assert response.status_code == 302
    assert Submission.objects.count() == 0


def test_bpsdm_sees_which_units_submitted(
    org, roles, login, fw, django_assert_num_queries
):
    submission_create(unit=org.kel_a, by=roles.head_a)
    response = login(roles.bpsdm).get("/program/kiriman/")
    status = {
        u.code: (u.submission_count, u.latest_submission_id)
        for u in response.context["units"]
    }
    submission = Submission.objects.get()
    assert status == {
        "JB": (0, None),
        "JB-KMB": (0, None),
        "JB-KMB-MU": (1, submission.pk),
        "JB-KMB-JG": (0, None),
    }

    def grow():
        for __ in range(3):
            submission_create(unit=org.kel_b, by=roles.head_b)

    _constant_queries(
        login(roles.bpsdm), "/program/kiriman/", grow, django_assert_num_queries
    )


def test_demand_page(roles, login, org, fw, django_assert_num_queries):
    response = login(roles.bpsdm).get("/program/kebutuhan/", {"units": [org.kel_a.pk]})
    assert response.status_code == 200
    assert response.context["result"].employees == 2
    for user in (roles.head_a, roles.staff_a):
        assert login(user).get("/program/kebutuhan/").status_code == 403

    def grow():
        for __ in range(5):
            EmployeeFactory(unit=org.kel_a)

    _constant_queries(
        login(roles.bpsdm),
        f"/program/kebutuhan/?units={org.kel_a.pk}",
        grow,
        django_assert_num_queries,
    )


def test_dashboard_cards(roles, login, program):
    NominationFactory(
        program=program, employee=roles.staff_a.employee, state="approved"
    )
    NominationFactory(program=program, employee=roles.staff_b.employee)
    cards = {
        user.username: [
            (c.title, c.value)
            for c in login(user).get("/").context["cards"]
            if c.link.startswith("/program/")
        ]
        for user in (roles.bpsdm, roles.head_a, roles.staff_a)
    }
    assert cards == {
        "bpsdm": [("Usulan menunggu keputusan", "1")],
        "kepala.a": [("Usulan unit menunggu BPSDM", "0")],
        "staf.a": [("Program BPSDM saya", "1")],
    }


def test_catalogue_in_english(roles, login, program, settings):
    client = login(roles.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = _text(client.get("/program/"))
    assert "BPSDM program catalogue" in html
    assert "Seats left" in html
