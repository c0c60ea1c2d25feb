from datetime import timedelta

from django.utils import timezone

from assessments.models import Attempt
from assessments.services import answer_save, attempt_start
from assessments.tasks import finalise_expired


def test_finalise_expired_task_submits_timed_out_attempts(attempt_a, items):
    started = timezone.now() - timedelta(minutes=31)
    attempt_start(attempt=attempt_a, now=started)
    answer_save(attempt=attempt_a, item_id=items[0].pk, value=5, now=started)
    assert finalise_expired.apply().get() == 1
    attempt_a.refresh_from_db()
    assert attempt_a.status == Attempt.Status.SUBMITTED
    assert attempt_a.result.dimension_results.get(level__isnull=False).level == 5
    assert finalise_expired.apply().get() == 0
