"""The exchange of training history (riwayat kursus) with SIASN, BKN's national
civil-service system.

- ``CourseMapping``: per development form, the SIASN ``jenisDiklatId`` and
  course type, and whether internal completions of that form are reported.
- ``SiasnPerson``: the SIASN ``pnsOrangId`` of an employee, fetched once from
  ``pns/data-utama/{nip}`` and kept.
- ``SiasnRecord``: one reported completion (a JP ledger entry) and the record id
  SIASN returned, so sending it again updates instead of duplicating.
- ``SyncRun``: one push or reconciliation job for a unit (or the province).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CourseMapping(models.Model):
    form = models.OneToOneField(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        on_delete=models.CASCADE,
        related_name="siasn_mapping",
    )
    jenis_diklat_id = models.CharField(
        _("jenisDiklatId SIASN"),
        max_length=20,
        help_text=_("Referensi jenis diklat SIASN (sosiokultural diduga id 6)."),
    )
    jenis_kursus = models.CharField(_("jenisKursus"), max_length=40, blank=True)
    jenis_kursus_sertipikat = models.CharField(
        _("jenisKursusSertipikat"), max_length=40, blank=True
    )
    reportable = models.BooleanField(
        _("dilaporkan ke SIASN"),
        default=False,
        help_text=_(
            "Untuk bentuk internal: kegiatan terverifikasi bentuk ini dilaporkan "
            "sebagai riwayat kursus. Program eksternal yang selesai selalu dilaporkan."
        ),
    )

    class Meta:
        verbose_name = _("pemetaan jenis diklat SIASN")
        verbose_name_plural = _("pemetaan jenis diklat SIASN")

    def __str__(self) -> str:
        return f"{self.form} → {self.jenis_diklat_id}"


class SiasnPerson(models.Model):
    employee = models.OneToOneField(
        "people.Employee", on_delete=models.CASCADE, related_name="siasn_person"
    )
    pns_orang_id = models.CharField(_("pnsOrangId"), max_length=64)
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identitas SIASN pegawai")
        verbose_name_plural = _("identitas SIASN pegawai")

    def __str__(self) -> str:
        return self.pns_orang_id


class SiasnRecord(models.Model):
    class Status(models.TextChoices):
        SYNCED = "synced", _("Terkirim")
        FAILED = "failed", _("Gagal")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="siasn_records"
    )
    source_key = models.CharField(max_length=80)
    siasn_id = models.CharField(_("id riwayat SIASN"), max_length=64, blank=True)
    payload = models.JSONField(_("data terakhir dikirim"), default=dict)
    payload_hash = models.CharField(max_length=64, blank=True)
    document = models.JSONField(_("dokumen SIASN"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    error = models.TextField(_("galat terakhir"), blank=True)
    attempts = models.PositiveIntegerField(default=0)
    synced_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("riwayat kursus SIASN")
        verbose_name_plural = _("riwayat kursus SIASN")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "source_key"], name="siasn_record_unique_source"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["synced", "failed"]),
                name="siasn_record_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="synced") | ~Q(siasn_id=""),
                name="siasn_record_synced_has_id",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_key} → {self.siasn_id or '—'}"


class SyncRun(models.Model):
    class Kind(models.TextChoices):
        PUSH = "push", _("Kirim ke SIASN")
        RECONCILE = "reconcile", _("Rekonsiliasi")

    class State(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kosong: seluruh provinsi."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(
        _("status"), max_length=8, choices=State.choices, default=State.QUEUED
    )
    counts = models.JSONField(default=dict)
    rows = models.JSONField(default=list)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("proses SIASN")
        verbose_name_plural = _("proses SIASN")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["push", "reconcile"]), name="siasn_run_kind"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running", "done", "failed"]),
                name="siasn_run_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"
