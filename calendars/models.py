"""Calendar feeds (ICS) behind a secret URL: a person's own programs, test
windows and planned development items; a head's whole unit. Only the digest of
the secret is stored (the URL is shown once); a feed is ended by revoking it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CalendarFeed(models.Model):
    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Kalender pribadi")
        UNIT = "unit", _("Kalender unit")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("jenis"), max_length=8, choices=Kind.choices)
    unit = models.ForeignKey(
        "people.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kalender")
        verbose_name_plural = _("kalender")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="personal", unit__isnull=True)
                | Q(kind="unit", unit__isnull=False),
                name="calendar_feed_unit_for_unit_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"
