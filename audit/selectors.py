from django.db.models import QuerySet

from audit.models import AuditEvent


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    """The trail is for BPSDM admins and administrators (it spans all units)."""
    if not (user.is_authenticated and user.sees_all_units):
        return AuditEvent.objects.none()
    return AuditEvent.objects.select_related("actor")
