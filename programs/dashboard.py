from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from people.permissions import can
from programs.models import Nomination
from programs.permissions import DECIDE, NOMINATE
from programs.selectors import nominations_visible_to, programs_catalogue
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    today = timezone.localdate()
    if can(user, DECIDE):
        pending = nominations_visible_to(user).filter(state__in=Nomination.PENDING)
        return [
            Card(
                title=_("Usulan menunggu keputusan"),
                value=str(pending.count()),
                detail=_("%(n)s program dengan pendaftaran dibuka")
                % {"n": programs_catalogue(user, open_on=today).count()},
                link=reverse("programs:queue"),
                link_label=_("Antrean keputusan"),
                tone="warning",
            )
        ]
    if can(user, NOMINATE):
        pending = nominations_visible_to(user).filter(state__in=Nomination.PENDING)
        return [
            Card(
                title=_("Usulan unit menunggu BPSDM"),
                value=str(pending.count()),
                link=reverse("programs:nomination_list"),
                link_label=_("Usulan peserta"),
            )
        ]
    upcoming = nominations_visible_to(user).filter(
        state=Nomination.State.APPROVED, program__ends_on__gte=today
    )
    return [
        Card(
            title=_("Program BPSDM saya"),
            value=str(upcoming.count()),
            detail=_("disetujui, belum selesai"),
            link=reverse("programs:my_programs"),
            link_label=_("Program saya"),
        )
    ]
