from django.urls import reverse
from django.utils.translation import gettext as _

from people.permissions import sees_all_units
from people.selectors import scope_root_unit
from sosiokultural.formatting import number
from sosiokultural.registry import Card
from surveys.selectors import survey_result, surveys_visible_to

TONES = {"A": "success", "B": "primary", "C": "warning", "D": "danger"}


def cards(user) -> list[Card]:
    """The latest IKM of the user's own unit (heads and staff), or for BPSDM and
    administrators the number of units surveyed in the latest period."""
    surveys = surveys_visible_to(user)
    if sees_all_units(user):
        latest = surveys.order_by("-year", "-quarter").first()
        if latest is None:
            return []
        count = surveys.filter(year=latest.year, quarter=latest.quarter).count()
        return [
            Card(
                title=_("Survei IKM %(period)s") % {"period": latest.period},
                value=str(count),
                detail=_("unit dengan data IKM"),
                link=reverse("surveys:comparison") + f"?period={latest.period}",
                link_label=_("Bandingkan unit"),
            )
        ]
    unit = scope_root_unit(user)
    if unit is None:
        return []
    latest = surveys.filter(unit=unit).order_by("-year", "-quarter").first()
    if latest is None:
        return []
    result = survey_result(latest)
    if result.ikm is None:
        return []
    detail = _("%(unit)s, %(period)s") % {"unit": unit, "period": latest.period}
    if result.reported:
        detail += " · " + _("dilaporkan")
    return [
        Card(
            title=_("IKM terbaru"),
            value=f"{number(result.ikm)} ({result.grade.letter})",
            detail=detail,
            link=reverse(
                "surveys:detail",
                kwargs={"unit_pk": unit.pk, "period": str(latest.period)},
            ),
            link_label=_("Rincian unsur"),
            tone=TONES[result.grade.letter],
        )
    ]
