import csv
import io
from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from ledger.models import JPRule
from ledger.services import jp_credit_set
from people.tests.factories import EmployeeFactory, UnitFactory

YEAR = timezone.localdate().year


def credit(employee, minutes, day=1, key=None):
    jp_credit_set(
        source_key=key or f"activity:{employee.pk}{day}{minutes}",
        source="internal",
        occurred_on=date(YEAR, 1, day),
        description="Briefing · Meruya Utara",
        credits={employee.pk: minutes},
    )


def test_index_redirects_by_role(roles, org, login):
    staff = login(roles.staff_a).get("/jp/")
    assert staff["Location"] == f"/jp/pegawai/{roles.staff_a.employee.pk}/"
    head = login(roles.head_a).get("/jp/")
    assert head["Location"] == f"/jp/unit/{roles.head_a.employee.unit_id}/"
    bpsdm = login(roles.bpsdm).get("/jp/")
    assert bpsdm.status_code == 200
    assert bpsdm.context["total"].required == 5
    rows = {
        row.unit.code: (row.compliance.required, row.compliance.behind)
        for row in bpsdm.context["rows"]
    }
    assert rows[org.province.code] == (5, 5)
    drill = login(roles.bpsdm).get("/jp/", {"unit": org.kecamatan.pk})
    rows = {
        row.unit.code: (row.compliance.required, row.compliance.behind)
        for row in drill.context["rows"]
    }
    assert rows == {org.kel_a.code: (2, 2), org.kel_b.code: (2, 2)}
    assert drill.context["total"].required == 5


def test_index_drill_down_scope(roles, org, login):
    head = login(roles.head_a)
    assert head.get("/jp/", {"unit": org.kel_a.pk}).status_code == 200
    assert head.get("/jp/", {"unit": org.kel_b.pk}).status_code == 404
    assert head.get("/jp/", {"unit": "x"}).status_code == 404
    assert login(roles.staff_a).get("/jp/", {"unit": org.kel_a.pk}).status_code == 403


def test_employee_page_shows_total_progress_and_entries(roles, login):
    employee = roles.staff_a.employee
    for day in range(1, 11):
        credit(employee, 10, day=day)
    response = login(roles.staff_a).get(f"/jp/pegawai/{employee.pk}/")
    assert response.status_code == 200
    standing = response.context["standing"]
    assert standing.jp == Decimal("2.22")
    html = response.content.decode()
    assert "2,22 JP" in html  # Indonesian decimal comma
    assert 'aria-valuenow="11"' in html
    assert "Kurang 17,78 JP untuk mencapai hak minimal 20 JP." in html
    assert len(response.context["page"]) == 10


def test_employee_page_outsider_is_404(roles, login):
    employee = roles.staff_a.employee
    assert login(roles.staff_b).get(f"/jp/pegawai/{employee.pk}/").status_code == 404
    assert login(roles.head_b).get(f"/jp/pegawai/{employee.pk}/").status_code == 404
    assert (
        login(roles.head_kecamatan).get(f"/jp/pegawai/{employee.pk}/").status_code
        == 200
    )


def test_employee_page_year_choice(roles, login):
    employee = roles.staff_a.employee
    jp_credit_set(
        source_key="old",
        source="external",
        occurred_on=date(YEAR - 1, 6, 1),
        description="Diklat Komunikasi",
        credits={employee.pk: 900},
    )
    client = login(roles.staff_a)
    this_year = client.get(f"/jp/pegawai/{employee.pk}/")
    assert this_year.context["standing"].jp == Decimal("0.00")
    last_year = client.get(f"/jp/pegawai/{employee.pk}/", {"tahun": YEAR - 1})
    assert last_year.context["standing"].jp == Decimal("20.00")
    assert last_year.context["days_left"] == 0
    bogus = client.get(f"/jp/pegawai/{employee.pk}/", {"tahun": "1900"})
    assert bogus.context["year"] == YEAR


def test_unit_page_lists_who_is_behind(roles, org, login):
    done = EmployeeFactory(unit=org.kel_a)
    credit(done, 950)
    credit(roles.staff_a.employee, 100)
    client = login(roles.head_a)
    response = client.get(f"/jp/unit/{org.kel_a.pk}/")
    assert response.status_code == 200
    rows = [(s.employee, s.jp, s.missing) for s in response.context["standings"]]
    assert rows == [
        (roles.head_a.employee, Decimal("0.00"), Decimal("20.00")),
        (roles.staff_a.employee, Decimal("2.22"), Decimal("17.78")),
        (done, Decimal("21.11"), Decimal("0")),
    ]
    assert response.context["compliance"].behind == 2
    days = response.context["days_left"]
    html = response.content.decode()
    assert "2 dari 3 pegawai wajib minimal JP belum mencapainya" in html
    assert f"Sisa {days} hari di tahun ini." in html
    behind = client.get(f"/jp/unit/{org.kel_a.pk}/", {"kurang": "1"})
    assert [s.employee for s in behind.context["standings"]] == [
        roles.head_a.employee,
        roles.staff_a.employee,
    ]


def test_unit_page_scope(roles, org, login):
    url = f"/jp/unit/{org.kel_a.pk}/"
    assert login(roles.head_b).get(url).status_code == 404
    assert login(roles.staff_a).get(url).status_code == 403
    assert login(roles.bpsdm).get(url).status_code == 200
    assert login(roles.head_kecamatan).get(url).status_code == 200


def test_unit_page_query_count_does_not_grow(
    roles, org, login, django_assert_num_queries
):
    client = login(roles.head_kecamatan)
    url = f"/jp/unit/{org.kecamatan.pk}/"
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(60):
        credit(EmployeeFactory(unit=org.kel_b), 30 + i)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["standings"]) == 50
    assert response.context["page"].paginator.count == 65
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url, {"kurang": "1", "page": "2"})


def test_index_query_count_does_not_grow(roles, org, login, django_assert_num_queries):
    client = login(roles.bpsdm)
    with CaptureQueriesContext(connection) as small:
        client.get("/jp/")
    for i in range(20):
        credit(EmployeeFactory(unit=org.kel_b), 30 + i)
    UnitFactory(parent=org.province, code="JB-X")
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/jp/")
    assert response.context["total"].required == 25


def test_employee_page_query_count_does_not_grow(
    roles, login, django_assert_num_queries
):
    employee = roles.staff_a.employee
    credit(employee, 10)
    client = login(roles.staff_a)
    with CaptureQueriesContext(connection) as small:
        client.get(f"/jp/pegawai/{employee.pk}/")
    for day in range(2, 28):
        credit(employee, 10, day=day)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(f"/jp/pegawai/{employee.pk}/")


def test_unit_export_csv_and_xlsx(roles, org, login):
    credit(roles.staff_a.employee, 100)
    client = login(roles.head_a)
    response = client.get(f"/jp/unit/{org.kel_a.pk}/ekspor.csv", {"kurang": "1"})
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Nama",
        "NIP",
        "Kode unit",
        "Unit",
        "Jabatan",
        "Status kepegawaian",
        "Dihitung dari",
        "Dihitung sampai",
        "Menit",
        "JP",
        "Ketentuan",
        "Target JP",
        "Kurang JP",
        "Lebih JP",
        "Persen",
    ]
    staff = roles.staff_a.employee
    assert rows[2] == [
        staff.name,
        staff.nip,
        org.kel_a.code,
        org.kel_a.name,
        staff.position_type.name,
        "PNS",
        f"01-01-{YEAR}",
        f"31-12-{YEAR}",
        "100,00",
        "2,22",
        "Minimal",
        "20,00",
        "17,78",
        "",
        "11",
    ]
    assert len(rows) == 3
    book = load_workbook(
        io.BytesIO(
            client.get(
                f"/jp/unit/{org.kel_a.pk}/ekspor.xlsx", {"kurang": "1"}
            ).getvalue()
        )
    )
    assert book.sheetnames == ["Keterangan", f"JP {YEAR}"]
    assert book.worksheets[1].max_row == 3
    about = {row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)}
    assert about["Keadaan"] == "Hanya yang kurang JP"
    assert book.worksheets[1]["K3"].value == "Minimal"
    assert (
        login(roles.head_b).get(f"/jp/unit/{org.kel_a.pk}/ekspor.csv").status_code
        == 404
    )
    assert client.get(f"/jp/unit/{org.kel_a.pk}/ekspor.pdf").status_code == 404


def test_dashboard_cards(roles, login):
    credit(roles.staff_a.employee, 100)
    staff = {c.title: c for c in login(roles.staff_a).get("/").context["cards"]}
    card = staff[f"JP saya tahun {YEAR}"]
    assert card.value == "2,22 JP"
    assert card.tone == "warning"
    head = {c.title: c for c in login(roles.head_a).get("/").context["cards"]}
    card = head["Pegawai belum mencapai minimal JP"]
    assert (card.value, card.detail) == (
        "2",
        "dari 2 pegawai wajib minimal JP di cakupan Anda",
    )
    bpsdm = {c.title: c for c in login(roles.bpsdm).get("/").context["cards"]}
    assert bpsdm["Pegawai belum mencapai minimal JP (semua unit)"].value == "5"


def test_nav(roles):
    from ledger.nav import items

    assert [i.url for i in items(roles.staff_a)] == ["/jp/"]


def test_rules_page_everyone_reads_bpsdm_edits(roles, login):
    page = login(roles.staff_a).get("/jp/aturan/")
    assert page.status_code == 200
    assert page.context["form"] is None
    html = page.content.decode()
    assert "Minimal 20 JP per tahun" in html
    assert "Paling banyak 24 JP per tahun kontrak" in html
    data = {
        "employment_status": "PPPK",
        "effective_from": f"{YEAR + 1}-01-01",
        "kind": "cap",
        "jp": "30",
        "basis": "contract",
        "minutes_per_jp": "45",
        "legal_basis": "UU 20/2023",
    }
    assert login(roles.staff_a).post("/jp/aturan/baru/", data).status_code == 403
    assert login(roles.head_a).post("/jp/aturan/baru/", data).status_code == 403
    client = login(roles.bpsdm)
    assert client.get("/jp/aturan/").context["form"] is not None
    assert client.post("/jp/aturan/baru/", data).status_code == 302
    rule = JPRule.objects.get(effective_from=date(YEAR + 1, 1, 1))
    assert (rule.kind, rule.jp, rule.created_by) == ("cap", Decimal(30), roles.bpsdm)
    again = client.post("/jp/aturan/baru/", data)
    assert again.status_code == 400
    assert "Sudah ada aturan untuk status ini" in again.content.decode()
    past = client.post("/jp/aturan/baru/", {**data, "effective_from": "2020-01-01"})
    assert past.status_code == 400
    assert "Aturan baru berlaku paling cepat hari ini." in past.content.decode()
    empty = client.post("/jp/aturan/baru/", {**data, "jp": ""})
    assert "Isi jumlah JP untuk minimal atau batas atas." in empty.content.decode()
    assert client.post("/jp/aturan/baru/", {**data, "jp": "abc"}).status_code == 400
    in_force = JPRule.objects.get(employment_status="PNS")
    client.post(f"/jp/aturan/{in_force.pk}/hapus/")
    assert JPRule.objects.filter(pk=in_force.pk).exists()
    assert login(roles.head_a).post(f"/jp/aturan/{rule.pk}/hapus/").status_code == 403
    client = login(roles.bpsdm)
    assert client.post(f"/jp/aturan/{rule.pk}/hapus/").status_code == 302
    assert not JPRule.objects.filter(pk=rule.pk).exists()
    assert client.get(f"/jp/aturan/{in_force.pk}/hapus/").status_code == 405


def test_pppk_pages_show_the_contract_year_and_the_cap(org, roles, login):
    contract = EmployeeFactory(
        unit=org.kel_a,
        employment_status="PPPK",
        contract_starts_on=date(YEAR - 1, 1, 1),
    )
    jp_credit_set(
        source_key="p",
        source="external",
        occurred_on=date(YEAR, 1, 1),
        description="Diklat",
        jp_credits={contract.pk: 25},
    )
    page = login(roles.head_a).get(f"/jp/pegawai/{contract.pk}/")
    standing = page.context["standing"]
    assert (standing.by_contract, standing.window.starts_on, standing.over) == (
        True,
        date(YEAR, 1, 1),
        True,
    )
    assert "Melebihi batas 24 JP sebanyak 1,00 JP." in page.content.decode()
    unit = login(roles.head_a).get(f"/jp/unit/{org.kel_a.pk}/", {"lebih": "1"})
    assert [s.employee for s in unit.context["standings"]] == [contract]
