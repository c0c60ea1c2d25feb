from django.urls import reverse
from django.utils.translation import gettext as _

from people.selectors import user_employee
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    entries = []
    if user_employee(user) is not None:
        entries.append(NavItem(_("Uji saya"), reverse("assessments:my_tests"), "/uji/"))
    if user.is_head or user.sees_all_units:
        entries.append(
            NavItem(_("Jadwal uji"), reverse("assessments:window_list"), "/uji/jadwal/")
        )
        entries.append(
            NavItem(_("Hasil uji"), reverse("assessments:result_list"), "/uji/hasil/")
        )
    if user.sees_all_units:
        entries.append(
            NavItem(_("Bank soal"), reverse("assessments:item_list"), "/uji/bank/")
        )
    return entries
