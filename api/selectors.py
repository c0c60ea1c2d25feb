"""Reads of API tokens: every token belongs to its owner alone."""

from django.db.models import QuerySet
from django.utils import timezone

from api.models import ApiToken
from api.tokens import looks_like_token, token_digest
from people.models import User


def tokens_visible_to(user: User) -> QuerySet[ApiToken]:
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user)


def token_for_string(raw: str) -> ApiToken | None:
    """The live token whose string is ``raw`` (with its user), else ``None``."""
    if not looks_like_token(raw):
        return None
    return (
        ApiToken.objects.select_related("user__employee")
        .filter(
            digest=token_digest(raw),
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )
