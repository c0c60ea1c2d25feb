from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.permissions import SEE_FOLLOW_UPS, SEE_REPORT
from people.permissions import can, in_a_unit
from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    out = []
    if in_a_unit(user):
        out.append(
            NavItem(
                _("Evaluasi yang belum diisi"),
                reverse("evaluations:pending"),
                "/evaluasi/",
                "pengembangan",
            )
        )
    if can(user, SEE_FOLLOW_UPS):
        out.append(
            NavItem(
                _("Tindak lanjut pelatihan"),
                reverse("evaluations:follow_ups"),
                "/evaluasi/tindak-lanjut/",
                "pengembangan",
            )
        )
    if can(user, SEE_REPORT):
        out.append(
            NavItem(
                _("Efektivitas pelatihan"),
                reverse("evaluations:report"),
                "/evaluasi/laporan/",
                "laporan",
            )
        )
    return out
