from datetime import date, timedelta

from django.utils import timezone

from assessments.models import Attempt, LevelSnapshotDay
from assessments.services import answer_save, attempt_start
from assessments.tasks import finalise_expired, snapshot_quarters


def test_finalise_expired_task_submits_timed_out_attempts(attempt_a, items):
    started = timezone.now() - timedelta(minutes=31)
    attempt_start(attempt=attempt_a, now=started)
    answer_save(attempt=attempt_a, item_id=items[0].pk, value=5, now=started)
    assert finalise_expired.apply().get() == 1
    attempt_a.refresh_from_db()
    assert attempt_a.status == Attempt.Status.SUBMITTED
    assert attempt_a.result.dimension_results.get(level__isnull=False).level == 5
    assert finalise_expired.apply().get() == 0


def test_snapshot_quarters_counts_each_offered_quarter_end_once(db, time_machine):
    time_machine.move_to("2026-05-14 09:00 +07:00")
    assert snapshot_quarters.apply().get() == 8
    days = sorted(LevelSnapshotDay.objects.values_list("on", flat=True))
    assert days[0] == date(2024, 6, 30)
    assert days[-1] == date(2026, 3, 31)
    assert snapshot_quarters.apply().get() == 0  # nothing new the same quarter
    time_machine.move_to("2026-07-01 00:20 +07:00")
    assert snapshot_quarters.apply().get() == 1  # the quarter just ended
    assert LevelSnapshotDay.objects.order_by("-on").first().on == date(2026, 6, 30)
