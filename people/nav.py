from django.urls import reverse
from django.utils.translation import gettext as _

from people.permissions import heads_and_up
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    entries = []
    if heads_and_up(user):
        entries.append(
            NavItem(_("Unit"), reverse("people:unit_list"), "/unit/", "data")
        )
    entries.append(
        NavItem(
            _("Pegawai") if heads_and_up(user) else _("Profil saya"),
            reverse("people:employee_list"),
            "/pegawai/",
            "data",
        )
    )
    return entries
