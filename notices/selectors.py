from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from notices.models import Notice


def notices_visible_to(user) -> QuerySet[Notice]:
    """A notice is only ever its recipient's."""
    if not user.is_authenticated:
        return Notice.objects.none()
    # A digest repeats notices already listed: it is an email, not an entry.
    return Notice.objects.filter(recipient=user).exclude(kind="digest")


def notice_get_for_user(user, pk: int) -> Notice:
    return get_object_or_404(notices_visible_to(user), pk=pk)


def unread_count(user) -> int:
    return notices_visible_to(user).filter(read_at__isnull=True).count()
