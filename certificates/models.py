"""Certificates anyone can verify: one per completion that grants JP (a JP
ledger entry: a completed program or a verified internal activity), with an
unguessable public id for its verification page, an Open Badges 3.0 credential
signed by the issuer, revocation with a reason, and a log of verifications."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    public_id = models.CharField(max_length=32, unique=True, editable=False)
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    source_key = models.CharField(max_length=80)
    title = models.CharField(_("program / kegiatan"), max_length=300)
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    jp = models.DecimalField(_("JP"), max_digits=7, decimal_places=2)
    dimensions = models.JSONField(_("dimensi"), default=list)
    issuer = models.CharField(_("penerbit"), max_length=200)
    issued_at = models.DateTimeField(_("diterbitkan"), auto_now_add=True)
    credential = models.JSONField(_("kredensial Open Badges"), default=dict)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(_("alasan pencabutan"), blank=True)

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "source_key"], name="certificate_unique_source"
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revocation_reason=""),
                name="certificate_revocation_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.employee}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class Verification(models.Model):
    """One check of a certificate: when, how, and with what answer (no address
    or other data about who checked)."""

    class Channel(models.TextChoices):
        PAGE = "page", _("Halaman verifikasi")
        CREDENTIAL = "credential", _("Verifikasi kredensial")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="verifications"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    verified_at = models.DateTimeField(auto_now_add=True)
    valid = models.BooleanField()

    class Meta:
        verbose_name = _("verifikasi sertifikat")
        verbose_name_plural = _("verifikasi sertifikat")
        ordering = ["-verified_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=["page", "credential"]),
                name="verification_channel_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id} @ {self.verified_at:%Y-%m-%d %H:%M}"
