from django.db.models import QuerySet

from audit.models import AuditEvent
from audit.permissions import READ_TRAIL
from people.permissions import can


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    """The trail is for those who see every unit (it spans all units)."""
    if not can(user, READ_TRAIL):
        return AuditEvent.objects.none()
    return AuditEvent.objects.select_related("actor")
