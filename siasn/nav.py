from django.urls import reverse
from django.utils.translation import gettext as _

from people.permissions import can
from siasn.permissions import VIEW_SYNC
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    if not can(user, VIEW_SYNC):
        return []
    return [NavItem(_("SIASN"), reverse("siasn:index"), "/siasn/", "admin")]
