from django.urls import reverse
from django.utils.translation import gettext as _

from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    entries = [NavItem(_("Kegiatan"), reverse("activities:list"), "/kegiatan/")]
    if user.is_head:
        entries.append(
            NavItem(
                _("Verifikasi"),
                reverse("activities:queue"),
                "/kegiatan/verifikasi/",
            )
        )
    return entries
