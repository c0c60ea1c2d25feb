"""Creating and revoking API tokens."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import ApiToken
from api.permissions import MANAGE_TOKENS, WRITE_WITH_API
from api.tokens import token_digest, token_generate
from people.models import User
from people.permissions import can
from sosiokultural.formatting import day


def token_expiry_errors(expires_on: date | None, today: date) -> list[str]:
    if expires_on is None:
        return [_("Isi tanggal kedaluwarsa.")]
    if expires_on <= today:
        return [_("Tanggal kedaluwarsa harus sesudah hari ini.")]
    longest = today + timedelta(days=settings.API_TOKEN_MAX_DAYS)
    if expires_on > longest:
        return [
            _("Token berlaku paling lama %(days)s hari (sampai %(date)s).")
            % {"days": settings.API_TOKEN_MAX_DAYS, "date": day(longest)}
        ]
    return []


@transaction.atomic
def token_create(
    *, user: User, name: str, scope: str, expires_on: date
) -> tuple[ApiToken, str]:
    """A new token and its string (returned once, never stored). It expires at
    the end of ``expires_on`` (local time)."""
    if not can(user, MANAGE_TOKENS):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("Beri nama token (mis. nama aplikasi yang memakainya).")]
    if scope not in ApiToken.Scope.values:
        errors["scope"] = [_("Cakupan tidak dikenal.")]
    elif scope == ApiToken.Scope.WRITE and not can(user, WRITE_WITH_API):
        errors["scope"] = [_("Peran Anda hanya dapat membaca.")]
    if problems := token_expiry_errors(expires_on, timezone.localdate()):
        errors["expires_on"] = problems
    if errors:
        raise ValidationError(errors)
    raw, prefix = token_generate()
    expires_at = timezone.make_aware(datetime.combine(expires_on, time.max))
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=prefix,
        digest=token_digest(raw),
        scope=scope,
        expires_at=expires_at,
    )
    return token, raw


def token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke ``token`` (its owner only); revoking twice changes nothing."""
    if token.user_id != by.pk:
        raise PermissionDenied
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    token.refresh_from_db()
    return token


def token_touch(*, token: ApiToken, now: datetime) -> None:
    """Record the use of ``token``, at most once a minute (no write per request)."""
    if token.last_used_at and now - token.last_used_at < timedelta(minutes=1):
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
