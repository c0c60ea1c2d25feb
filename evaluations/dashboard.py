from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.selectors import open_surveys
from people.permissions import in_a_unit
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    """Staff and heads: their reaction surveys waiting to be answered."""
    if not in_a_unit(user):
        return []
    surveys = open_surveys(user)
    if not surveys:
        return []
    return [
        Card(
            title=_("Evaluasi yang belum diisi"),
            value=str(len(surveys)),
            detail=", ".join(s.title for s in surveys[:3]),
            link=reverse("evaluations:pending"),
            link_label=_("Isi survei"),
            tone="warning",
        )
    ]
