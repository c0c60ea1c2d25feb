from django.urls import reverse
from django.utils.translation import gettext as _

from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    if not user.sees_all_units:
        return []
    return [NavItem(_("Jejak audit"), reverse("audit:list"), "/audit/")]
