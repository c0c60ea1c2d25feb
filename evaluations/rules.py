"""The rules of training evaluation, as pure functions and constants (no
database): which internal forms are evaluated, when a reaction survey is open,
when a follow-up falls due, and when a group is large enough to show its mean."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from activities.kinds import benchmarking, coaching, gathering, self_development
from sosiokultural.rounding import ratio

# The reaction survey's items, in order: (field, question). Answers 1–5.
ITEMS = (
    ("relevance", _("Materi relevan dengan pekerjaan saya")),
    ("usefulness", _("Bermanfaat untuk pelayanan sehari-hari")),
    ("facilitator", _("Kualitas fasilitator / narasumber")),
    ("recommend", _("Saya akan merekomendasikannya kepada rekan")),
)
ITEM_FIELDS = tuple(field for field, __ in ITEMS)

# Internal forms that are evaluated. The daily ten-minute briefing is left out
# (a survey and a follow-up after every briefing would bury the unit), and so is
# the pendekatan personal, a private conversation with one's own head.
EVALUATED_INTERNAL_FORMS = (
    coaching.CODE,
    gathering.CODE,
    benchmarking.CODE,
    self_development.CODE,
)


def survey_closes_on(ended_on: date, days: int) -> date:
    """The last day a reaction survey can be answered."""
    return ended_on + timedelta(days=days)


def survey_is_open(ended_on: date, today: date, days: int) -> bool:
    """A survey opens on the day the program or activity ends and stays open
    ``days`` days after it."""
    return ended_on <= today <= survey_closes_on(ended_on, days)


def survey_window_ends(today: date, days: int) -> tuple[date, date]:
    """The end dates whose surveys are open ``today``: ``[first, last]``."""
    return today - timedelta(days=days), today


def follow_up_due_on(completed_on: date, days: int) -> date:
    return completed_on + timedelta(days=days)


def follow_up_cutoff(today: date, days: int) -> date:
    """Completions on or before this day have a follow-up due ``today``."""
    return today - timedelta(days=days)


def group_mean(total, count: int, minimum: int) -> Decimal | None:
    """The mean of a group, or ``None`` when the group has fewer than
    ``minimum`` members (its count is shown, its mean is not)."""
    if count < max(minimum, 1):
        return None
    return ratio(total, count)
