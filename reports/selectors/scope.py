"""The scoping rule of the reports, built on ``people.selectors``: staff see their
own report and plan, heads those of their unit subtree, BPSDM admins and
administrators everything. Out of scope → 404 through ``get_object_or_404``."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from activities.kinds import self_development
from people.models import Employee, Unit, User
from people.permissions import heads_and_up
from people.selectors import (
    employee_scope_q,
    scope_root_unit,
    units_visible_to,
)
from reports.models import DevelopmentPlan, PlanItem

# The internal form an employee plans for themself.
SELF_DEVELOPMENT = self_development.CODE


def employees_visible_to(user: User) -> QuerySet[Employee]:
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit", "position_type"
    )


def employee_get_for_user(user: User, pk: int) -> Employee:
    return get_object_or_404(employees_visible_to(user), pk=pk)


def report_units_visible_to(user: User) -> QuerySet[Unit]:
    """Units whose unit report a user may open: heads their subtree, BPSDM and
    administrators all; staff none (they have their own report)."""
    if not heads_and_up(user):
        return Unit.objects.none()
    return units_visible_to(user)


def report_unit_get_for_user(user: User, pk: int) -> Unit:
    return get_object_or_404(report_units_visible_to(user), pk=pk)


def aggregate_root(user: User) -> Unit | None:
    """Where the aggregate starts: every top unit for BPSDM and administrators
    (``None``), the head's own unit for a head."""
    if user.sees_all_units:
        return None
    return scope_root_unit(user)


def plans_visible_to(user: User) -> QuerySet[DevelopmentPlan]:
    return DevelopmentPlan.objects.filter(
        employee_scope_q(user, "employee")
    ).select_related("employee__unit", "employee__position_type")


def plan_get_for_user(user: User, pk: int) -> DevelopmentPlan:
    return get_object_or_404(plans_visible_to(user), pk=pk)


def plan_item_get_for_user(user: User, pk: int) -> PlanItem:
    return get_object_or_404(
        PlanItem.objects.filter(
            employee_scope_q(user, "plan__employee")
        ).select_related("plan__employee__unit", "form", "dimension"),
        pk=pk,
    )
