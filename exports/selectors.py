"""Reads of background exports: a job is its requester's alone (it was built
with their scope)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from exports.models import Export
from people.models import User
from people.permissions import is_signed_in


def exports_visible_to(user: User) -> QuerySet[Export]:
    if not is_signed_in(user):  # a deactivated employee's login keeps nothing
        return Export.objects.none()
    return Export.objects.filter(requested_by=user)


def export_get_for_user(user: User, pk: int) -> Export:
    return get_object_or_404(exports_visible_to(user), pk=pk)
