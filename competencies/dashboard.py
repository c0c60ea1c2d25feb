from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from competencies import selectors
from competencies.permissions import EDIT_FRAMEWORK
from people.permissions import can
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    """For the standard's owners: which version is in force and what comes next."""
    if not can(user, EDIT_FRAMEWORK):
        return []
    today = timezone.localdate()
    in_force = selectors.standard_in_force(today)
    upcoming = selectors.standards().filter(effective_from__gt=today).last()
    if upcoming is not None:
        detail = _("Versi berikutnya berlaku mulai %(date)s.") % {
            "date": formats.date_format(upcoming.effective_from, "DATE_FORMAT")
        }
    else:
        detail = _("Belum ada versi berikutnya yang dijadwalkan.")
    return [
        Card(
            title=_("Standar kompetensi yang berlaku"),
            value=(
                formats.date_format(in_force.effective_from, "DATE_FORMAT")
                if in_force
                else "–"
            ),
            detail=(f"{in_force.name}. {detail}" if in_force else detail),
            link=reverse("competencies:standard"),
            link_label=_("Level yang dipersyaratkan"),
            tone="success" if in_force else "warning",
        )
    ]
