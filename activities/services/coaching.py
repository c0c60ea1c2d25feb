"""Coaching engagements."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activities.models import Coaching
from activities.permissions import MANAGE_COACHING
from people.models import User
from people.permissions import check


@transaction.atomic
def coaching_set_status(*, coaching: Coaching, actor: User, status: str) -> Coaching:
    check(actor, MANAGE_COACHING, coaching)
    if status not in Coaching.Status.values:
        raise ValidationError({"status": _("Status coaching tidak dikenal.")})
    coaching.status = status
    coaching.save(update_fields=["status"])
    return coaching
