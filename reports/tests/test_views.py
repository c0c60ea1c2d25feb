"""Pages, exports and scoping of the reports: owner, head, BPSDM and an outsider
in every test; query counts equal at two data sizes."""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from assessments.rollups import quarter_snapshots_ensure
from competencies.tests.factories import RaterGroupWeightsFactory, StandardFactory
from multirater.models import Response
from multirater.tests.factories import PEERS, grouped_round, rated_round
from multirater.tests.test_selectors import HEADS
from multirater.tests.test_selectors import PEERS as WEIGHTED_PEERS
from people.tests.factories import EmployeeFactory
from plans.tests.factories import DevelopmentPlanFactory, PlanItemFactory
from sosiokultural.formatting import number
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


#: The peers' means of ``rated_round(peers=3)`` as the profile prints them.
PEER_MEANS = ["3,7", "2,3", "3,3", "2,7", "3,7", "2,3"]
FEEDBACK_HEADER = [
    "360 Atasan: rata-rata",
    "360 Atasan: penilai",
    "360 Rekan kerja: rata-rata",
    "360 Rekan kerja: penilai",
    "360 Bawahan: rata-rata",
    "360 Bawahan: penilai",
    "360 Semua penilai lain: rata-rata",
    "360 Semua penilai lain: penilai",
]
GAP_COLUMNS = 7  # the gap sheet's own columns; the profile's follow


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def _book_text(book) -> str:
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_employee_csv_and_xlsx_carry_the_360_profile_the_page_shows(org, roles, login):
    """Three peers (enough) and one head (too few), read by head A: the gap sheet
    (the CSV) carries the peers' means and number as the page prints them; the
    head's group only as "kurang dari 3 penilai", without its figure, size or
    comment; the combined figure is withheld as on the page (all four minus the
    peers would be the head's answer); the XLSX adds the comments and the note."""
    rated = rated_round(org, roles, peers=3)
    Response.objects.filter(comment=PEERS[0][1]).update(comment="=1+1 ZETA-RUMUS")
    client = login(roles.head_a)
    url = f"/laporan/pegawai/{rated.ratee.pk}/"
    page = client.get(url)
    feedback = page.context["feedback"]
    assert [number(line.peer.mean, 1) for line in feedback.lines] == PEER_MEANS
    assert all(f"{m} <span" in page.content.decode() for m in PEER_MEANS)
    expected = [
        ["kurang dari 3 penilai", "", mean, "3", "", "", "tidak ditampilkan", ""]
        for mean in PEER_MEANS
    ]

    rows = _csv_rows(client.get(f"{url}ekspor.csv"))
    assert rows[0][GAP_COLUMNS:] == FEEDBACK_HEADER
    assert [row[GAP_COLUMNS:] for row in rows[1:]] == expected
    text = "\n".join(",".join(row) for row in rows)
    assert "Diri sendiri" not in text and "ZETA" not in text

    book = load_workbook(io.BytesIO(client.get(f"{url}ekspor.xlsx").getvalue()))
    gaps = list(book["Kesenjangan"].iter_rows(values_only=True))
    assert list(gaps[0][GAP_COLUMNS:]) == FEEDBACK_HEADER
    assert [list(row[GAP_COLUMNS:]) for row in gaps[1:]] == [
        [
            "kurang dari 3 penilai",
            None,
            float(mean.replace(",", ".")),  # a number cell
            3,
            None,
            None,
            "tidak ditampilkan",
            None,
        ]
        for mean in PEER_MEANS
    ]
    comments = list(book["Komentar 360"].iter_rows(values_only=True))
    assert comments[0] == ("Kelompok penilai", "Komentar")
    # The profile's own list (by text, without author), formula text made inert.
    assert feedback.comments[0] == ("Rekan kerja", "=1+1 ZETA-RUMUS")
    assert comments[1:] == [
        ("Rekan kerja", "'=1+1 ZETA-RUMUS"),
        *feedback.comments[1:],
    ]
    about = {
        label: value
        for label, value, *__ in book["Keterangan"].iter_rows(values_only=True)
        if label
    }
    assert about["Profil penilaian 360"] == "Putaran 360 uji · Triwulan 4 2026"
    assert about["Penilaian 360"].startswith(
        "Nilai sebuah kelompok tampil bila sekurang-kurangnya 3 penilai mengisi."
    )
    whole = _book_text(book)
    assert "ZETA-HEAD" not in whole and "ZETA-SELF" not in whole
    assert "Diri sendiri" not in whole


def test_own_csv_and_xlsx_show_the_self_rating_beside_as_the_page_does(
    org, roles, login
):
    """Staff A downloading their own report: the self-rating in its own column
    and their own comment, as on their page; the groups' figures unchanged (the
    self-rating is never averaged in)."""
    rated = rated_round(org, roles, peers=3)
    client = login(roles.staff_a)
    url = f"/laporan/pegawai/{rated.ratee.pk}/"
    page = client.get(url)
    feedback = page.context["feedback"]
    assert feedback.self_shown and "ZETA-SELF" in page.content.decode()
    rows = _csv_rows(client.get(f"{url}ekspor.csv"))
    assert rows[0][GAP_COLUMNS:] == ["360 Diri sendiri", *FEEDBACK_HEADER]
    assert [row[GAP_COLUMNS] for row in rows[1:]] == [
        str(line.self_level) for line in feedback.lines
    ]
    assert [row[GAP_COLUMNS] for row in rows[1:]] == ["5"] * 6
    assert [row[GAP_COLUMNS + 3] for row in rows[1:]] == PEER_MEANS
    book = load_workbook(io.BytesIO(client.get(f"{url}ekspor.xlsx").getvalue()))
    assert [
        row[GAP_COLUMNS]
        for row in book["Kesenjangan"].iter_rows(min_row=2, values_only=True)
    ] == [5] * 6
    comments = list(book["Komentar 360"].iter_rows(min_row=2, values_only=True))
    assert comments == feedback.comments
    assert ("Diri sendiri", "Saya terus belajar ZETA-SELF") in comments
    assert "ZETA-HEAD" not in _book_text(book)


def test_employee_downloads_without_a_closed_round_leave_the_profile_out(
    org, roles, login
):
    """While the round runs there is no profile: the page leaves the section
    out, and so do the CSV and XLSX."""
    rated = rated_round(org, roles, peers=3, close=False)
    client = login(roles.head_a)
    url = f"/laporan/pegawai/{rated.ratee.pk}/"
    page = client.get(url)
    assert page.context["feedback"] is None
    assert "Profil penilaian 360" not in page.content.decode()
    rows = _csv_rows(client.get(f"{url}ekspor.csv"))
    assert len(rows[0]) == GAP_COLUMNS
    book = load_workbook(io.BytesIO(client.get(f"{url}ekspor.xlsx").getvalue()))
    assert "Komentar 360" not in book.sheetnames
    whole = _book_text(book)
    assert "Profil penilaian 360" not in whole and "Penilaian 360" not in whole


# -- the weighted 360 score in the downloads ---------------------------------------

# ``multirater.tests.test_selectors``' three heads and three peers, under self 1,
# head 2, peers 1. Anyone but the employee: (2 × head + peers) ÷ 3, self left out
# — (2 × 4 + 3) ÷ 3 = 3.67, (2 × 11/3 + 5/3) ÷ 3 = 3.00, … The employee:
# (5 + 2 × head + peers) ÷ 4 — (5 + 8 + 3) ÷ 4 = 4.00, (5 + 22/3 + 5/3) ÷ 4 = 3.50, …
THEIR_SCORES = ["3,67", "3,00", "3,67", "5,00", "1,00", "1,33"]
OWN_SCORES = ["4,00", "3,50", "4,00", "5,00", "2,00", "2,25"]
THEIR_PARTS = "Atasan ×2, 3 penilai · Rekan kerja ×1, 3 penilai"
OWN_PARTS = f"Diri sendiri ×1, 1 penilai · {THEIR_PARTS}"
WEIGHTED_HEADER = [
    "Skor 360 terbobot",
    "Skor 360 terbobot: kelompok, bobot, penilai",
    "Skor 360 terbobot: standar",
    "Skor 360 terbobot: standar berlaku mulai",
]
#: A version name that reads as a formula: the writer makes it inert.
WEIGHTED_STANDARD = "=Standar berbobot 2026"


def _weights_in_force():
    RaterGroupWeightsFactory(
        standard=StandardFactory(
            name=WEIGHTED_STANDARD, effective_from=date(2026, 10, 1)
        ),
        self_weight=1,
        head_weight=2,
        peer_weight=1,
    )


@pytest.mark.parametrize(
    ("who", "scores", "parts", "self_column"),
    [
        ("head_a", THEIR_SCORES, THEIR_PARTS, 0),
        ("bpsdm", THEIR_SCORES, THEIR_PARTS, 0),
        ("staff_a", OWN_SCORES, OWN_PARTS, 1),
    ],
)
def test_employee_csv_and_xlsx_carry_the_weighted_score_the_page_shows(
    org, roles, login, who, scores, parts, self_column
):
    """With weights in force the gap sheet (the CSV) adds the profile's own
    weighted score per dimension, the groups, weights and raters it used and
    the version the weights come from; the XLSX's note says how it is computed
    and, for anyone but the employee, that the self-rating is left out."""
    rated = grouped_round(org, roles, heads=HEADS, peers=WEIGHTED_PEERS)
    _weights_in_force()
    client = login(getattr(roles, who))
    url = f"/laporan/pegawai/{rated.ratee.pk}/"
    feedback = client.get(url).context["feedback"]
    assert [number(line.weighted, 2) for line in feedback.lines] == scores
    start = GAP_COLUMNS + self_column + len(FEEDBACK_HEADER)

    rows = _csv_rows(client.get(f"{url}ekspor.csv"))
    assert rows[0][start:] == WEIGHTED_HEADER
    assert [row[start:] for row in rows[1:]] == [
        [score, parts, "'=Standar berbobot 2026", "01-10-2026"] for score in scores
    ]

    book = load_workbook(io.BytesIO(client.get(f"{url}ekspor.xlsx").getvalue()))
    gaps = list(book["Kesenjangan"].iter_rows(values_only=True))
    assert list(gaps[0][start:]) == WEIGHTED_HEADER
    assert [list(row[start:]) for row in gaps[1:]] == [
        [
            float(Decimal(score.replace(",", "."))),  # a number cell
            parts,
            "'=Standar berbobot 2026",
            datetime(2026, 10, 1),  # a date cell
        ]
        for score in scores
    ]
    about = {
        label: value
        for label, value, *__ in book["Keterangan"].iter_rows(values_only=True)
        if label
    }
    note = about["Skor 360 terbobot"]
    assert note.startswith(
        "Skor 360 terbobot = Σ(bobot × rata-rata kelompok) ÷ Σ bobot, dengan bobot "
        "kelompok penilai dari standar “=Standar berbobot 2026” (berlaku mulai "
        "1 Okt 2026)"
    )
    left_out = "Penilaian diri (bobot 1) hanya terlihat oleh pegawai yang dinilai"
    assert (left_out in note) == (who != "staff_a")


def test_employee_downloads_say_why_there_is_no_weighted_score(org, roles, login):
    """One head and two peers (both below the threshold): weights are in force
    but no shown group weighs, so every row says so and lists no group."""
    rated = grouped_round(org, roles, heads=HEADS[:1], peers=WEIGHTED_PEERS[:2])
    _weights_in_force()
    client = login(roles.head_a)
    rows = _csv_rows(client.get(f"/laporan/pegawai/{rated.ratee.pk}/ekspor.csv"))
    start = GAP_COLUMNS + len(FEEDBACK_HEADER)
    assert rows[0][start:] == WEIGHTED_HEADER
    reason = "tidak dihitung: tidak ada kelompok yang tampil dengan bobot lebih dari 0"
    assert [row[start:] for row in rows[1:]] == [
        [reason, "", "'=Standar berbobot 2026", "01-10-2026"]
    ] * 6


def test_employee_downloads_without_weights_stay_as_they_were(org, roles, login):
    """The same answers without weights in the standard in force: no weighted
    column, no note, nothing combined."""
    rated = grouped_round(org, roles, heads=HEADS, peers=WEIGHTED_PEERS)
    client = login(roles.head_a)
    url = f"/laporan/pegawai/{rated.ratee.pk}/"
    assert client.get(url).context["feedback"].weighting is None
    rows = _csv_rows(client.get(f"{url}ekspor.csv"))
    assert rows[0][GAP_COLUMNS:] == FEEDBACK_HEADER
    assert all(len(row) == GAP_COLUMNS + len(FEEDBACK_HEADER) for row in rows)
    book = load_workbook(io.BytesIO(client.get(f"{url}ekspor.xlsx").getvalue()))
    assert (
        list(next(book["Kesenjangan"].iter_rows(values_only=True)))[GAP_COLUMNS:]
        == FEEDBACK_HEADER
    )
    whole = _book_text(book)
    assert "terbobot" not in whole and "×" not in whole


@pytest.mark.parametrize("peers", [3, 6])
def test_employee_csv_queries_do_not_grow_with_answers(
    org, roles, login, peers, django_assert_num_queries
):
    rated = rated_round(org, roles, peers=peers)
    client = login(roles.head_a)
    url = f"/laporan/pegawai/{rated.ratee.pk}/ekspor.csv"
    client.get(url)
    # 14 for the report (session, login, employee and the report's reads) and
    # five for the profile: the latest closed round, then the profile's four
    # (multirater.selectors.profile); whatever the number of answers.
    with django_assert_num_queries(19):
        rows = _csv_rows(client.get(url))
    assert rows[1][GAP_COLUMNS + 3] == str(peers)


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
    # 19, and three for the IKM follow-up (surveys, weak elements computed and
    # reported: surveys.pekppp.quarter_totals).
    with django_assert_num_queries(22):
        client.get(url)
    today = timezone.localdate()
    for employee in EmployeeFactory.create_batch(
        12, unit=org.kel_b, position_type=province.staff
    ):
        released_result(employee, today - timedelta(days=3), {province.d1: 2})
    with django_assert_num_queries(22):
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
    # 17, and three for the IKM follow-up per row (surveys.pekppp.quarter_totals).
    with django_assert_num_queries(20):
        client.get(url)
    today = timezone.localdate()
    for employee in EmployeeFactory.create_batch(
        15, unit=province.kec2, position_type=province.staff
    ):
        released_result(employee, today - timedelta(days=3), {province.d2: 1})
    with django_assert_num_queries(20):
        response = client.get(url)
    assert response.context["report"].employees == 25


def test_province_figures_are_whole_numbers(province, org, roles, login):
    """Every count of the aggregate's rows is an int on every database (a sum
    of sums is a numeric on PostgreSQL: a Decimal would reach the charts' JSON
    as text), with and without a filter that reads the level rows."""
    client = login(roles.bpsdm)
    for query in ("", "&gender=P"):
        report = client.get(
            f"/laporan/provinsi/?unit={org.province.pk}{query}"
        ).context["report"]
        assert report.rows
        for row in report.rows:
            assert type(row.employees) is int
            for stats in [*row.by_dimension.values(), row.all_dimensions]:
                values = [
                    stats.employees,
                    *stats.levels.values(),
                    stats.with_requirement,
                    stats.meeting,
                    stats.gap_sum,
                    stats.insufficient,
                ]
                assert {type(v) for v in values} == {int}, (query, stats)


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
    # The past points that are snapshot days are read in one query per standard
    # in force (two here) instead of one each.
    with django_assert_num_queries(21 if snapshots else 23):
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
