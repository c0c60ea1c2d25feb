"""Feedback notices end to end: PostgreSQL, a real Redis broker and a real Celery
worker (run by .ci/run). Exactly one delivered notice per (result, recipient)."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Answer, Attempt, Result
from assessments.services import attempt_submit, results_release, window_create
from notices.models import Notice
from notices.services import notice_claim, notice_create
from notices.tasks import deliver_notice, sweep_notices
from people.models import User
from people.tests.factories import EmployeeFactory, UnitFactory, UserFactory
from sosiokultural.broker import broker_reset
from testsupport import wait_for

pytestmark = pytest.mark.broker

RESULTS = 100


@pytest.fixture(autouse=True)
def _forget_broker_failures():
    broker_reset()
    yield
    broker_reset()


def _scored_results(instrument, count: int) -> tuple[list[Result], User]:
    """``count`` submitted attempts by employees with a login, in a unit with one
    head. Answers are written in bulk (setup only); scoring is the real one."""
    unit = UnitFactory(code="JB-KMB-SR", name="Srengseng")
    head = UserFactory(
        username="kepala.srengseng",
        role=User.Role.HEAD,
        employee=EmployeeFactory(unit=unit),
    )
    employees = [
        UserFactory(username=f"staf{n:03d}", employee=EmployeeFactory(unit=unit))
        for n in range(count)
    ]
    now = timezone.now()
    window = window_create(
        instrument=instrument,
        title="Uji massal",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(hours=1),
        employees=[u.employee for u in employees],
        by=head,
    )
    window.attempts.update(
        status=Attempt.Status.STARTED,
        started_at=now,
        deadline=now + timedelta(minutes=30),
    )
    items = list(instrument.items.prefetch_related("options"))
    Answer.objects.bulk_create(
        Answer(
            attempt=attempt,
            item=item,
            value=3,
            option=item.options.all()[2] if item.uses_options else None,
        )
        for attempt in window.attempts.all()
        for item in items
    )
    results = [attempt_submit(attempt=a) for a in window.attempts.order_by("pk")]
    return results, head


def _delivered() -> int:
    return Notice.objects.filter(
        kind="assessment_result", status=Notice.Status.DELIVERED
    ).count()


def _assert_one_per_result_and_recipient(results, head) -> None:
    rows = list(
        Notice.objects.filter(kind="assessment_result").values_list(
            "dedupe_key", "recipient_id", "status", "attempts"
        )
    )
    assert len(rows) == 2 * len(results)
    expected = set()
    for result in results:
        employee_user = result.employee.user_id
        expected.add(f"result:{result.pk}:user:{employee_user}")
        expected.add(f"result:{result.pk}:user:{head.pk}")
    assert {row[0] for row in rows} == expected
    assert {row[2] for row in rows} == {"delivered"}
    # One successful claim each: one send each.
    assert {row[3] for row in rows} == {1}


def test_release_100_results_delivers_200_notices(celery_worker_process, instrument):
    results, head = _scored_results(instrument, RESULTS)
    assert results_release(results=results, by=None) == RESULTS
    # The delivery task runs twice more for one notice (a retry, a duplicate
    # message): it still sends once.
    twice = Notice.objects.filter(recipient=head).order_by("pk").first()
    deliver_notice.apply_async(kwargs={"notice_id": twice.pk})
    deliver_notice.apply_async(kwargs={"notice_id": twice.pk})
    # A later notice marks the point where the worker has run both (FIFO queue).
    marker = notice_create(
        recipient=head, kind="test", dedupe_key="marker", subject="S", body="B"
    )
    assert wait_for(lambda: _delivered() == 2 * RESULTS, timeout=40)
    assert wait_for(
        lambda: Notice.objects.get(pk=marker.pk).status == "delivered", timeout=20
    )
    _assert_one_per_result_and_recipient(results, head)


def test_broker_down_at_release_then_back(
    private_redis, celery_worker_process, instrument
):
    results, head = _scored_results(instrument, RESULTS)
    private_redis.stop()

    started = time.monotonic()
    assert results_release(results=results, by=None) == RESULTS
    # Publishing failed fast instead of hanging the release.
    assert time.monotonic() - started < 20
    # Released and written to the outbox in the same transaction, not yet sent.
    assert Result.objects.filter(status="released").count() == RESULTS
    assert Notice.objects.filter(kind="assessment_result").count() == 2 * RESULTS
    time.sleep(1)
    assert _delivered() == 0

    private_redis.start()
    assert sweep_notices() == 2 * RESULTS
    assert wait_for(lambda: _delivered() == 2 * RESULTS, timeout=45)
    _assert_one_per_result_and_recipient(results, head)
    assert sweep_notices() == 0


def test_worker_died_mid_delivery_is_delivered_once_after_lease(
    celery_worker_process, instrument
):
    results, head = _scored_results(instrument, 1)
    # Release with the notices already "claimed by a worker that died": the
    # claim happens before the on-commit publish is consumed.
    from django.db import transaction

    with transaction.atomic():
        results_release(results=results, by=None)
        for notice in Notice.objects.all():
            assert notice_claim(notice_id=notice.pk) is True
    time.sleep(1)
    assert _delivered() == 0  # the queued deliveries found the rows claimed
    Notice.objects.update(claimed_at=timezone.now() - timedelta(minutes=6))
    assert sweep_notices() == 2
    assert wait_for(lambda: _delivered() == 2, timeout=20)
    assert set(Notice.objects.values_list("attempts", flat=True)) == {2}


def test_release_job_through_the_page_with_a_real_worker(
    celery_worker_process, instrument, client
):
    from assessments.models import ReleaseJob

    results, head = _scored_results(instrument, RESULTS)
    client.force_login(head)
    window = results[0].attempt.window
    started = time.monotonic()
    response = client.post(f"/uji/jadwal/{window.pk}/rilis/", {"confirm": "ya"})
    assert time.monotonic() - started < 5  # queued, not released in the request
    job = ReleaseJob.objects.get()
    assert response["Location"] == f"/uji/rilis/{job.pk}/"
    assert wait_for(
        lambda: ReleaseJob.objects.get(pk=job.pk).status == "done", timeout=60
    )
    job.refresh_from_db()
    assert (job.released_count, job.attempts, job.progress) == (RESULTS, 1, 100)
    assert Result.objects.filter(status="released", released_by=head).count() == (
        RESULTS
    )
    assert wait_for(lambda: _delivered() == 2 * RESULTS, timeout=60)
    _assert_one_per_result_and_recipient(results, head)
