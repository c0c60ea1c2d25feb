from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Attempt, Result
from assessments.permissions import READ_WINDOWS
from assessments.selectors import my_attempts, results_visible_to
from people.permissions import can
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    cards = []
    now = timezone.now()
    open_tests = (
        my_attempts(user)
        .exclude(status=Attempt.Status.SUBMITTED)
        .filter(window__opens_at__lte=now, window__closes_at__gt=now)
        .count()
    )
    if open_tests:
        cards.append(
            Card(
                title=_("Uji kompetensi menunggu"),
                value=str(open_tests),
                link=reverse("assessments:my_tests"),
                link_label=_("Kerjakan"),
                tone="warning",
            )
        )
    if can(user, READ_WINDOWS):
        pending = results_visible_to(user).filter(status=Result.Status.SCORED).count()
        cards.append(
            Card(
                title=_("Hasil uji belum dirilis"),
                value=str(pending),
                link=reverse("assessments:result_list") + "?status=scored",
                link_label=_("Hasil uji"),
                tone="info",
            )
        )
    return cards
