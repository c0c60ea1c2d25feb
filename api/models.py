"""Personal API tokens.

A token is shown once, when it is created; only its SHA-256 digest is stored
(``api.tokens``), with a short prefix to tell tokens apart on the profile page.
A token acts as its owner with the owner's scope, narrowed by its own scope
(read, or read and write) and ended by its expiry or a revocation.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("Baca")
        WRITE = "read_write", _("Baca dan tulis")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pemilik"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(_("awalan"), max_length=12, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(
        _("cakupan"), max_length=10, choices=Scope.choices, default=Scope.READ
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"))
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=["read", "read_write"]),
                name="api_token_scope_valid",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="api_token_expires_after_creation",
            ),
        ]
        indexes = [models.Index(fields=["user", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
