"""Writes of background exports: request, publish, claim, heartbeat, finish, fail,
sweep and purge. Every state change is one conditional UPDATE, so a job delivered
twice, a sweep racing a worker or two workers racing each other build a file once.
"""

import logging
import os
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from exports.models import Export
from people.models import User
from sosiokultural.jobs import Jobs

logger = logging.getLogger(__name__)

# A running job renews its heartbeat at every batch of rows (and at least at
# every claim); one silent for longer than this is presumed dead (worker killed).
LEASE = timedelta(minutes=5)
# A pending job published longer ago than this (and not claimed) is published
# again by the sweep: the message may have been lost with the broker.
REPUBLISH_AFTER = timedelta(minutes=10)
MAX_ATTEMPTS = 3
ACTIVE = (Export.Status.PENDING, Export.Status.RUNNING)


def _retention() -> timedelta:
    return timedelta(hours=settings.EXPORT_RETENTION_HOURS)


def _exhausted(attempts: int) -> str:
    return _(
        "Ekspor gagal dibuat setelah %(n)s percobaan. Silakan minta lagi atau "
        "hubungi administrator."
    ) % {"n": attempts}


# The export's lifecycle is the shared job machinery's (sosiokultural.jobs); a
# finished export also gets its expiry.
JOBS = Jobs(
    model=Export,
    task="exports.tasks.build_export",
    id_kwarg="export_id",
    exhausted_message=_exhausted,
    lease=LEASE,
    republish_after=REPUBLISH_AFTER,
    max_attempts=MAX_ATTEMPTS,
    on_end=lambda now: {"expires_at": now + _retention()},
)


@transaction.atomic
def export_request(
    *, by: User, kind: str, fmt: str, params: dict, rows_expected: int = 0
) -> Export:
    """Record the request (refused beyond the per-user cap of unfinished jobs)
    and publish the build once the row is committed."""
    from exports.registry import kind_get

    found = kind_get(kind)
    if fmt not in found.formats:
        raise ValidationError(_("Format ekspor tidak didukung."))
    # One requester at a time: two concurrent requests cannot both slip under the
    # cap (the lock is on the requester's own row).
    User.objects.select_for_update().filter(pk=by.pk).first()
    cap = settings.EXPORT_MAX_ACTIVE_PER_USER
    if Export.objects.filter(requested_by=by, status__in=ACTIVE).count() >= cap:
        raise ValidationError(
            _(
                "Anda sudah memiliki %(n)s ekspor yang sedang dibuat. Tunggu sampai "
                "selesai, lalu minta lagi."
            )
            % {"n": cap}
        )
    export = Export.objects.create(
        requested_by=by,
        kind=kind,
        fmt=fmt,
        params=params,
        rows_expected=max(0, rows_expected),
    )
    transaction.on_commit(lambda: export_enqueue(export_id=export.pk))
    return export


def export_enqueue(*, export_id: int, force: bool = False) -> bool:
    """Publish the build. With the broker down the row stays pending and
    ``exports.sweep`` publishes it when the broker is back."""
    return JOBS.enqueue(job_id=export_id, force=force)


def export_claim(*, export_id: int) -> bool:
    """Take a pending job for building (one conditional UPDATE)."""
    return JOBS.claim(job_id=export_id)


def export_heartbeat(*, export_id: int, rows_done: int) -> bool:
    """Record progress and renew the lease. False when the job is no longer this
    worker's (taken over after a lease ran out): the build should stop."""
    return JOBS.heartbeat(job_id=export_id, rows_done=rows_done)


def export_set_expected(*, export_id: int, rows: int) -> None:
    JOBS.set_expected(job_id=export_id, rows=rows)


def export_finish(*, export: Export, path: str, filename: str, rows: int) -> bool:
    """Store the built file (copied from ``path`` in blocks) and mark the job
    done; False when the job was taken over meanwhile (the file is dropped)."""
    with open(path, "rb") as handle:
        name = export.file.storage.save(
            export_upload_to_name(export, filename), File(handle)
        )
    now = timezone.now()
    updated = Export.objects.filter(pk=export.pk, status=Export.Status.RUNNING).update(
        file=name,
        status=Export.Status.DONE,
        progress=100,
        rows_done=rows,
        error="",
        finished_at=now,
        expires_at=now + _retention(),
    )
    if not updated:
        export.file.storage.delete(name)
        return False
    return True


def export_upload_to_name(export: Export, filename: str) -> str:
    return Export._meta.get_field("file").generate_filename(export, filename)


def export_fail(*, export_id: int, error: str) -> None:
    JOBS.fail(job_id=export_id, error=error)


def export_release(*, export_id: int, error: str) -> None:
    """Give a failed build back for another try (a transient error), or fail it
    once it has had its attempts."""
    JOBS.release(job_id=export_id, error=error)


def export_fail_exhausted(*, export_ids=None) -> int:
    """Fail the unfinished jobs that had all their attempts and are not running
    (or whose worker died on the last one)."""
    return JOBS.fail_exhausted(job_ids=export_ids)


def exports_sweep() -> list[int]:
    """Take back the jobs of dead workers (lease run out) and return the ids of
    the pending jobs to publish: never published, or published long ago."""
    return JOBS.sweep()


def exports_purge_expired() -> int:
    """Delete the files of exports past their expiry; the rows stay (status
    "expired") so the requester sees what happened to them."""
    now = timezone.now()
    purged = 0
    expired = Export.objects.filter(
        status__in=[Export.Status.DONE, Export.Status.FAILED], expires_at__lt=now
    ).order_by("pk")
    for export in expired.iterator(chunk_size=200):
        if export.file:
            export.file.storage.delete(export.file.name)
        purged += Export.objects.filter(
            pk=export.pk, status=export.status, expires_at__lt=now
        ).update(status=Export.Status.EXPIRED, file="", progress=0)
    return purged


def temporary_path(suffix: str) -> str:
    """A named temporary file for a build (deleted by the caller)."""
    handle, path = tempfile.mkstemp(prefix="ekspor-", suffix=suffix)
    os.close(handle)
    return path
