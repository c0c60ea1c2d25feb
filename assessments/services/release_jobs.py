"""The release of a round as a background job (``sosiokultural.jobs``): the page
records the job and returns at once; a worker releases every result of the
window its requester may release in one transaction (``results_release_all``),
which also marks the job done. A crash leaves nothing released and the job
running; the sweep hands it to the next run, which starts over (what another
release did meanwhile is skipped)."""

import logging

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from assessments.models import ReleaseJob, TestWindow
from assessments.selectors import results_releasable_by
from assessments.services.release import results_release_all
from people.models import User
from sosiokultural.jobs import ACTIVE, Jobs, TakenOver

logger = logging.getLogger(__name__)


def _exhausted(attempts: int) -> str:
    return _(
        "Rilis gagal setelah %(n)s percobaan; tidak ada hasil yang dirilis. Coba "
        "lagi atau hubungi administrator."
    ) % {"n": attempts}


RELEASE_JOBS = Jobs(
    model=ReleaseJob,
    task="assessments.tasks.release_round",
    id_kwarg="job_id",
    exhausted_message=_exhausted,
)


@transaction.atomic
def release_job_request(*, window: TestWindow, by: User) -> ReleaseJob:
    """Record the release of ``window`` by ``by`` and publish it once committed.
    A second click while one is unfinished gives back the unfinished one."""
    User.objects.select_for_update().filter(pk=by.pk).first()
    unfinished = ReleaseJob.objects.filter(
        requested_by=by, window=window, status__in=ACTIVE
    ).first()
    if unfinished is not None:
        return unfinished
    job = ReleaseJob.objects.create(
        requested_by=by,
        window=window,
        rows_expected=results_releasable_by(by, window).count(),
    )
    transaction.on_commit(lambda: RELEASE_JOBS.enqueue(job_id=job.pk))
    return job


def release_job_run(*, job_id: int) -> bool:
    """Run one release job; True when this run finished it. Safe to run twice
    (only the run that claims the row works)."""
    if not RELEASE_JOBS.claim(job_id=job_id):
        return False
    job = ReleaseJob.objects.select_related("requested_by", "window").get(pk=job_id)
    try:
        with transaction.atomic():
            RELEASE_JOBS.lock_running(job_id=job_id, attempt=job.attempts)
            released = results_release_all(
                results=results_releasable_by(job.requested_by, job.window),
                by=job.requested_by,
            )
            return RELEASE_JOBS.finish(
                job_id=job_id, rows_done=released, released_count=released
            )
    except TakenOver:
        logger.warning("release job %s was taken over by another run", job_id)
        return False
    except DatabaseError as exc:  # transient: another attempt may succeed
        logger.exception("release job %s: database error, retried", job_id)
        RELEASE_JOBS.release(job_id=job_id, error=str(exc))
        RELEASE_JOBS.enqueue(job_id=job_id)
        return False
    except Exception:
        logger.exception("release job %s failed", job_id)
        RELEASE_JOBS.fail(
            job_id=job_id,
            error=_(
                "Rilis gagal; tidak ada hasil yang dirilis. Hubungi administrator."
            ),
        )
        return False


def release_jobs_sweep() -> int:
    """Publish the release jobs the broker missed; take over those of dead runs."""
    return RELEASE_JOBS.publish_swept()
