"""What a feed holds, read with the project's scoping rule as its owner sees
it (a feed of a login that lost its scope is empty), bounded in time and size."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from assessments.models import Attempt
from calendars.models import CalendarFeed
from people.models import Employee, User
from people.permissions import active_employee
from people.tree import subtree_q
from plans.models import PlanItem
from programs.models import Nomination

PAST_DAYS = 90
FUTURE_DAYS = 400
MAX_EVENTS = 500


@dataclass(frozen=True)
class Entry:
    uid: str
    summary: str
    starts: date | datetime
    ends: date | datetime  # exclusive end for all-day entries
    description: str = ""
    location: str = ""


def feeds_of(user: User) -> QuerySet[CalendarFeed]:
    return CalendarFeed.objects.filter(user=user).select_related("unit")


def _people(feed: CalendarFeed) -> QuerySet[Employee] | None:
    employee = active_employee(feed.user)
    if employee is None:
        return None
    if feed.kind == CalendarFeed.Kind.PERSONAL:
        return Employee.objects.filter(pk=employee.pk)
    if not feed.user.is_head or not employee.unit.contains(feed.unit):
        return None
    return Employee.objects.filter(subtree_q(feed.unit), is_active=True)


def feed_entries(feed: CalendarFeed, *, today: date | None = None) -> list[Entry]:
    today = today or timezone.localdate()
    people = _people(feed)
    if people is None:
        return []
    start, end = today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)
    personal = feed.kind == CalendarFeed.Kind.PERSONAL
    entries: list[Entry] = []
    nominations = (
        Nomination.objects.filter(
            employee__in=people.values("pk"),
            state=Nomination.State.APPROVED,
            program__ends_on__gte=start,
            program__starts_on__lte=end,
        )
        .select_related("program", "employee")
        .order_by("program__starts_on", "pk")[:MAX_EVENTS]
    )
    for n in nominations:
        program = n.program
        entries.append(
            Entry(
                uid=f"program-{program.pk}-{n.employee_id}",
                summary=program.title if personal else f"{program.title}: {n.employee}",
                starts=program.starts_on,
                ends=program.ends_on + timedelta(days=1),
                description=program.get_mode_display(),
                location=program.location,
            )
        )
    attempts = (
        Attempt.objects.filter(
            employee__in=people.values("pk"),
            window__closes_at__date__gte=start,
            window__opens_at__date__lte=end,
        )
        .select_related("window", "employee")
        .order_by("window__opens_at", "pk")[:MAX_EVENTS]
    )
    for a in attempts:
        window = a.window
        entries.append(
            Entry(
                uid=f"test-window-{window.pk}-{a.employee_id}",
                summary=window.title if personal else f"{window.title}: {a.employee}",
                starts=window.opens_at,
                ends=window.closes_at,
            )
        )
    items = (
        PlanItem.objects.filter(
            Q(plan__employee__in=people.values("pk")),
            target_date__gte=start,
            target_date__lte=end,
        )
        .select_related("form", "dimension", "plan__employee")
        .order_by("target_date", "pk")[:MAX_EVENTS]
    )
    for item in items:
        label = f"{item.form.name} ({item.dimension.name})"
        entries.append(
            Entry(
                uid=f"plan-item-{item.pk}",
                summary=label if personal else f"{label}: {item.plan.employee}",
                starts=item.target_date,
                ends=item.target_date + timedelta(days=1),
                description=item.note,
            )
        )
    return entries[:MAX_EVENTS]
