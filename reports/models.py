"""Individual development plans (the AKPK of one employee for one year) and the
rows of long-running exports.

Whether a plan item is done is never stored: it is read from the activities and
programs it depends on (``reports.selectors.plan_items``), so verifying,
un-verifying or completing anything elsewhere can never leave it stale.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DevelopmentPlan(models.Model):
    """The development plan of one employee for one calendar year."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="development_plans",
    )
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("rencana pengembangan individu")
        verbose_name_plural = _("rencana pengembangan individu")
        ordering = ["-year", "employee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "year"], name="development_plan_unique_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="development_plan_year_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} · {self.year}"


class PlanItem(models.Model):
    """One planned development: a dimension to develop through a form by a date.

    ``created_on`` is the local date the item was planned: only development held
    on or after it (and within the plan's year) completes the item.
    """

    plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.CASCADE, related_name="items"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension",
        verbose_name=_("dimensi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    form = models.ForeignKey(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_date = models.DateField(_("target selesai"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_on = models.DateField(_("direncanakan pada"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("direncanakan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("butir rencana")
        verbose_name_plural = _("butir rencana")
        ordering = ["target_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "dimension", "form"], name="plan_item_unique_form"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension} · {self.form}"


def export_upload_to(instance: "Export", filename: str) -> str:
    return f"reports/exports/{instance.requested_by_id}/{instance.pk}-{filename}"


class Export(models.Model):
    """A file built in the background (Celery) for the user who asked for it; the
    page polls ``status``/``progress`` until the file is there. Downloaded only
    through the scoped view (``reports.selectors.export_get_for_user``)."""

    class Kind(models.TextChoices):
        AGGREGATE = "aggregate", _("Rekap provinsi/unit (XLSX)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Sedang dibuat")
        DONE = "done", _("Siap diunduh")
        FAILED = "failed", _("Gagal")

    kind = models.CharField(
        _("jenis"), max_length=12, choices=Kind.choices, default=Kind.AGGREGATE
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        on_delete=models.CASCADE,
        related_name="report_exports",
    )
    params = models.JSONField(_("parameter"), default=dict)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    file = models.FileField(_("berkas"), upload_to=export_upload_to, blank=True)
    error = models.TextField(_("kesalahan"), blank=True)
    created_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekspor laporan")
        verbose_name_plural = _("ekspor laporan")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="export_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "running", "done", "failed"]),
                name="export_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(file=""), name="export_done_has_file"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
