import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from calendars.models import CalendarFeed
from calendars.permissions import PERSONAL_FEED, UNIT_FEED
from people.models import User
from people.permissions import active_employee, can


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def feed_create(*, user: User, kind: str) -> tuple[CalendarFeed, str]:
    """A new feed and its secret (shown once). A unit feed covers the head's
    own unit and everything under it."""
    if kind == CalendarFeed.Kind.PERSONAL:
        if not can(user, PERSONAL_FEED):
            raise PermissionDenied
        unit = None
    elif kind == CalendarFeed.Kind.UNIT:
        if not can(user, UNIT_FEED):
            raise PermissionDenied
        unit = active_employee(user).unit
    else:
        raise ValidationError({"kind": _("Jenis kalender tidak dikenal.")})
    secret = secrets.token_urlsafe(24)
    feed = CalendarFeed.objects.create(
        user=user, kind=kind, unit=unit, digest=secret_digest(secret)
    )
    return feed, secret


def feed_revoke(*, feed: CalendarFeed, by: User) -> None:
    if feed.user_id != by.pk:
        raise PermissionDenied
    CalendarFeed.objects.filter(pk=feed.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
