"""Background jobs with the outbox's discipline, shared by the apps that run them
(exports, the employee import, the release of a round).

The job row is committed first and its task published after (``Jobs.enqueue``;
with the broker down the row stays pending and the app's sweep publishes it
again). A worker claims the row with a conditional UPDATE and renews
``heartbeat_at`` while it works, so a job whose worker died is taken over once
the lease has run out; after ``max_attempts`` claims it fails visibly. Every
state change is one conditional UPDATE: a job delivered twice, a sweep racing a
worker or two workers racing each other run it once.

A job that writes all or nothing (``Jobs.finish_in`` inside its transaction)
marks itself done in the same transaction as its writes: a crash before the
commit leaves nothing written and the row running; the sweep gives it back
once the lease has run out and the next run starts over.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sosiokultural.broker import publish

logger = logging.getLogger(__name__)


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    RUNNING = "running", _("Sedang berjalan")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


ACTIVE = (JobStatus.PENDING, JobStatus.RUNNING)
FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class Job(models.Model):
    """The fields a background job needs (abstract): its requester, state,
    progress, lease and attempts."""

    Status = JobStatus

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=JobStatus.choices, default="pending"
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    rows_done = models.PositiveIntegerField(_("baris selesai"), default=0)
    rows_expected = models.PositiveIntegerField(_("baris diperkirakan"), default=0)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    published_at = models.DateTimeField(_("diantrekan"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tanda hidup"), null=True, blank=True)
    error = models.TextField(_("kesalahan"), blank=True)
    created_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["status", "heartbeat_at"],
                name="%(app_label)s_%(class)s_open",
                condition=Q(status__in=["pending", "running"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="%(app_label)s_%(class)s_progress",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "running", "done", "failed"]),
                name="%(app_label)s_%(class)s_status",
            ),
            models.CheckConstraint(
                condition=~Q(status="running") | Q(heartbeat_at__isnull=False),
                name="%(app_label)s_%(class)s_running_heartbeat",
            ),
        ]

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED


class TakenOver(Exception):
    """The lease ran out and another run took the job: this run stops (and, when
    it writes all or nothing, rolls back)."""


@dataclass(frozen=True)
class Jobs:
    """The lifecycle of one kind of job, over its model (``Job`` fields, plus
    whatever the kind stores). ``task`` is the dotted path of the Celery task
    that runs one job with the keyword id ``id_kwarg``."""

    model: type[models.Model]
    task: str
    id_kwarg: str
    exhausted_message: Callable[[int], str]
    lease: timedelta = timedelta(minutes=5)
    republish_after: timedelta = timedelta(minutes=10)
    max_attempts: int = 3
    # Fields set whenever a job ends (done or failed), e.g. an expiry.
    on_end: Callable[[datetime], dict] = field(default=lambda now: {})

    @property
    def objects(self):
        return self.model._default_manager

    def _task(self):
        module, name = self.task.rsplit(".", 1)
        return getattr(import_module(module), name)

    def enqueue(self, *, job_id: int, force: bool = False) -> bool:
        """Publish the run; False when the broker refused (the sweep retries)."""
        if not publish(self._task(), kwargs={self.id_kwarg: job_id}, force=force):
            return False
        self.objects.filter(pk=job_id, status=JobStatus.PENDING).update(
            published_at=timezone.now()
        )
        return True

    def claim(self, *, job_id: int) -> bool:
        """Take a pending job (one conditional UPDATE)."""
        return bool(
            self.objects.filter(
                pk=job_id, status=JobStatus.PENDING, attempts__lt=self.max_attempts
            ).update(
                status=JobStatus.RUNNING,
                progress=0,
                rows_done=0,
                heartbeat_at=timezone.now(),
                attempts=F("attempts") + 1,
            )
        )

    def heartbeat(
        self, *, job_id: int, rows_done: int, share: int = 100, cap: int = 99
    ) -> bool:
        """Record progress and renew the lease. False when the job is no longer
        this run's (taken over after its lease ran out): the run should stop.
        ``share``: the percentage the rows fill when done (a job whose last step
        shows no progress keeps some of the bar for it)."""
        job = self.objects.filter(pk=job_id).values("rows_expected").first()
        expected = job["rows_expected"] if job else 0
        percent = min(cap, rows_done * share // expected) if expected else 0
        return bool(
            self.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(
                rows_done=rows_done, progress=percent, heartbeat_at=timezone.now()
            )
        )

    def set_expected(self, *, job_id: int, rows: int) -> None:
        self.objects.filter(pk=job_id).update(rows_expected=max(0, rows))

    def lock_running(self, *, job_id: int, attempt: int):
        """Inside the job's transaction: lock its row while it is still this
        run's (running, this attempt), or raise ``TakenOver``. The sweep's
        takeover then waits for this transaction and finds the job finished."""
        job = (
            self.objects.select_for_update()
            .filter(pk=job_id, status=JobStatus.RUNNING, attempts=attempt)
            .first()
        )
        if job is None:
            raise TakenOver
        return job

    def finish(self, *, job_id: int, **fields) -> bool:
        """Mark a running job done (with ``fields``); False when it was taken
        over meanwhile. Called inside the job's own transaction by the jobs that
        write all or nothing."""
        now = timezone.now()
        return bool(
            self.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(
                status=JobStatus.DONE,
                progress=100,
                error="",
                finished_at=now,
                **self.on_end(now),
                **fields,
            )
        )

    def fail(self, *, job_id: int, error: str, **fields) -> None:
        now = timezone.now()
        self.objects.filter(pk=job_id, status__in=ACTIVE).update(
            status=JobStatus.FAILED,
            error=error[:2000],
            finished_at=now,
            **self.on_end(now),
            **fields,
        )

    def release(self, *, job_id: int, error: str) -> None:
        """Give a failed run back for another try (a transient error), or fail
        the job once it has had its attempts."""
        self.objects.filter(
            pk=job_id, status=JobStatus.RUNNING, attempts__lt=self.max_attempts
        ).update(status=JobStatus.PENDING, heartbeat_at=None, error=error[:2000])
        # The last attempt's run is still "running": it ends here, not after
        # its lease has run out.
        self.objects.filter(
            pk=job_id, status=JobStatus.RUNNING, attempts__gte=self.max_attempts
        ).update(status=JobStatus.PENDING, heartbeat_at=None)
        self.fail_exhausted(job_ids=[job_id])

    def fail_exhausted(self, *, job_ids=None) -> int:
        """Fail the unfinished jobs that had all their attempts and are not
        running (or whose worker died on the last one)."""
        now = timezone.now()
        dead = Q(status=JobStatus.RUNNING, heartbeat_at__lt=now - self.lease)
        queryset = self.objects.filter(
            Q(status=JobStatus.PENDING) | dead, attempts__gte=self.max_attempts
        )
        if job_ids is not None:
            queryset = queryset.filter(pk__in=job_ids)
        return queryset.update(
            status=JobStatus.FAILED,
            error=str(self.exhausted_message(self.max_attempts)),
            finished_at=now,
            **self.on_end(now),
        )

    def sweep(self) -> list[int]:
        """Take back the jobs of dead workers (lease run out) and return the ids
        of the pending jobs to publish: never published, or published long ago."""
        now = timezone.now()
        self.fail_exhausted()
        self.objects.filter(
            status=JobStatus.RUNNING,
            heartbeat_at__lt=now - self.lease,
            attempts__lt=self.max_attempts,
        ).update(status=JobStatus.PENDING, heartbeat_at=None, published_at=None)
        return list(
            self.objects.filter(
                Q(published_at__isnull=True)
                | Q(published_at__lt=now - self.republish_after),
                status=JobStatus.PENDING,
            )
            .order_by("pk")
            .values_list("pk", flat=True)[:500]
        )

    def publish_swept(self) -> int:
        """The sweep task's body: publish what ``sweep`` returns, stopping at the
        first refused publish. Returns how many were published."""
        from sosiokultural.broker import broker_down

        published = 0
        for job_id in self.sweep():
            if self.enqueue(job_id=job_id, force=True):
                published += 1
            elif broker_down():
                break
        return published
