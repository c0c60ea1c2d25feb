from django.urls import reverse
from django.utils.translation import gettext as _

from activities.permissions import DECIDE
from people.permissions import can
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    entries = [
        NavItem(_("Kegiatan"), reverse("activities:list"), "/kegiatan/", "kegiatan")
    ]
    if can(user, DECIDE):
        entries.append(
            NavItem(
                _("Verifikasi"),
                reverse("activities:queue"),
                "/kegiatan/verifikasi/",
                "kegiatan",
            )
        )
    return entries
