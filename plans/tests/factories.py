"""Builders of development plans and their items."""

from datetime import date

import factory
from django.utils import timezone

from plans.models import DevelopmentPlan, PlanItem


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    year = factory.LazyFunction(lambda: timezone.localdate().year)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(DevelopmentPlanFactory)
    target_date = factory.LazyAttribute(lambda o: date(o.plan.year, 12, 1))
    created_on = factory.LazyFunction(timezone.localdate)


def planned_item(province, employee, form_code, dimension=None, created_on=None):
    """An item of ``employee``'s plan of this year in the test province, planned
    on 1 January unless ``created_on`` says otherwise."""
    plan = DevelopmentPlanFactory(employee=employee)
    return PlanItemFactory(
        plan=plan,
        dimension=dimension or province.d1,
        form=province.fw.forms[form_code],
        created_on=created_on or date(plan.year, 1, 1),
    )
