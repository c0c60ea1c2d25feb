import csv
import io
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from people.tests.factories import EmployeeFactory
from programs.models import Nomination, Program
from programs.tests.factories import (
    NominationFactory,
    ProgramFactory,
)
from programs.tests.pages import constant_queries, text

State = Nomination.State


# -- catalogue -----------------------------------------------------------------------


def test_catalogue_for_every_role(roles, login, program):
    for user in (roles.staff_a, roles.head_a, roles.bpsdm, roles.admin):
        response = login(user).get("/program/")
        assert response.status_code == 200
        assert program.title in text(response)


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

    constant_queries(login(roles.staff_a), "/program/", grow, django_assert_num_queries)


def test_program_detail_seats_left(roles, login, program):
    NominationFactory(
        program=program, employee=roles.staff_b.employee, state="approved"
    )
    response = login(roles.staff_a).get(f"/program/{program.pk}/")
    assert response.status_code == 200
    assert response.context["seats_left"] == 2
    assert "2 tersisa dari 3" in text(response)


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


def test_nominating_a_pppk_past_the_cap_warns_but_saves(org, roles, login, program, fw):
    contract = EmployeeFactory(unit=org.kel_a, employment_status="PPPK")
    response = login(roles.head_a).post(
        f"/program/{program.pk}/usulkan/",
        {
            "employees": [roles.staff_a.employee.pk, contract.pk],
            "reason": "Gap manajemen konflik",
            "dimension": fw[0]["manajemen-konflik"].pk,
        },
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown[-1] == (
        "1 PPPK akan melebihi batas JP tahun kontraknya bila mengikuti program ini: "
        f"{contract.name}."
    )
    assert Nomination.objects.filter(employee=contract).exists()


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


# -- exports -------------------------------------------------------------------------


def test_export_csv_scoped_for_heads(roles, login, program):
    NominationFactory(program=program, employee=roles.staff_a.employee)
    NominationFactory(program=program, employee=roles.staff_b.employee)
    response = login(roles.head_a).get(f"/program/{program.pk}/usulan.csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Program", "NIP", "Nama"]
    assert [r[2] for r in rows[1:]] == [roles.staff_a.employee.name]


def test_export_xlsx_for_bpsdm(roles, login, program):
    NominationFactory(program=program, employee=roles.staff_a.employee)
    NominationFactory(
        program=program, employee=roles.staff_b.employee, state="approved"
    )
    response = login(roles.bpsdm).get(f"/program/{program.pk}/usulan.xlsx")
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["Keterangan", "Usulan peserta"]
    rows = list(book["Usulan peserta"].iter_rows(min_row=2, values_only=True))
    assert sorted((r[2], r[6]) for r in rows) == sorted(
        [
            (roles.staff_a.employee.name, "Diusulkan kepala unit"),
            (roles.staff_b.employee.name, "Disetujui"),
        ]
    )
    assert (
        login(roles.bpsdm).get(f"/program/{program.pk}/usulan.pdf").status_code == 404
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
    html = text(client.get("/program/"))
    assert "BPSDM program catalogue" in html
    assert "Seats left" in html


# -- the nominee picker --------------------------------------------------------------


def test_nominate_page_renders_a_type_ahead_not_every_employee(
    org, roles, login, program, django_assert_num_queries
):

    client = login(roles.head_kecamatan)
    body = client.get(f"/program/{program.pk}/usulkan/").content.decode()
    assert f'hx-get="/program/{program.pk}/calon/?field=employees"' in body
    assert roles.staff_a.employee.name not in body

    def grow():
        EmployeeFactory.create_batch(40, unit=org.kel_a)

    constant_queries(
        client, f"/program/{program.pk}/usulkan/", grow, django_assert_num_queries
    )


def test_candidates_grouped_with_gap_jp_and_reasons(
    org, roles, login, fw, django_assert_num_queries
):

    program = ProgramFactory(eligible_statuses=["PNS"])
    eligible = EmployeeFactory(unit=org.kel_a, name="Sari Pratama")
    EmployeeFactory(unit=org.kel_b, name="Sari Kontrak", employment_status="PPPK")
    taken = EmployeeFactory(unit=org.kel_b, name="Sari Diusulkan")
    NominationFactory(program=program, employee=taken)
    client = login(roles.head_kecamatan)
    response = client.get(f"/program/{program.pk}/calon/", {"q": "sari"})
    assert response.status_code == 200
    candidates = response.context["candidates"]
    assert [(c.employee.name, c.eligible) for c in candidates] == [
        ("Sari Pratama", True),
        ("Sari Diusulkan", False),
        ("Sari Kontrak", False),
    ]  # by unit (in tree order), then name
    assert [c.reasons for c in candidates[1:]] == [
        ["Sudah diusulkan (Diusulkan kepala unit)."],
        ["Status kepegawaian PPPK tidak termasuk sasaran program ini."],
    ]
    assert candidates[0].jp_target == Decimal("20.00")
    body = response.content.decode()
    assert body.count("data-lookup-pick=") == 1
    assert f'data-lookup-pick="{eligible.pk}"' in body
    assert "Sudah diusulkan (Diusulkan kepala unit)." in body
    # Within scope only: head A does not find kelurahan B's people.
    found = login(roles.head_a).get(f"/program/{program.pk}/calon/", {"q": "sari"})
    assert [c.employee.name for c in found.context["candidates"]] == ["Sari Pratama"]
    assert (
        login(roles.staff_a).get(f"/program/{program.pk}/calon/?q=sari").status_code
        == 403
    )

    def grow():
        for n in range(10):
            EmployeeFactory(unit=org.kel_a, name=f"Sari {n}")

    constant_queries(
        login(roles.head_kecamatan),
        f"/program/{program.pk}/calon/?q=sari",
        grow,
        django_assert_num_queries,
    )


def test_program_pages_read_one_page_of_nominations(
    org, roles, login, program, django_assert_num_queries
):
    from programs.services import nomination_approve

    program.capacity = None
    program.unlimited_seats = True
    program.save()

    def grow():
        for __ in range(55):
            nomination = NominationFactory(
                program=program, employee=EmployeeFactory(unit=org.kel_a)
            )
            nomination_approve(nomination_id=nomination.pk, by=roles.bpsdm)

    grow()
    client = login(roles.bpsdm)
    for url in (f"/program/{program.pk}/", f"/program/{program.pk}/penyelesaian/"):
        constant_queries(client, url, grow, django_assert_num_queries)
    detail = client.get(f"/program/{program.pk}/")
    assert (
        len(detail.context["nominations"]),
        detail.context["page"].paginator.count,
    ) == (
        50,
        165,
    )
    done = client.get(f"/program/{program.pk}/penyelesaian/?page=4")
    assert len(done.context["participants"]) == 165 - 150
