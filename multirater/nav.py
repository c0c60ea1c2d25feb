from django.urls import reverse
from django.utils.translation import gettext as _

from people.permissions import is_signed_in
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    if not is_signed_in(user):
        return []
    return [NavItem(_("Penilaian 360"), reverse("multirater:index"), "/360/", "uji")]
