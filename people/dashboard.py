from django.urls import reverse
from django.utils.translation import gettext as _

from people.permissions import heads_and_up
from people.selectors import employees_visible_to, units_visible_to
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    if not heads_and_up(user):
        return []
    active = employees_visible_to(user).filter(is_active=True).count()
    units = units_visible_to(user).count()
    return [
        Card(
            title=_("Pegawai aktif dalam cakupan"),
            value=str(active),
            detail=_("%(units)s unit") % {"units": units},
            link=reverse("people:employee_list"),
            link_label=_("Daftar pegawai"),
        )
    ]
