from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.permissions import READ_BANK, READ_WINDOWS
from people.permissions import can
from people.selectors import user_employee
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    entries = []
    if user_employee(user) is not None:
        entries.append(
            NavItem(_("Uji saya"), reverse("assessments:my_tests"), "/uji/", "uji")
        )
    if can(user, READ_WINDOWS):
        entries.append(
            NavItem(
                _("Jadwal uji"),
                reverse("assessments:window_list"),
                "/uji/jadwal/",
                "uji",
            )
        )
        entries.append(
            NavItem(
                _("Hasil uji"), reverse("assessments:result_list"), "/uji/hasil/", "uji"
            )
        )
    if can(user, READ_BANK):
        entries.append(
            NavItem(
                _("Bank soal"), reverse("assessments:item_list"), "/uji/bank/", "uji"
            )
        )
    return entries
