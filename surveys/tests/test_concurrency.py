import threading

import pytest
from django.db import connection

from sosiokultural.periods import Period
from surveys.models import Answer, Survey
from surveys.services import SurveyExists, survey_import_responses
from surveys.tests.factories import answers_csv, permen_set


def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, nothing to race")


@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_of_one_period_keep_exactly_one(org):
    _needs_postgres()
    element_set = permen_set()
    contents = [
        answers_csv(element_set, [[4] * 9] * 30),
        answers_csv(element_set, [[1] * 9] * 20),
    ]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run(content):
        from django.db import connections

        try:
            barrier.wait()
            survey_import_responses(
                unit=org.kecamatan,
                period=Period(2018, 4),
                filename="ikm.csv",
                content=content,
                element_set=element_set,
            )
            outcomes.append("saved")
        except SurveyExists:
            outcomes.append("exists")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in contents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["exists", "saved"]
    survey = Survey.objects.get()
    assert Answer.objects.filter(response__survey=survey).count() in {270, 180}
    assert Answer.objects.count() == survey.responses.count() * 9
