"""The effectiveness report's every figure equals the hand-computed fixture
(``fixture.py``), in the selector, on the page and in the export; a head sees
their scope's figures only; the page costs the same queries at two sizes."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from activities.tests.factories import at, record_self_development
from evaluations import effectiveness
from evaluations.tests import fixture
from evaluations.tests.fixture import YEAR
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def world(org, roles, settings):
    settings.EVALUATION_MIN_GROUP = 2
    return fixture.build(org, roles)


def flat(rows) -> dict:
    """{label: (participants, responses, [item means],
    {dimension code: ([not seen, partly, consistent],
                      (participants n, mean), (others n, mean))})}."""
    return {
        row.label: (
            row.participants,
            row.responses,
            row.means,
            {
                line.dimension.code: (
                    line.outcome_counts,
                    (line.participants.count, line.participants.mean),
                    (line.others.count, line.others.mean),
                )
                for line in row.dimensions
            },
        )
        for row in rows
    }


# BPSDM, 2025. Reaction answers (relevance, usefulness, facilitator, recommend):
# P1: a1 (5,4,4,5), a2 (4,4,3,5), b1 (3,5,4,4) → sums 12, 13, 11, 14 over 3:
#     4.00, 4.33, 3.67, 4.67. P2: b2 only → 1 response < 2: no means.
# Level change = second round − first round (in force on the start day).
# P1 participants a1, a2, a3, b1 (a3 has no first round: not compared):
#   D1: a1 3−2=+1, a2 3−1=+2, b1 4−3=+1 → n 3, 4/3 = 1.33
#   D2: a1 4−2=+2, a2 3−3=0, b1 2−2=0 → n 3, 2/3 = 0.67
# P1 others, the active people of units A and B outside P1 (a4 was rejected;
# the roles' logins have no levels; b3 has no first round on D1/D2):
#   D1: a4 2−2=0, a5 4−3=+1, b2 3−2=+1 → n 3, 2/3 = 0.67
#   D2: a4 2−1=+1, a5 2−3=−1, b2 2−2=0 → n 3, 0/3 = 0.00
# Follow-ups P1: D1 a1 consistent, a2 partly, b1 consistent → [0, 1, 2];
#   D2 a1 partly, a2 not seen, b1 consistent → [1, 1, 1].
# P2 (D6 from the matrix): b2 1→2 = +1 → n 1, no mean; others in unit B: b3
#   2→2 = 0 → n 1, no mean (a5 did not complete and is in unit A). b2 partly.
P1_ALL = (
    4,
    3,
    [D("4.00"), D("4.33"), D("3.67"), D("4.67")],
    {
        fixture.D1: ([0, 1, 2], (3, D("1.33")), (3, D("0.67"))),
        fixture.D2: ([1, 1, 1], (3, D("0.67")), (3, D("0.00"))),
    },
)
P2_ALL = (
    1,
    1,
    [None, None, None, None],
    {fixture.D6: ([0, 1, 0], (1, None), (1, None))},
)
# Pengembangan diri: sd1 (a4), sd2 (a5), sd3 (a4 again), D4: 3 participations.
# Answers a4 (4,4,4,4) on sd1, a5 (5,5,5,3) on sd2 → 2 responses,
# 9/2, 9/2, 9/2, 7/2 = 4.50, 4.50, 4.50, 3.50.
# A form row compares from 1 January 2025 (first round of 10 December 2024 in
# force), distinct people: participants a4 3−2=+1, a5 3−3=0 (a4 once, though
# in two activities) → n 2, 1/2 = 0.50. Others: the active people of unit A
# (the participants' only unit) who are neither a4 nor a5: a1 2−1=+1,
# a2 4−2=+2 (a3 has no D4; the logins no levels) → n 2, 3/2 = 1.50.
# Follow-up: a4 consistent on D4 for sd1 → [0, 0, 1].
SELF_ALL = (
    3,
    2,
    [D("4.50"), D("4.50"), D("4.50"), D("3.50")],
    {fixture.D4: ([0, 0, 1], (2, D("0.50")), (2, D("1.50")))},
)
# The form rows of the external forms pool one program each: from 1 January
# the first round is in force as on the program's start day, and the groups are
# the same people, so Diklat Komunikasi = P1 and Diklat Disabilitas = P2.
# Head of kelurahan A: only unit A's people.
# P1: participants a1, a2, a3 → 3; answers a1, a2 → 9/2, 8/2, 7/2, 10/2 =
#   4.50, 4.00, 3.50, 5.00. D1: a1 +1, a2 +2 → n 2, 3/2 = 1.50; others a4 0,
#   a5 +1 → n 2, 0.50. D2: a1 +2, a2 0 → n 2, 1.00; others a4 +1, a5 −1 → n 2,
#   0.00. Follow-ups D1 [0, 1, 1], D2 [1, 1, 0]. P2 has nobody of unit A.
P1_HEAD_A = (
    3,
    2,
    [D("4.50"), D("4.00"), D("3.50"), D("5.00")],
    {
        fixture.D1: ([0, 1, 1], (2, D("1.50")), (2, D("0.50"))),
        fixture.D2: ([1, 1, 0], (2, D("1.00")), (2, D("0.00"))),
    },
)


def _program_rows(user):
    programs = effectiveness.report_programs(user, YEAR)
    return effectiveness.program_rows(user, YEAR, programs)


def test_selector_bpsdm_equals_the_hand_computed_figures(world, roles):
    rows = _program_rows(roles.bpsdm)
    assert [r.label for r in rows] == ["P2 Diklat Disabilitas", "P1 Diklat Komunikasi"]
    assert flat(rows) == {
        "P2 Diklat Disabilitas": P2_ALL,
        "P1 Diklat Komunikasi": P1_ALL,
    }
    forms = effectiveness.form_rows(roles.bpsdm, YEAR)
    assert flat(forms) == {
        "Diklat Komunikasi": P1_ALL,
        "Diklat Pelayanan bagi Penyandang Disabilitas": P2_ALL,
        "Pengembangan Diri": SELF_ALL,
    }


def test_selector_head_sees_their_scope_only(world, roles):
    assert flat(_program_rows(roles.head_a)) == {"P1 Diklat Komunikasi": P1_HEAD_A}
    assert flat(effectiveness.form_rows(roles.head_a, YEAR)) == {
        "Diklat Komunikasi": P1_HEAD_A,
        "Pengembangan Diri": SELF_ALL,
    }


def test_a_group_below_the_minimum_shows_its_count_and_no_mean(world, roles, settings):
    settings.EVALUATION_MIN_GROUP = 4
    rows = flat(_program_rows(roles.bpsdm))
    # 3 responses and groups of 3 are below 4: counts stay, means go.
    assert rows["P1 Diklat Komunikasi"] == (
        4,
        3,
        [None, None, None, None],
        {
            fixture.D1: ([0, 1, 2], (3, None), (3, None)),
            fixture.D2: ([1, 1, 1], (3, None), (3, None)),
        },
    )


def test_a_form_row_of_a_later_year_compares_from_its_first_of_january(world, roles):
    """2026: the second round (June 2025) is in force on 1 January and is the
    level now, so every change is 0; the others are the active people of unit A
    with a D4 level then (a1, a2, a5), a4 being the only participant."""
    activity = record_self_development(
        roles.head_a,
        employee=world.people["a4"],
        started_at=at(fixture.date(YEAR + 1, 5, 5), 13),
    )
    activity.dimensions.set([world.dims[fixture.D4]])
    assert flat(effectiveness.form_rows(roles.bpsdm, YEAR + 1)) == {
        "Pengembangan Diri": (
            1,
            0,
            [None, None, None, None],
            {fixture.D4: ([0, 0, 0], (1, None), (3, D("0.00")))},
        )
    }


def test_page_shows_the_same_figures(world, roles, client):
    client.force_login(roles.bpsdm)
    response = client.get(f"/evaluasi/laporan/?tahun={YEAR}")
    assert response.status_code == 200
    assert flat(response.context["program_rows"]) == {
        "P2 Diklat Disabilitas": P2_ALL,
        "P1 Diklat Komunikasi": P1_ALL,
    }
    assert flat(response.context["form_rows"])["Pengembangan Diri"] == SELF_ALL
    html = response.content.decode()
    # Indonesian number format on the page: 1,33 (P1 D1 participants), 1,50.
    assert "3, 1,33" in html
    assert "2, 1,50" in html


def test_head_page_shows_their_scope(world, roles, client):
    client.force_login(roles.head_a)
    response = client.get(f"/evaluasi/laporan/?tahun={YEAR}")
    assert flat(response.context["program_rows"]) == {"P1 Diklat Komunikasi": P1_HEAD_A}


def _sheet_rows(workbook, title):
    rows = list(workbook[title].iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_export_has_the_same_figures(world, roles, client):
    client.force_login(roles.bpsdm)
    response = client.get(f"/evaluasi/laporan/ekspor.xlsx?tahun={YEAR}")
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    header, rows = _sheet_rows(workbook, "Per program")
    assert header[:4] == (
        "Program",
        "Bentuk / penyelenggara",
        "Peserta",
        "Jawaban survei reaksi",
    )
    assert len(header) == 16
    # program, form, participants, responses, 4 means, dimension,
    # not seen, partly, consistent, participants n, mean, others n, mean
    assert rows == [
        (
            "P2 Diklat Disabilitas",
            "Diklat Pelayanan bagi Penyandang Disabilitas",
            1,
            1,
            None,
            None,
            None,
            None,
            "Kepekaan Disabilitas",
            0,
            1,
            0,
            1,
            None,
            1,
            None,
        ),
        (
            "P1 Diklat Komunikasi",
            "Diklat Komunikasi",
            4,
            3,
            4.0,
            4.33,
            3.67,
            4.67,
            "Mengelola Keragaman Lingkungan Budaya",
            0,
            1,
            2,
            3,
            1.33,
            3,
            0.67,
        ),
        (
            "P1 Diklat Komunikasi",
            "Diklat Komunikasi",
            4,
            3,
            4.0,
            4.33,
            3.67,
            4.67,
            "Membangun Jejaring (Network) Sosial",
            1,
            1,
            1,
            3,
            0.67,
            3,
            0.0,
        ),
    ]
    __, form_lines = _sheet_rows(workbook, "Per bentuk")
    self_line = [r for r in form_lines if r[0] == "Pengembangan Diri"]
    assert self_line == [
        (
            "Pengembangan Diri",
            "Internal (dilaksanakan unit)",
            3,
            2,
            4.5,
            4.5,
            4.5,
            3.5,
            "Empati Sosial",
            0,
            0,
            1,
            2,
            0.5,
            2,
            1.5,
        )
    ]


def test_export_csv_is_the_program_sheet(world, roles, client):
    client.force_login(roles.head_a)
    response = client.get(f"/evaluasi/laporan/ekspor.csv?tahun={YEAR}")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert len(lines) == 3  # header, P1 × D1, P1 × D2
    assert lines[1].split(",")[0] == "P1 Diklat Komunikasi"


def test_report_refuses_staff_and_unknown_formats(world, roles, client):
    client.force_login(roles.staff_a)
    assert client.get("/evaluasi/laporan/").status_code == 403
    assert client.get("/evaluasi/laporan/ekspor.csv").status_code == 403
    client.force_login(roles.bpsdm)
    assert client.get("/evaluasi/laporan/ekspor.pdf").status_code == 404
    # A year outside the list falls back to this year: no rows, no error.
    response = client.get("/evaluasi/laporan/?tahun=1999&page=x")
    assert response.status_code == 200
    assert response.context["program_rows"] == []


def test_report_page_queries_do_not_grow(
    world, roles, org, client, django_assert_num_queries
):
    client.force_login(roles.bpsdm)
    url = f"/evaluasi/laporan/?tahun={YEAR}"
    client.get(url)
    with django_assert_num_queries(20) as first:
        client.get(url)
    for __ in range(3):  # more participants, answers and follow-ups of P1
        person = EmployeeFactory(unit=org.kel_b)
        fixture._participant(world.p1, person, roles.bpsdm)
        fixture._react(person, (1, 2, 3, 4), program=world.p1)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(url)
    assert flat(response.context["program_rows"])["P1 Diklat Komunikasi"][:2] == (
        7,
        6,
    )
