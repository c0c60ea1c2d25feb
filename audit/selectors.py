from django.db.models import Q, QuerySet

from audit.models import AuditEvent
from audit.permissions import READ_TRAIL
from people.models import User
from people.permissions import can

SUGGESTIONS = 20


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    """The trail is for those who see every unit (it spans all units)."""
    if not can(user, READ_TRAIL):
        return AuditEvent.objects.none()
    return AuditEvent.objects.select_related("actor")


def audit_actor_suggestions(user, text: str) -> QuerySet[User]:
    """At most ``SUGGESTIONS`` logins whose username or name contains ``text``
    (two characters at least), for the actor filter's type-ahead."""
    text = text.strip()
    if not can(user, READ_TRAIL) or len(text) < 2:
        return User.objects.none()
    match = (
        Q(username__icontains=text)
        | Q(first_name__icontains=text)
        | Q(last_name__icontains=text)
    )
    return User.objects.filter(match).order_by("username")[:SUGGESTIONS]
