"""Releasing a round as a background job: lifecycle, one transaction for the whole
round, safe re-runs, the requester's page only, the releasable set in SQL."""

from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.utils import timezone

from assessments.models import LatestLevel, ReleaseJob, Result
from assessments.permissions import RELEASE_RESULT
from assessments.selectors import results_releasable_by
from assessments.services import answer_save, attempt_start, attempt_submit
from assessments.services.release import result_release, results_release_all
from assessments.services.release_jobs import (
    RELEASE_JOBS,
    release_job_request,
    release_job_run,
)
from assessments.tasks import release_sweep
from assessments.tests.factories import open_window
from audit.models import AuditEvent
from notices.models import Notice
from people.permissions import can
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _submitted(attempt, value=3):
    attempt_start(attempt=attempt)
    for item in attempt.window.instrument.items.all():
        answer_save(attempt=attempt, item_id=item.pk, value=value)
    return attempt_submit(attempt=attempt)


def _scored(window) -> list[Result]:
    return [_submitted(a) for a in window.attempts.order_by("pk")]


def test_release_job_pending_running_done(
    roles, window, monkeypatch, django_capture_on_commit_callbacks
):
    _scored(window)
    seen = []
    import assessments.services.release_jobs as jobs

    real = jobs.results_release_all

    def watching(**kwargs):
        seen.append(ReleaseJob.objects.values_list("status", flat=True).get())
        return real(**kwargs)

    monkeypatch.setattr(jobs, "results_release_all", watching)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = release_job_request(window=window, by=roles.bpsdm)
    job.refresh_from_db()
    assert (job.status, job.rows_expected, job.published_at) == ("pending", 2, None)
    callbacks[0]()  # eager: publishing runs the job
    job.refresh_from_db()
    assert seen == ["running"]
    assert (job.status, job.progress, job.released_count, job.attempts) == (
        "done",
        100,
        2,
        1,
    )
    assert (
        Result.objects.filter(status="released", released_by=roles.bpsdm).count() == 2
    )
    assert AuditEvent.objects.filter(action="result.release").count() == 2
    # staff A: self + kepala.a + kepala.kec; staff B: self + kepala.b + kepala.kec
    assert Notice.objects.filter(kind="assessment_result").count() == 6
    assert (
        LatestLevel.objects.filter(
            employee__in=[roles.staff_a.employee, roles.staff_b.employee]
        ).count()
        == LatestLevel.objects.count()
    )
    assert LatestLevel.objects.count() > 0


def test_release_job_is_all_or_nothing(roles, window, monkeypatch):
    _scored(window)
    import assessments.services.release as release

    def broken(**kwargs):
        raise RuntimeError("notice template broken")

    monkeypatch.setattr(release, "feedback_notices_create_many", broken)
    job = release_job_request(window=window, by=roles.bpsdm)
    assert release_job_run(job_id=job.pk) is False
    job.refresh_from_db()
    assert (job.status, job.error) == (
        "failed",
        "Rilis gagal; tidak ada hasil yang dirilis. Hubungi administrator.",
    )
    assert Result.objects.filter(status="released").count() == 0
    assert LatestLevel.objects.count() == 0
    assert AuditEvent.objects.filter(action="result.release").count() == 0


def test_release_job_database_error_is_retried_then_fails(roles, window, monkeypatch):
    _scored(window)
    import assessments.services.release as release

    def lost(**kwargs):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(release, "feedback_notices_create_many", lost)
    job = release_job_request(window=window, by=roles.bpsdm)
    release_job_run(job_id=job.pk)  # eager: each retry runs at once
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("failed", 3)
    assert Result.objects.filter(status="released").count() == 0


def test_release_job_rerun_skips_released_results(roles, window):
    first, second = _scored(window)
    assert result_release(result=first, by=roles.head_a) is True
    job = release_job_request(window=window, by=roles.bpsdm)
    assert release_job_run(job_id=job.pk) is True
    assert release_job_run(job_id=job.pk) is False  # delivered twice: runs once
    job.refresh_from_db()
    assert (job.status, job.released_count) == ("done", 1)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.released_by, second.released_by) == (roles.head_a, roles.bpsdm)
    assert Notice.objects.filter(kind="assessment_result").count() == 6
    again = release_job_request(window=window, by=roles.bpsdm)
    release_job_run(job_id=again.pk)
    again.refresh_from_db()
    assert (again.status, again.released_count) == ("done", 0)
    assert Notice.objects.filter(kind="assessment_result").count() == 6


def test_release_job_of_a_dead_worker_starts_over(roles, window):
    _scored(window)
    job = release_job_request(window=window, by=roles.bpsdm)
    assert RELEASE_JOBS.claim(job_id=job.pk)  # claimed, then the worker died
    ReleaseJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - RELEASE_JOBS.lease - timedelta(seconds=1)
    )
    assert release_sweep() == 1
    job.refresh_from_db()
    assert (job.status, job.attempts, job.released_count) == ("done", 2, 2)


def test_release_job_second_click_gives_the_unfinished_job(roles, window):
    _scored(window)
    job = release_job_request(window=window, by=roles.bpsdm)
    assert release_job_request(window=window, by=roles.bpsdm) == job
    assert ReleaseJob.objects.count() == 1


def test_releasable_results_are_those_the_predicate_allows(
    roles, org, instrument, heads_window_all
):
    window = heads_window_all
    results = _scored(window)
    for user in (
        roles.head_a,
        roles.head_b,
        roles.head_kecamatan,
        roles.bpsdm,
        roles.staff_a,
    ):
        expected = {r.pk for r in results if can(user, RELEASE_RESULT, r)}
        got = set(results_releasable_by(user, window).values_list("pk", flat=True))
        assert got == expected, user.username


@pytest.fixture
def heads_window_all(instrument, roles):
    return open_window(
        instrument,
        [
            roles.head_a.employee,
            roles.staff_a.employee,
            roles.staff_b.employee,
        ],
        by=roles.bpsdm,
    )


def test_release_page_returns_at_once_to_the_job_page(
    roles, window, login, django_capture_on_commit_callbacks
):
    _scored(window)
    client = login(roles.bpsdm)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/uji/jadwal/{window.pk}/rilis/", {"confirm": "ya"})
    job = ReleaseJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/uji/rilis/{job.pk}/"
    assert Result.objects.filter(status="released").count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "Menunggu…" in page
    assert f'hx-get="/uji/rilis/{job.pk}/status/"' in page
    release_job_run(job_id=job.pk)
    fragment = client.get(f"/uji/rilis/{job.pk}/status/").content.decode()
    assert "2 hasil dirilis; pemberitahuan dikirim." in fragment
    assert "hx-get" not in fragment


def test_release_job_page_is_the_requesters_alone(roles, window, login):
    job = release_job_request(window=window, by=roles.head_kecamatan)
    url = f"/uji/rilis/{job.pk}/"
    assert login(roles.head_kecamatan).get(url).status_code == 200
    assert login(roles.head_a).get(url).status_code == 404
    assert login(roles.bpsdm).get(f"{url}status/").status_code == 404
    assert login(roles.staff_a).get(url).status_code == 403


def _window_of(count: int, instrument, org, roles):
    employees = EmployeeFactory.create_batch(count, unit=org.kel_a)
    window = open_window(instrument, employees, by=roles.bpsdm)
    _scored(window)
    return window


# Lock, release, read back, the audit INSERT, the feedback's reads (results, their
# dimension rows, heads, standard, forms) and the notices' lookup and INSERT; the
# levels of the whole batch refreshed set-based (``latest_levels_refresh_many``:
# lock the employees, read their released rows and current levels, clear and write
# the changed intervals, one INSERT of the new current levels, the employees'
# year-start changes (DELETE, the dimensions, their released rows and current
# levels, INSERT), then the units' level counts, level profiles, change steps,
# past counts and participants' changes per form and per program (lock, DELETE,
# INSERT … SELECT each)): the same count whatever the size of the batch.
QUERIES_PER_BATCH = 41


@pytest.mark.parametrize("count", [2, 5, 12])
def test_release_all_queries_per_batch(
    roles, org, instrument, count, django_assert_num_queries
):
    window = _window_of(count, instrument, org, roles)
    with django_assert_num_queries(QUERIES_PER_BATCH):
        released = results_release_all(
            results=results_releasable_by(roles.bpsdm, window), by=roles.bpsdm
        )
    assert released == count
