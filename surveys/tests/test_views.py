from decimal import Decimal

import pytest

from surveys.tests.factories import (
    dki_set,
    import_survey,
    report_survey,
)

pytestmark = pytest.mark.django_db


def _detail(unit, period="2018Q4"):
    return f"/ikm/unit/{unit.pk}/{period}/"


# -- list ----------------------------------------------------------------------------


def test_list_scoped_per_role(roles, surveys, login):
    expected = {
        roles.bpsdm: {"Meruya Utara", "Joglo", "Kembangan"},
        roles.head_kecamatan: {"Meruya Utara", "Joglo", "Kembangan"},
        roles.head_a: {"Meruya Utara"},
        roles.staff_b: {"Joglo"},
    }
    for user, units in expected.items():
        response = login(user).get("/ikm/")
        assert response.status_code == 200
        assert {r.survey.unit.name for r in response.context["rows"]} == units


def test_list_filter_by_level(roles, surveys, login):
    response = login(roles.bpsdm).get("/ikm/?level=kelurahan&period=2018Q4")
    # tree order: kelurahan A (Meruya Utara) was created before B (Joglo)
    assert [r.survey.unit.code for r in response.context["rows"]] == [
        "JB-KMB-MU",
        "JB-KMB-JG",
    ]


def test_list_filter_by_province_level(roles, org, surveys, login):
    report_survey(org.province, "2018Q4")
    response = login(roles.bpsdm).get("/ikm/?level=provinsi")
    assert [r.survey.unit.code for r in response.context["rows"]] == ["DKI"]
    response = login(roles.bpsdm).get("/ikm/?level=lain")
    assert len(response.context["rows"]) == 4


def test_list_query_count_does_not_grow(roles, org, login, django_assert_num_queries):
    client = login(roles.bpsdm)
    import_survey(org.kel_a, "2018Q1")
    report_survey(org.kecamatan, "2018Q1")
    with django_assert_num_queries(10):
        client.get("/ikm/")
    for quarter in (2, 3, 4):
        import_survey(org.kel_a, f"2018Q{quarter}")
        import_survey(org.kel_b, f"2018Q{quarter}")
        report_survey(org.kecamatan, f"2018Q{quarter}")
    with django_assert_num_queries(10):
        response = client.get("/ikm/")
    assert len(response.context["rows"]) == 11


def test_list_export_csv(roles, surveys, login):
    response = login(roles.head_a).get("/ikm/ekspor.csv")
    lines = response.getvalue().decode("utf-8-sig").splitlines()
    assert lines == [
        "Periode,Kode unit,Unit,Kuesioner,Sumber nilai,Responden,Populasi,"
        "Sampel minimum,IKM,Mutu",
        "2018Q4,JB-KMB-MU,Meruya Utara,PermenPANRB 14/2017 (9 unsur),dihitung,2,60,52,"
        '"79,17",B',
    ]


def test_list_export_xlsx(roles, surveys, login):
    from io import BytesIO

    from openpyxl import load_workbook

    response = login(roles.bpsdm).get("/ikm/ekspor.xlsx")
    book = load_workbook(BytesIO(response.getvalue()))
    assert book.sheetnames == ["Keterangan", "Survei IKM"]
    assert book["Survei IKM"].max_row == 4
    assert login(roles.bpsdm).get("/ikm/ekspor.pdf").status_code == 404


# -- detail ---------------------------------------------------------------------------


def test_detail_shows_ikm_grade_weakest_and_sample_warning(roles, org, surveys, login):
    response = login(roles.head_a).get(_detail(org.kel_a))
    assert response.status_code == 200
    result = response.context["result"]
    assert result.ikm == Decimal("79.17")
    assert [r.element.code for r in result.weakest()][:1] == ["pengaduan"]
    content = response.content.decode()
    assert "79,17" in content  # Indonesian number format
    assert "Sampel kurang: 2 responden" in content
    assert response.context["development"] is not None


def test_detail_reported_is_labelled(roles, org, surveys, login):
    response = login(roles.head_kecamatan).get(_detail(org.kecamatan))
    content = response.content.decode()
    assert response.context["result"].ikm == Decimal("84.98")
    assert "dilaporkan" in content
    assert "73,77" in content


def test_detail_outsider_head_is_404(roles, org, surveys, login):
    assert login(roles.head_b).get(_detail(org.kel_a)).status_code == 404
    assert login(roles.staff_b).get(_detail(org.kel_a)).status_code == 404
    assert login(roles.head_a).get(_detail(org.kecamatan)).status_code == 404


def test_detail_bad_or_missing_period_is_404(roles, org, surveys, login):
    client = login(roles.bpsdm)
    assert client.get(_detail(org.kel_a, "2018Q9")).status_code == 404
    assert client.get(_detail(org.kel_a, "2019Q1")).status_code == 404


def test_detail_staff_sees_the_survey_not_the_gaps(roles, org, surveys, login):
    client = login(roles.staff_a)
    response = client.get(_detail(org.kel_a))
    assert response.status_code == 200
    assert response.context["development"] is None
    url = _detail(org.kel_a) + "ekspor/kesenjangan.csv"
    assert client.get(url).status_code == 404
    assert client.get(_detail(org.kel_a) + "ekspor/unsur.csv").status_code == 200


def test_detail_query_count(roles, org, surveys, login, django_assert_num_queries):
    client = login(roles.head_kecamatan)
    # 17, and the survey's follow-up actions and publications (PEKPPP).
    with django_assert_num_queries(19):
        client.get(_detail(org.kel_a))
    import_survey(org.kel_a, "2018Q3", rows=[[4] * 9] * 50)
    with django_assert_num_queries(19):
        client.get(_detail(org.kel_a, "2018Q3"))


def test_detail_exports(roles, org, surveys, login):
    client = login(roles.head_kecamatan)
    lines = (
        client.get(_detail(org.kecamatan) + "ekspor/unsur.csv")
        .getvalue()
        .decode("utf-8-sig")
        .splitlines()
    )
    assert lines[1] == '1,biaya,Kesesuaian biaya,,,"91,15",A,dilaporkan,tidak'
    assert lines[-1] == ',,IKM (TOTAL),,,"84,98",B,dilaporkan,'
    assert client.get(_detail(org.kel_a) + "ekspor/lain.csv").status_code == 404
    for table in ("unsur", "pengembangan", "kesenjangan"):
        url = _detail(org.kel_a) + f"ekspor/{table}.xlsx"
        assert login(roles.head_kecamatan).get(url).status_code == 200
        assert login(roles.head_b).get(url).status_code == 404


# -- population -----------------------------------------------------------------------


def test_population_set_by_head(roles, org, surveys, login):
    response = login(roles.head_a).post(
        _detail(org.kel_a) + "populasi/", {"population": "1000"}
    )
    assert response.status_code == 302
    surveys["a"].refresh_from_db()
    assert surveys["a"].population == 1000


def test_population_roles_and_scope(roles, org, surveys, login):
    url = _detail(org.kel_a) + "populasi/"
    assert login(roles.staff_a).post(url, {"population": "5"}).status_code == 403
    assert login(roles.head_b).post(url, {"population": "5"}).status_code == 404
    assert login(roles.head_a).get(url).status_code == 405
    login(roles.head_a).post(url, {"population": "0"})
    surveys["a"].refresh_from_db()
    assert surveys["a"].population == 60


# -- trend ----------------------------------------------------------------------------


def test_trend_table_and_chart(roles, org, login):
    report_survey(org.kel_a, "2018Q4")
    import_survey(org.kel_a, "2019Q1", rows=[[4] * 9], element_set=dki_set())
    import_survey(org.kel_a, "2019Q2", rows=[[3] * 9])
    response = login(roles.head_a).get(f"/ikm/unit/{org.kel_a.pk}/")
    chart = response.context["chart"]
    assert chart["labels"] == ["2018Q4", "2019Q1", "2019Q2"]
    assert chart["reported"] == [True, False, False]
    assert chart["series"][0]["data"] == [85.55, 100.0, 75.0]
    # sociocultural-linked elements of both questionnaires, each in its periods
    assert {s["label"]: s["data"] for s in chart["series"][1:]} == {
        "Kecukupan/Keefektifan info/pengaduan": [77.8, 100.0, None],
        "Kemudahan persyaratan": [77.49, 100.0, None],
        "Persyaratan": [None, None, 75.0],
        "Penanganan Pengaduan, Saran dan Masukan": [None, None, 75.0],
    }
    assert 'id="trend-data"' in response.content.decode()
    assert [jp for __, jp in response.context["rows"]] == [Decimal("0.00")] * 3


def test_trend_outsider_is_404(roles, org, surveys, login):
    assert login(roles.head_b).get(f"/ikm/unit/{org.kel_a.pk}/").status_code == 404
    url = f"/ikm/unit/{org.kel_a.pk}/ekspor.csv"
    assert login(roles.head_b).get(url).status_code == 404
    assert login(roles.bpsdm).get(f"/ikm/unit/{org.bpsdm.pk}/").status_code == 404


def test_trend_query_count(roles, org, login, django_assert_num_queries):
    client = login(roles.head_a)
    import_survey(org.kel_a, "2018Q1")
    report_survey(org.kel_a, "2019Q1")
    with django_assert_num_queries(11):
        client.get(f"/ikm/unit/{org.kel_a.pk}/")
    for quarter in (2, 3, 4):
        import_survey(org.kel_a, f"2018Q{quarter}")
        report_survey(org.kel_a, f"2019Q{quarter}")
    with django_assert_num_queries(11):
        response = client.get(f"/ikm/unit/{org.kel_a.pk}/")
    assert len(response.context["results"]) == 8


def test_trend_export(roles, org, surveys, login):
    lines = (
        login(roles.head_a)
        .get(f"/ikm/unit/{org.kel_a.pk}/ekspor.csv")
        .getvalue()
        .decode("utf-8-sig")
        .splitlines()
    )
    assert lines == [
        "Periode,Kuesioner,Sumber nilai,Responden,IKM,Mutu,JP unit dalam periode",
        '2018Q4,PermenPANRB 14/2017 (9 unsur),dihitung,2,"79,17",B,"0,00"',
    ]
    staff = login(roles.staff_a).get(f"/ikm/unit/{org.kel_a.pk}/ekspor.csv")
    assert staff.getvalue().decode("utf-8-sig").splitlines()[0] == (
        "Periode,Kuesioner,Sumber nilai,Responden,IKM,Mutu"
    )


# -- comparison -----------------------------------------------------------------------


def test_comparison_of_kelurahan(roles, org, surveys, login):
    response = login(roles.head_kecamatan).get(
        "/ikm/perbandingan/?period=2018Q4&level=kelurahan"
    )
    table = response.context["table"]
    assert [r.survey.unit.code for r in table.results] == [
        "JB-KMB-MU",
        "JB-KMB-JG",
    ] or [r.survey.unit.code for r in table.results] == ["JB-KMB-JG", "JB-KMB-MU"]
    assert table.element_set.code == "permenpanrb-14-2017"
    assert len(table.rows) == 9


def test_comparison_separates_questionnaires(roles, org, surveys, login):
    response = login(roles.bpsdm).get("/ikm/perbandingan/?period=2018Q4")
    table = response.context["table"]
    assert len(table.results) == 2
    assert [s.unit.code for s in table.other_sets] == ["JB-KMB"]
    dki = dki_set()
    response = login(roles.bpsdm).get(
        f"/ikm/perbandingan/?period=2018Q4&element_set={dki.pk}"
    )
    table = response.context["table"]
    assert [r.ikm for r in table.results] == [Decimal("84.98")]


def test_comparison_scoped(roles, org, surveys, login):
    response = login(roles.head_a).get("/ikm/perbandingan/?period=2018Q4")
    assert [r.survey.unit.code for r in response.context["table"].results] == [
        "JB-KMB-MU"
    ]
    assert response.context["table"].other_sets == []


def test_comparison_htmx_returns_the_table_only(roles, org, surveys, login):
    response = login(roles.bpsdm).get(
        "/ikm/perbandingan/?period=2018Q4&level=kecamatan", HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "<html" not in content
    assert "84,98" in content


def test_comparison_without_surveys(roles, login):
    response = login(roles.head_a).get("/ikm/perbandingan/")
    assert response.status_code == 200
    assert response.context["table"] is None
    assert login(roles.head_a).get("/ikm/perbandingan/ekspor.csv").status_code == 404


def test_comparison_export(roles, org, surveys, login):
    response = login(roles.bpsdm).get(
        "/ikm/perbandingan/ekspor.csv?period=2018Q4&level=kecamatan"
    )
    lines = response.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0] == "Unsur pelayanan,Kembangan (dilaporkan)"
    assert lines[1] == 'IKM (TOTAL),"84,98"'
    assert lines[-1] == 'Kualitas sarana dan prasarana,"73,77"'


def test_comparison_query_count(roles, org, login, django_assert_num_queries):
    client = login(roles.bpsdm)
    import_survey(org.kel_a, "2018Q4")
    with django_assert_num_queries(10):
        client.get("/ikm/perbandingan/?period=2018Q4")
    import_survey(org.kel_b, "2018Q4")
    import_survey(org.kecamatan, "2018Q4")
    import_survey(org.kota, "2018Q4")
    with django_assert_num_queries(10):
        response = client.get("/ikm/perbandingan/?period=2018Q4")
    assert len(response.context["table"].results) == 4


def test_comparison_pages_units_and_exports_them_all(roles, org, login):
    """Twelve units side by side a page; the export has every unit; surveys on
    another questionnaire are counted, the first ones named."""
    from people.tests.factories import UnitFactory

    for n in range(14):
        unit = UnitFactory(
            code=f"JB-KMB-P{n:02}", kind="kelurahan", parent=org.kecamatan
        )
        import_survey(unit, "2018Q4")
    client = login(roles.bpsdm)
    url = "/ikm/perbandingan/?period=2018Q4&level=kelurahan"
    first = client.get(url).context["table"]
    assert [r.survey.unit.code for r in first.results] == [
        f"JB-KMB-P{n:02}" for n in range(12)
    ]
    assert (first.page.number, first.page.paginator.count) == (1, 14)
    second = client.get(url + "&page=2")
    assert [r.survey.unit.code for r in second.context["table"].results] == [
        "JB-KMB-P12",
        "JB-KMB-P13",
    ]
    assert "unit 13–14 dari 14" in second.content.decode()
    lines = (
        client.get("/ikm/perbandingan/ekspor.csv?period=2018Q4&level=kelurahan")
        .getvalue()
        .decode("utf-8-sig")
        .splitlines()
    )
    from people.models import Unit

    names = dict(Unit.objects.values_list("code", "name"))
    assert lines[0].split(",")[1:] == [names[f"JB-KMB-P{n:02}"] for n in range(14)]


# -- questionnaires, menu, dashboard --------------------------------------------------


def test_element_sets_page_and_template(roles, login):
    client = login(roles.staff_a)
    response = client.get("/ikm/kuesioner/")
    assert "Kecukupan/Keefektifan info/pengaduan" in response.content.decode()
    template = client.get("/ikm/kuesioner/permenpanrb-14-2017/templat.csv")
    assert template.getvalue().decode("utf-8-sig").splitlines() == [
        "persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,"
        "sarana,jenis_kelamin,umur,pendidikan,jenis_layanan"
    ]


def test_dashboard_cards(roles, org, surveys, login):
    response = login(roles.head_a).get("/")
    cards = [c for c in response.context["cards"] if c.title == "IKM terbaru"]
    assert [(c.value, c.tone) for c in cards] == [("79,17 (B)", "primary")]
    response = login(roles.bpsdm).get("/")
    titles = {c.title: c.value for c in response.context["cards"]}
    assert titles["Survei IKM 2018Q4"] == "3"


def test_menu_entry(roles, login):
    response = login(roles.staff_a).get("/ikm/")
    assert any(item.url == "/ikm/" for item in response.context["nav_items"])


def test_anonymous_redirected_to_login(client, org, surveys):
    assert client.get("/ikm/").status_code == 302
    assert client.get(_detail(org.kel_a)).status_code == 302


def test_detail_responses_export(roles, org, login):
    from surveys.tests.factories import csv_bytes

    headers = [f"u{i}" for i in range(1, 10)] + [
        "jenis_kelamin",
        "umur",
        "jenis_layanan",
    ]
    content = csv_bytes(
        headers, [[4] * 9 + ["P", "30", "=HYPERLINK(1)"], [3] * 9 + ["", "", "IMB"]]
    )
    from sosiokultural.periods import Period
    from surveys.services import survey_import_responses

    survey_import_responses(
        unit=org.kel_a, period=Period(2018, 4), filename="a.csv", content=content
    )
    response = login(roles.staff_a).get(_detail(org.kel_a) + "ekspor/responden.csv")
    assert response.getvalue().decode("utf-8-sig").splitlines() == [
        "Baris berkas,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,"
        "pengaduan,sarana,jenis_kelamin,umur,pendidikan,jenis_layanan",
        "2,4,4,4,4,4,4,4,4,4,P,30,,'=HYPERLINK(1)",
        "3,3,3,3,3,3,3,3,3,3,,,,IMB",
    ]
    assert (
        login(roles.head_b).get(_detail(org.kel_a) + "ekspor/responden.csv").status_code
        == 404
    )


def test_detail_responses_export_not_for_reported(roles, org, surveys, login):
    url = _detail(org.kecamatan) + "ekspor/responden.csv"
    assert login(roles.bpsdm).get(url).status_code == 404


def test_comparison_query_count_does_not_grow(
    roles, org, login, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from people.tests.factories import UnitFactory

    client = login(roles.bpsdm)
    import_survey(org.kel_a, "2018Q4")
    url = "/ikm/perbandingan/?period=2018Q4&level=kelurahan"
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    import_survey(org.kel_b, "2018Q4", rows=[[3, 3, 3, 3, 3, 3, 3, 3, 3]] * 40)
    for n in range(5):
        unit = UnitFactory(code=f"JB-KMB-X{n}", kind="kelurahan", parent=org.kecamatan)
        import_survey(unit, "2018Q4")
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["table"].results) == 7
