from django.urls import reverse
from django.utils.translation import gettext as _

from audit.permissions import READ_TRAIL
from people.permissions import can
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    if not can(user, READ_TRAIL):
        return []
    return [NavItem(_("Jejak audit"), reverse("audit:list"), "/audit/", "admin")]
