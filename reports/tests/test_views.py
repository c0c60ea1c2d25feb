"""Pages, exports and scoping of the reports: owner, head, BPSDM and an outsider
in every test; query counts equal at two data sizes."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from assessments.rollups import quarter_snapshots_ensure
from people.tests.factories import EmployeeFactory
from plans.tests.factories import DevelopmentPlanFactory, PlanItemFactory
from testsupport.province import released_result

pytestmark = pytest.mark.django_db


def test_employee_report_scoping(province, roles, login):
    url = f"/laporan/pegawai/{roles.staff_a.employee.pk}/"
    assert login(roles.staff_a).get(url).status_code == 200
    assert login(roles.head_a).get(url).status_code == 200
    assert login(roles.head_kecamatan).get(url).status_code == 200
    assert login(roles.bpsdm).get(url).status_code == 200
    assert login(roles.head_b).get(url).status_code == 404
    assert login(roles.staff_b).get(url).status_code == 404


def test_employee_report_shows_chart_data_and_table(province, roles, login):
    body = login(roles.staff_a).get(f"/laporan/pegawai/{roles.staff_a.employee.pk}/")
    html = body.content.decode()
    assert 'id="radar-data"' in html
    assert '"required": [3, 2, 1, 1, 1, 1]' in html
    assert '"level": [2, 3, null, null, null, null]' in html
    assert "chartjs-4.6.1/chart.umd.min.js" in html
    assert "20,00 JP dari minimal 20 JP" in html  # Indonesian decimal comma
    assert body.context["report"].with_gap == 1


def test_employee_report_query_count_constant(
    province, roles, login, django_assert_num_queries
):
    employee = roles.staff_a.employee
    plan = DevelopmentPlanFactory(employee=employee)
    PlanItemFactory(
        plan=plan, dimension=province.d1, form=province.fw.forms["briefing"]
    )
    client = login(roles.head_a)
    url = f"/laporan/pegawai/{employee.pk}/"
    client.get(url)
    # 16, and one asking for the latest closed 360 round (there is none).
    with django_assert_num_queries(17):
        client.get(url)
    # More rounds, more items, more people elsewhere: same number of queries.
    today = timezone.localdate()
    released_result(
        employee, today - timedelta(days=5), {province.d1: 3, province.d2: 3}
    )
    for code in ("gathering", "pendekatan-personal"):
        PlanItemFactory(plan=plan, dimension=province.d1, form=province.fw.forms[code])
    EmployeeFactory.create_batch(10, unit=employee.unit)
    with django_assert_num_queries(17):
        response = client.get(url)
    assert len(response.context["report"].history) == 3


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_employee_export_formats_and_scope(province, roles, login, fmt):
    url = f"/laporan/pegawai/{roles.staff_a.employee.pk}/ekspor.{fmt}"
    assert login(roles.staff_b).get(url).status_code == 404
    response = login(roles.head_a).get(url)
    assert response.status_code == 200
    if fmt == "csv":
        lines = response.getvalue().decode("utf-8-sig").strip().splitlines()
        assert lines[0].startswith("Dimensi,Level dipersyaratkan,Level terkini")
        assert lines[1].split(",")[1:3] == ["3", "2"]
        assert len(lines) == 7
    elif fmt == "xlsx":
        book = load_workbook(io.BytesIO(response.getvalue()))
        assert book.sheetnames[:3] == ["Keterangan", "Kesenjangan", "Riwayat"]
        assert book["Kesenjangan"].cell(2, 5).value == 1
    else:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


def test_unit_report_scoping_and_roles(province, org, roles, login):
    url = f"/laporan/unit/{org.kel_a.pk}/"
    assert login(roles.head_a).get(url).status_code == 200
    assert login(roles.head_kecamatan).get(url).status_code == 200
    assert login(roles.bpsdm).get(url).status_code == 200
    assert login(roles.head_b).get(url).status_code == 404
    assert login(roles.staff_a).get(url).status_code == 403


def test_unit_report_query_count_constant(
    province, org, roles, login, django_assert_num_queries
):
    client = login(roles.head_kecamatan)
    url = f"/laporan/unit/{org.kecamatan.pk}/"
    client.get(url)
    with django_assert_num_queries(19):
        client.get(url)
    today = timezone.localdate()
    for employee in EmployeeFactory.create_batch(
        12, unit=org.kel_b, position_type=province.staff
    ):
        released_result(employee, today - timedelta(days=3), {province.d1: 2})
    with django_assert_num_queries(19):
        response = client.get(url)
    assert response.context["report"].employees == 9 + 12


def test_unit_export_csv(province, org, roles, login):
    response = login(roles.head_a).get(f"/laporan/unit/{org.kel_a.pk}/ekspor.csv")
    lines = response.getvalue().decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 4
    assert lines[0].startswith(
        f"Unit,NIP,Nama,Jabatan,Status kepegawaian,{province.d1.label}: level,"
    )
    assert (
        login(roles.head_b).get(f"/laporan/unit/{org.kel_a.pk}/ekspor.csv").status_code
        == 404
    )


def test_province_roles_and_scope(province, org, roles, login):
    assert login(roles.bpsdm).get("/laporan/provinsi/").status_code == 200
    assert login(roles.staff_a).get("/laporan/provinsi/").status_code == 403
    head = login(roles.head_kecamatan)
    response = head.get("/laporan/provinsi/")
    assert response.status_code == 200
    assert response.context["report"].unit == org.kecamatan
    assert head.get(f"/laporan/provinsi/?unit={org.kel_a.pk}").status_code == 200
    assert head.get(f"/laporan/provinsi/?unit={province.kota2.pk}").status_code == 404
    assert head.get(f"/laporan/provinsi/?unit={org.kota.pk}").status_code == 404


def test_province_drill_down_and_filters(province, org, roles, login):
    client = login(roles.bpsdm)
    response = client.get(
        f"/laporan/provinsi/?unit={org.province.pk}&dimension={province.d1.pk}"
    )
    report = response.context["report"]
    assert [(r.unit.code, r.employees) for r in report.rows] == [("JB", 9), ("JT", 1)]
    assert str(report.total.mean_gap) == "0.88"
    assert (
        f"?unit={org.kota.pk}&amp;dimension={province.d1.pk}"
        in response.content.decode()
    )
    bad = client.get("/laporan/provinsi/?period=2001-Q9")
    assert bad.context["report"] is None
    assert "Periode tidak dikenal." in bad.content.decode()


def test_province_query_count_constant(
    province, org, roles, login, django_assert_num_queries
):
    client = login(roles.bpsdm)
    url = f"/laporan/provinsi/?unit={org.province.pk}"
    client.get(url)
    with django_assert_num_queries(18):
        client.get(url)
    today = timezone.localdate()
    for employee in EmployeeFactory.create_batch(
        15, unit=province.kec2, position_type=province.staff
    ):
        released_result(employee, today - timedelta(days=3), {province.d2: 1})
    with django_assert_num_queries(18):
        response = client.get(url)
    assert response.context["report"].employees == 25


@pytest.mark.parametrize("snapshots", [False, True])
def test_province_trend_fragment(
    province, org, roles, login, snapshots, django_assert_num_queries
):
    """The same points from the validity intervals and, once the quarter ends
    are snapshot days (the daily task), from the counts kept as of them."""
    if snapshots:
        assert len(quarter_snapshots_ensure(timezone.localdate())) == 8
    client = login(roles.bpsdm)
    url = f"/laporan/provinsi/tren/?unit={org.province.pk}"
    client.get(url)
    with django_assert_num_queries(26):
        response = client.get(url)
    points = response.context["points"]
    assert len(points) == 5
    assert points[0].period == province.past
    assert str(points[0].stats.mean_gap) == "0.50"  # D1+D2 at the old quarter: 3 / 6
    assert str(points[-1].stats.mean_gap) == "0.63"
    assert login(roles.staff_a).get("/laporan/provinsi/tren/").status_code == 403


def test_province_demand_fragment(
    province, org, roles, login, django_assert_num_queries
):
    client = login(roles.bpsdm)
    url = f"/laporan/provinsi/kebutuhan/?unit={org.province.pk}"
    client.get(url)
    with django_assert_num_queries(12):
        client.get(url)
    for employee in EmployeeFactory.create_batch(
        8, unit=province.kec2, position_type=province.staff
    ):
        released_result(employee, timezone.localdate(), {province.d1: 1})
    with django_assert_num_queries(12):
        response = client.get(url)
    lines = {
        row.form.code: (row.employees, names)
        for row, names in response.context["lines"]
    }
    assert lines["e-learning"][0] == 7 + 8
    assert (
        lines["diklat-disabilitas"] == (0, ["Kepekaan Disabilitas"])
        or lines["diklat-disabilitas"][0] == 0
    )
    head = login(roles.head_a)
    assert (
        head.get(f"/laporan/provinsi/kebutuhan/?unit={org.kel_b.pk}").status_code == 404
    )
    mine = head.get("/laporan/provinsi/kebutuhan/")
    assert {row.form.code: row.employees for row, __ in mine.context["lines"]}[
        "e-learning"
    ] == 3
    assert login(roles.staff_a).get(url).status_code == 403


def test_report_index_sends_each_role_to_its_report(province, org, roles, login):
    assert login(roles.bpsdm).get("/laporan/")["Location"] == "/laporan/provinsi/"
    assert (
        login(roles.head_a).get("/laporan/")["Location"]
        == f"/laporan/unit/{org.kel_a.pk}/"
    )
    assert (
        login(roles.staff_a).get("/laporan/")["Location"]
        == f"/laporan/pegawai/{roles.staff_a.employee.pk}/"
    )


def test_dashboard_cards_per_role(province, roles, login):
    bpsdm = login(roles.bpsdm).get("/").content.decode()
    assert "Kesenjangan seluruh provinsi" in bpsdm
    head = login(roles.head_a).get("/").content.decode()
    assert "Kesenjangan Meruya Utara" in head
    staff = login(roles.staff_a).get("/")
    cards = [
        c for c in staff.context["cards"] if c.title == "Kesenjangan kompetensi saya"
    ]
    assert [c.value for c in cards] == ["1"]


def test_employee_report_in_english(province, roles, login):
    client = login(roles.staff_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(f"/laporan/pegawai/{roles.staff_a.employee.pk}/").content.decode()
    assert "Gap per dimension" in html
    assert "Recommended development forms" in html
