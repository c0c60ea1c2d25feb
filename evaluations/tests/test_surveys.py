"""Level 1: the reaction survey — only participants, once, while open."""

import pytest
from django.core.exceptions import ValidationError

from activities.tests.factories import record_briefing
from evaluations.models import Reaction
from evaluations.selectors import open_surveys, survey_subject_get_for_user
from evaluations.services import reaction_submit
from evaluations.tests.factories import completed, ended_program, self_study

pytestmark = pytest.mark.django_db

ANSWERS = {"relevance": "5", "usefulness": "4", "facilitator": "3", "recommend": "4"}


@pytest.fixture
def program(roles):
    program = ended_program(2, title="Diklat Komunikasi II")
    completed(program, roles.staff_a.employee, roles.bpsdm)
    return program


def test_participant_answers_once(program, roles, client):
    client.force_login(roles.staff_a)
    url = f"/evaluasi/survei/program/{program.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {**ANSWERS, "comment": "  Bagus sekali.  "})
    assert response.status_code == 302
    reaction = Reaction.objects.get()
    assert (
        reaction.employee,
        reaction.program,
        reaction.relevance,
        reaction.usefulness,
        reaction.facilitator,
        reaction.recommend,
        reaction.comment,
    ) == (roles.staff_a.employee, program, 5, 4, 3, 4, "Bagus sekali.")
    again = client.post(url, ANSWERS)
    assert again.status_code == 400
    assert "Anda sudah mengisi survei ini" in again.content.decode()
    assert Reaction.objects.count() == 1


def test_missing_or_out_of_range_answers_are_clear_errors(program, roles, client):
    client.force_login(roles.staff_a)
    url = f"/evaluasi/survei/program/{program.pk}/"
    response = client.post(url, {**ANSWERS, "relevance": "9", "recommend": ""})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "relevance": ["Pilih nilai 1 sampai 5."],
        "recommend": ["Pilih nilai 1 sampai 5."],
    }
    assert not Reaction.objects.exists()


def test_non_participants_get_404(program, roles, client):
    for user in (roles.staff_b, roles.head_a, roles.bpsdm, roles.inspector):
        client.force_login(user)
        url = f"/evaluasi/survei/program/{program.pk}/"
        assert client.get(url).status_code == 404
        assert client.post(url, ANSWERS).status_code == 404
    client.force_login(roles.staff_a)
    assert client.get("/evaluasi/survei/lain/1/").status_code == 404


def test_survey_closes_after_the_configured_days(roles, client, settings):
    settings.EVALUATION_SURVEY_DAYS = 14
    old = ended_program(15)
    completed(old, roles.staff_a.employee, roles.bpsdm)
    client.force_login(roles.staff_a)
    response = client.post(f"/evaluasi/survei/program/{old.pk}/", ANSWERS)
    assert response.status_code == 400
    assert "Survei ini sudah ditutup pada" in response.content.decode()
    assert not Reaction.objects.exists()
    assert open_surveys(roles.staff_a) == []


def test_not_completed_is_not_a_participant(roles, client):
    program = ended_program(1)
    completed(program, roles.staff_a.employee, roles.bpsdm, outcome="not_completed")
    client.force_login(roles.staff_a)
    assert client.get(f"/evaluasi/survei/program/{program.pk}/").status_code == 404


def test_activity_survey_for_present_attendees_of_evaluated_forms(roles, client):
    study = self_study(roles.head_a, roles.staff_a.employee, days_ago=1)
    briefing = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    client.force_login(roles.staff_a)
    assert client.get(f"/evaluasi/survei/kegiatan/{study.pk}/").status_code == 200
    # The daily briefing has no survey.
    assert client.get(f"/evaluasi/survei/kegiatan/{briefing.pk}/").status_code == 404
    assert (
        client.post(f"/evaluasi/survei/kegiatan/{study.pk}/", ANSWERS).status_code
        == 302
    )
    assert Reaction.objects.get().activity == study


def test_pending_list_shows_open_unanswered_surveys(program, roles, client):
    study = self_study(roles.head_a, roles.staff_a.employee, days_ago=3)
    surveys = open_surveys(roles.staff_a)
    assert [(s.kind, s.pk) for s in surveys] == [
        ("kegiatan", study.pk),  # closes first (ended 3 days ago)
        ("program", program.pk),
    ]
    client.force_login(roles.staff_a)
    html = client.get("/evaluasi/").content.decode()
    assert f"/evaluasi/survei/program/{program.pk}/" in html
    assert open_surveys(roles.staff_b) == []
    assert "Evaluasi yang belum diisi" in client.get("/").content.decode()


def test_service_refuses_a_second_answer_and_a_closed_survey(program, roles):
    subject = survey_subject_get_for_user(roles.staff_a, "program", program.pk)
    answers = {"relevance": 5, "usefulness": 5, "facilitator": 5, "recommend": 5}
    reaction_submit(subject=subject, answers=answers)
    subject = survey_subject_get_for_user(roles.staff_a, "program", program.pk)
    with pytest.raises(ValidationError):
        reaction_submit(subject=subject, answers=answers)
    subject.answered, subject.is_open = None, False
    with pytest.raises(ValidationError, match="ditutup"):
        reaction_submit(subject=subject, answers=answers)


def test_pending_page_queries_are_constant(
    program, roles, client, django_assert_num_queries
):
    client.force_login(roles.staff_a)
    client.get("/evaluasi/")
    with django_assert_num_queries(6) as first:
        client.get("/evaluasi/")
    for days in range(2, 6):
        self_study(roles.head_a, roles.staff_a.employee, days_ago=days)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get("/evaluasi/")
