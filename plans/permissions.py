"""Who may do what with development plans (which plans someone sees is
``plans.selectors``, the people scoping rule).

A development plan is written by the heads over the employee (every form) and by
the employee (self-development only); those who see every unit read plans, they
do not write them. A past year's plan is history: nobody changes it.
"""

from django.utils import timezone
from rules import predicate

from people.permissions import (
    define,
    heads_unit_of_employee,
    in_a_unit,
    is_self,
)
from plans.selectors import SELF_DEVELOPMENT


@predicate
def is_current_plan_item(user, item) -> bool:
    return item is not None and item.plan.year >= timezone.localdate().year


@predicate
def is_self_development_item(user, item) -> bool:
    return item is not None and item.form.code == SELF_DEVELOPMENT


@predicate
def plans_for_employee_of_item(user, item) -> bool:
    return item is not None and can_plan_all(user, item.plan.employee)


@predicate
def edits_plan_of_item(user, item) -> bool:
    return item is not None and edits_plan(user, item.plan.employee)


#: The employee may plan for themself (self-development); heads over them plan
#: every form.
edits_plan = in_a_unit & (heads_unit_of_employee | is_self)
can_plan_all = in_a_unit & heads_unit_of_employee

#: Add items to ``employee``'s plan (which forms: ``PLAN_EVERY_FORM``).
EDIT_PLAN = define("plans.edit_plan", edits_plan)
PLAN_EVERY_FORM = define("plans.plan_every_form", can_plan_all)
EDIT_PLAN_ITEM = define(
    "plans.edit_plan_item",
    is_current_plan_item
    & edits_plan_of_item
    & (plans_for_employee_of_item | is_self_development_item),
)
