from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sosiokultural.jobs import Job


def export_upload_to(instance: "Export", filename: str) -> str:
    return f"exports/{instance.requested_by_id}/{instance.pk}-{filename}"


class Export(Job):
    """A file built in the background for the user who asked for it, with the
    outbox's discipline: the row is committed first and the job published after
    (a sweep publishes it again while the broker was down); a worker claims it
    with a conditional UPDATE and renews ``heartbeat_at`` while it builds, so a
    job whose worker died is taken over once the lease has run out; after
    ``MAX_ATTEMPTS`` claims it fails visibly; the file expires after
    ``EXPORT_RETENTION_HOURS`` and is deleted. Downloaded only by its requester
    (``exports.selectors.export_get_for_user``). The job's fields are
    ``sosiokultural.jobs.Job``'s; an export adds its kind, format, parameters,
    file and expiry, and the "expired" state."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Sedang dibuat")
        DONE = "done", _("Siap diunduh")
        FAILED = "failed", _("Gagal")
        EXPIRED = "expired", _("Kedaluwarsa")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    kind = models.CharField(_("jenis"), max_length=40)
    fmt = models.CharField(
        _("format"), max_length=4, choices=Format.choices, default=Format.XLSX
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        on_delete=models.CASCADE,
        related_name="exports",
    )
    params = models.JSONField(_("parameter"), default=dict)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("berkas"), upload_to=export_upload_to, blank=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekspor")
        verbose_name_plural = _("ekspor")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["status", "heartbeat_at"],
                name="export_unfinished_idx",
                condition=Q(status__in=["pending", "running"]),
            ),
            models.Index(
                fields=["expires_at"],
                name="export_expiring_idx",
                condition=Q(status__in=["done", "failed"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="exports_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["pending", "running", "done", "failed", "expired"]
                ),
                name="exports_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(fmt__in=["csv", "xlsx"]), name="exports_format_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(file=""),
                name="exports_done_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(status="running") | Q(heartbeat_at__isnull=False),
                name="exports_running_has_heartbeat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} #{self.pk}"

    @property
    def kind_label(self) -> str:
        from exports.registry import kinds

        found = kinds().get(self.kind)
        return str(found.label) if found else self.kind

    @property
    def is_finished(self) -> bool:
        return self.status in (
            self.Status.DONE,
            self.Status.FAILED,
            self.Status.EXPIRED,
        )
