from django.urls import reverse
from django.utils.translation import gettext as _

from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    entries = []
    if user.is_head or user.sees_all_units:
        entries.append(NavItem(_("Unit"), reverse("people:unit_list"), "/unit/"))
    entries.append(
        NavItem(
            _("Pegawai") if (user.is_head or user.sees_all_units) else _("Profil saya"),
            reverse("people:employee_list"),
            "/pegawai/",
        )
    )
    return entries
