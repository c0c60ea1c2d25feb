"""Coaching engagements."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activities import permissions
from activities.models import Coaching
from people.models import User


@transaction.atomic
def coaching_set_status(*, coaching: Coaching, actor: User, status: str) -> Coaching:
    if not permissions.can_manage_coaching(actor, coaching):
        raise PermissionDenied
    if status not in Coaching.Status.values:
        raise ValidationError({"status": _("Status coaching tidak dikenal.")})
    coaching.status = status
    coaching.save(update_fields=["status"])
    return coaching
