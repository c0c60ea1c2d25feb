from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """An in-app notice that is also delivered by email: a transactional outbox row.

    The row is written in the same transaction as the event that causes it; the
    ``notices.deliver`` task sends the email and marks it delivered. ``dedupe_key``
    makes "one notice per (event, recipient)" a database guarantee.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        SENDING = "sending", _("Sedang dikirim")
        DELIVERED = "delivered", _("Terkirim")
        FAILED = "failed", _("Gagal")
        # The recipient chose no email for each notice (none, or a daily digest).
        SKIPPED = "skipped", _("Tidak dikirim (pilihan penerima)")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(_("jenis"), max_length=40)
    dedupe_key = models.CharField(max_length=200, unique=True)
    subject = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"))
    link = models.CharField(_("tautan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    status = models.CharField(
        _("status email"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(
                fields=["status", "claimed_at"],
                name="notice_undelivered_idx",
                condition=Q(status__in=["pending", "sending"]),
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class NoticePreference(models.Model):
    """How a person wants their notices: always in the app; by email one by one
    or as one daily digest (or not at all); and by WhatsApp to a number."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="notice_preference",
    )
    email = models.BooleanField(_("kirim email"), default=True)
    daily_digest = models.BooleanField(
        _("satu email ringkasan per hari, bukan satu per pemberitahuan"),
        default=False,
    )
    whatsapp = models.BooleanField(_("kirim WhatsApp"), default=False)
    whatsapp_number = models.CharField(
        _("nomor WhatsApp"),
        max_length=15,
        blank=True,
        help_text=_("Format internasional tanpa +, mis. 6281234567890."),
    )

    class Meta:
        verbose_name = _("preferensi pemberitahuan")
        verbose_name_plural = _("preferensi pemberitahuan")
        constraints = [
            models.CheckConstraint(
                condition=Q(whatsapp=False) | ~Q(whatsapp_number=""),
                name="notice_pref_whatsapp_needs_number",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class ChannelDelivery(models.Model):
    """A notice through a channel other than email (WhatsApp), with the email's
    outbox discipline: the row is written with the notice, a worker claims it with
    a conditional UPDATE, the hand-off is recorded the moment the channel has
    accepted the message (its id kept), a transient failure gives the claim back
    for a retry, a permanent one is a visible failure."""

    class Channel(models.TextChoices):
        WHATSAPP = "whatsapp", "WhatsApp"

    notice = models.ForeignKey(
        Notice,
        verbose_name=_("pemberitahuan"),
        on_delete=models.CASCADE,
        related_name="channel_deliveries",
    )
    channel = models.CharField(_("saluran"), max_length=12, choices=Channel.choices)
    address = models.CharField(_("alamat"), max_length=40)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Notice.Status.choices,
        default=Notice.Status.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    external_id = models.CharField(_("id pesan di saluran"), max_length=200, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("pengiriman lewat saluran")
        verbose_name_plural = _("pengiriman lewat saluran")
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "channel"], name="channel_delivery_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "claimed_at"],
                name="channel_undelivered_idx",
                condition=Q(status__in=["pending", "sending"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notice} → {self.get_channel_display()}"
