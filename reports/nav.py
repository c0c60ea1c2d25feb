from django.urls import reverse
from django.utils.translation import gettext as _

from people.permissions import heads_and_up
from people.selectors import user_employee
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    if heads_and_up(user) or user_employee(user) is not None:
        return [NavItem(_("Laporan"), reverse("reports:index"), "/laporan/", "laporan")]
    return []
