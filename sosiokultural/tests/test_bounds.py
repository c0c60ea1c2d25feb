"""Numbers past the column type and words where a path is expected are refused
with a message, never a server error (the cases the form fuzz started from)."""

import pytest

from sosiokultural.inputs import column_max, column_range, query_int, query_text
from surveys.models import Survey
from surveys.tests.factories import import_survey

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def test_column_range_is_the_postgresql_column_type():
    assert column_range(Survey, "population") == (0, 2147483647)
    assert column_max(Survey, "population") == 2147483647


def test_population_past_the_column_is_a_message(org, roles, login):
    survey = import_survey(org.kel_a, "2024Q1")
    url = f"/ikm/unit/{org.kel_a.pk}/{survey.period}/populasi/"
    response = login(roles.head_a).post(url, {"population": HUGE}, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Jumlah pemohon/populasi harus bilangan bulat > 0."
    ]
    survey.refresh_from_db()
    assert survey.population is None
    login(roles.head_a).post(url, {"population": "2147483647"})
    survey.refresh_from_db()
    assert survey.population == 2147483647


def test_program_capacity_past_the_limit_is_a_form_error(roles, login):
    response = login(roles.bpsdm).post("/program/baru/", {"capacity": HUGE})
    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors


def test_next_that_is_not_a_path_falls_back(org, roles, login):
    from testsupport.matrix_world import build_world

    # A word is not a page: the verification goes back to the activity.
    world = build_world(org, roles)
    response = login(roles.head_a).post(
        f"/kegiatan/{world.activity.pk}/verifikasi/", {"next": "2024-02-30"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/kegiatan/{world.activity.pk}/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("", 3), ("x", 3), (HUGE, 3), ("-1", 3), ("2147483648", 3)],
)
def test_query_int(rf, text, expected):
    assert query_int(rf.get("/", {"page": text}).GET, "page", 3) == expected


def test_query_text_is_trimmed_and_bounded(rf):
    assert query_text(rf.get("/", {"q": "  ani  "}).GET, "q") == "ani"
    assert len(query_text(rf.get("/", {"q": "x" * 500}).GET, "q")) == 200
