import csv
import io
from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from ledger.services import jp_credit_set
from people.tests.factories import EmployeeFactory

YEAR = timezone.localdate().year


def credit(employee, minutes, day=1, key=None):
    jp_credit_set(
        source_key=key or f"activity:{employee.pk}{day}{minutes}",
        source="internal",
        occurred_on=date(YEAR, 1, day),
        description="Briefing · Meruya Utara",
        credits={employee.pk: minutes},
    )


def test_index_redirects_by_role(roles, login):
    staff = login(roles.staff_a).get("/jp/")
    assert staff["Location"] == f"/jp/pegawai/{roles.staff_a.employee.pk}/"
    head = login(roles.head_a).get("/jp/")
    assert head["Location"] == f"/jp/unit/{roles.head_a.employee.unit_id}/"
    bpsdm = login(roles.bpsdm).get("/jp/")
    assert bpsdm.status_code == 200
    rows = {unit.code: (total, behind) for unit, total, behind in bpsdm.context["rows"]}
    assert rows["JB-KMB"] == (5, 5)
    assert rows["JB-KMB-MU"] == (2, 2)


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
    assert response.context["behind_count"] == 2
    days = response.context["days_left"]
    html = response.content.decode()
    assert "2 dari 3 pegawai ASN belum mencapai 20 JP" in html
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
    with CaptureQueriesContext(connection) as small:
        client.get(f"/jp/unit/{org.kecamatan.pk}/")
    for i in range(15):
        credit(EmployeeFactory(unit=org.kel_b), 30 + i)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(f"/jp/unit/{org.kecamatan.pk}/")
    assert len(response.context["standings"]) == 20


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
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == [
        "Nama",
        "NIP",
        "Kode unit",
        "Unit",
        "Jabatan",
        "Status kepegawaian",
        "Menit",
        "JP",
        "JP minimal",
        "Kurang JP",
        "Persen",
    ]
    staff = roles.staff_a.employee
    assert len(rows) == 3  # both are behind
    assert [staff.name, staff.nip] in [r[:2] for r in rows]
    assert [r for r in rows if r[0] == staff.name][0] == [
        staff.name,
        staff.nip,
        org.kel_a.code,
        org.kel_a.name,
        staff.position_type.name,
        "PNS",
        "100,00",
        "2,22",
        "20",
        "17,78",
        "11",
    ]
    book = load_workbook(
        io.BytesIO(client.get(f"/jp/unit/{org.kel_a.pk}/ekspor.xlsx").getvalue())
    )
    assert book.sheetnames == ["Keterangan", f"JP {timezone.localdate().year}"]
    data = book.worksheets[1]
    assert data.max_row == 3
    typed = list(data.iter_rows(min_row=2, values_only=True))
    assert (staff.name, 100, 2.22, 20, 17.78, 11) in [
        (r[0], r[6], r[7], r[8], r[9], r[10]) for r in typed
    ]
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
    assert head["Pegawai belum mencapai 20 JP"].value == "2"
    bpsdm = {c.title: c for c in login(roles.bpsdm).get("/").context["cards"]}
    assert bpsdm["ASN belum mencapai 20 JP (semua unit)"].value == "5"


def test_nav(roles):
    from ledger.nav import items

    assert [i.url for i in items(roles.staff_a)] == ["/jp/"]
