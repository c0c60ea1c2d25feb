from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ledger.models import JPEntry
from people.tests.factories import EmployeeFactory
from programs.models import Exchange, Nomination
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
from programs.tests.pages import constant_queries, text

State = Nomination.State


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

    constant_queries(
        login(roles.bpsdm), "/program/antrean/", grow, django_assert_num_queries
    )


def test_htmx_approve_returns_row(roles, login, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    response = login(roles.bpsdm).post(
        f"/program/usulan/{n.pk}/setujui/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = text(response)
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
    assert "sudah penuh (1 kursi)" in text(response)
    assert 'role="alert"' in text(response)
    n.refresh_from_db()
    assert n.state == State.NOMINATED


def test_reject_needs_reason(roles, login, program):
    n = NominationFactory(program=program, employee=roles.staff_a.employee)
    client = login(roles.bpsdm)
    response = client.post(
        f"/program/usulan/{n.pk}/tolak/", {"note": ""}, HTTP_HX_REQUEST="true"
    )
    assert "Alasan penolakan wajib diisi." in text(response)
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


def test_nomination_list_scoped_andconstant_queries(
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

    constant_queries(
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


def test_my_programs_query_count_constant(roles, login, fw, django_assert_num_queries):
    employee = roles.staff_a.employee
    NominationFactory(program=ProgramFactory(), employee=employee)

    def grow():
        for __ in range(5):
            NominationFactory(program=ProgramFactory(), employee=employee)

    constant_queries(
        login(roles.staff_a), "/program/saya/", grow, django_assert_num_queries
    )


def test_queue_and_detail_warn_when_a_pppk_would_pass_the_cap(
    org, roles, login, program
):
    contract = EmployeeFactory(unit=org.kel_a, employment_status="PPPK")
    warned = NominationFactory(program=program, employee=contract)
    NominationFactory(program=program, employee=roles.staff_a.employee)
    client = login(roles.bpsdm)
    rows = {
        n.employee: n.cap_warning
        for n in client.get("/program/antrean/").context["page"]
    }
    assert rows[roles.staff_a.employee] is None
    warning = rows[contract]
    assert (warning.jp, warning.adding, warning.after) == (
        Decimal("0.00"),
        Decimal(30),
        Decimal(30),
    )
    page = client.get(f"/program/usulan/{warned.pk}/")
    assert "Melebihi batas PPPK 24 JP: sudah 0,00 JP, program ini 30 JP" in text(page)
    # A warning only: the approval goes through.
    client.post(f"/program/usulan/{warned.pk}/setujui/")
    warned.refresh_from_db()
    assert warned.state == State.APPROVED
