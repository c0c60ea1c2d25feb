"""Races that only a real database shows: two submits or two releases at once."""

import threading

import pytest
from django.db import connection, connections

from assessments.models import Result
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    result_release,
)
from notices.models import Notice

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises writers)")


def _race(function, count=2):
    barrier = threading.Barrier(count)
    outcomes, errors = [], []

    def run():
        try:
            barrier.wait()
            outcomes.append(function())
        except Exception as exc:  # noqa: BLE001 - reported by the assertion
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return outcomes


def test_double_submit_makes_one_result(attempt_a, items):
    attempt_start(attempt=attempt_a)
    for item in items:
        answer_save(attempt=attempt_a, item_id=item.pk, value=4)
    results = _race(lambda: attempt_submit(attempt=attempt_a).pk, count=4)
    assert len(set(results)) == 1
    assert Result.objects.filter(attempt=attempt_a).count() == 1


def test_double_release_sends_one_set_of_notices(attempt_a, roles):
    attempt_start(attempt=attempt_a)
    result = attempt_submit(attempt=attempt_a)
    released = _race(lambda: result_release(result=result, by=roles.bpsdm), count=3)
    assert sorted(released) == [False, False, True]
    assert Notice.objects.filter(kind="assessment_result").count() == 3
