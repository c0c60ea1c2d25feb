"""Reads of development plans: the scoping rule and the progress, computed on
every read.

Scope is the people rule (``people.selectors.employee_scope_q``) on the plan's
employee: staff their own plan, heads those of their unit subtree, those who see
every unit all of them; out of scope → 404.

An item is done when, on or after the day it was planned and within the plan's
year, either
- a verified internal activity of the item's form, developing the item's
  dimension, was held with the employee present (``activities``), or
- the employee completed (approved nomination, outcome "completed") an external
  program of the item's form that develops the item's dimension — listed on the
  program, or named on the nomination — and that program ended (``programs``).
Nothing is stored: un-verifying an activity or correcting a completion changes
the progress at once.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from activities.kinds import self_development
from activities.models import Activity, Attendance
from people.models import Employee, User
from people.selectors import employee_scope_q
from plans.models import DevelopmentPlan, PlanItem
from programs.models import Nomination

# The internal form an employee plans for themself.
SELF_DEVELOPMENT = self_development.CODE


def plan_items_visible_to(user: User) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(
        employee_scope_q(user, "plan__employee")
    ).select_related("plan__employee__unit", "form", "dimension")


def plan_item_get_for_user(user: User, pk: int) -> PlanItem:
    return get_object_or_404(plan_items_visible_to(user), pk=pk)


def _activities(year: int) -> QuerySet[Activity]:
    return Activity.objects.filter(
        attendances__employee_id=OuterRef("plan__employee_id"),
        attendances__status=Attendance.Status.PRESENT,
        status=Activity.Status.VERIFIED,
        form_id=OuterRef("form_id"),
        dimensions=OuterRef("dimension_id"),
        started_at__date__gte=OuterRef("created_on"),
        started_at__date__range=(date(year, 1, 1), date(year, 12, 31)),
    ).order_by("started_at", "pk")


def _completions(year: int) -> QuerySet[Nomination]:
    return Nomination.objects.filter(
        Q(program__dimensions=OuterRef("dimension_id"))
        | Q(dimension_id=OuterRef("dimension_id")),
        employee_id=OuterRef("plan__employee_id"),
        state=Nomination.State.APPROVED,
        outcome=Nomination.Outcome.COMPLETED,
        program__form_id=OuterRef("form_id"),
        program__ends_on__gte=OuterRef("created_on"),
        program__ends_on__range=(date(year, 1, 1), date(year, 12, 31)),
    ).order_by("program__ends_on", "pk")


def items_with_progress(items: QuerySet[PlanItem], year: int) -> QuerySet[PlanItem]:
    """``items`` (all of plans of ``year``) annotated with the activity or
    nomination that completes each, and the day it did."""
    activities = _activities(year)
    completions = _completions(year)
    return items.select_related("dimension", "form").annotate(
        done_activity_id=Subquery(activities.values("pk")[:1]),
        done_activity_at=Subquery(activities.values("started_at")[:1]),
        done_nomination_id=Subquery(completions.values("pk")[:1]),
        done_program_on=Subquery(completions.values("program__ends_on")[:1]),
    )


def plan_items(plan: DevelopmentPlan) -> list[PlanItem]:
    """The plan's items with their progress, one query (each item holds ``plan``
    itself, so asking what may be done with an item costs nothing more)."""
    items = list(
        items_with_progress(PlanItem.objects.filter(plan=plan), plan.year).order_by(
            "target_date", "dimension__number", "pk"
        )
    )
    for item in items:
        item.plan = plan
    return items


def item_is_done(item: PlanItem) -> bool:
    return bool(item.done_activity_id or item.done_nomination_id)


@dataclass(frozen=True)
class PlanProgress:
    total: int
    done: int

    @property
    def percent(self) -> int:
        return round(self.done * 100 / self.total) if self.total else 0


def progress_of(items: list[PlanItem]) -> PlanProgress:
    return PlanProgress(total=len(items), done=sum(1 for i in items if item_is_done(i)))


def plan_for(employee: Employee, year: int) -> DevelopmentPlan | None:
    plan = DevelopmentPlan.objects.filter(employee=employee, year=year).first()
    if plan is not None:
        plan.employee = employee
    return plan


def plans_progress(employee_ids: list[int], year: int) -> dict[int, PlanProgress]:
    """{employee_id: progress} of the ``year`` plans of some employees (one
    query over their items, however many employees)."""
    items = items_with_progress(
        PlanItem.objects.filter(plan__employee_id__in=employee_ids, plan__year=year),
        year,
    ).values_list("plan__employee_id", "done_activity_id", "done_nomination_id")
    totals: dict[int, list[int]] = {}
    for employee_id, activity_id, nomination_id in items:
        counts = totals.setdefault(employee_id, [0, 0])
        counts[0] += 1
        counts[1] += 1 if (activity_id or nomination_id) else 0
    return {e: PlanProgress(total=t, done=d) for e, (t, d) in totals.items()}
