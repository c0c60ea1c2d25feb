from django.urls import reverse
from django.utils.translation import gettext as _

from people.selectors import user_employee
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    if user.sees_all_units or user.is_head or user_employee(user) is not None:
        return [NavItem(_("Laporan"), reverse("reports:index"), "/laporan/")]
    return []
