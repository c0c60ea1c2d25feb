"""Writing plan items: the matrix and the plan's year bound every item, a form is
planned once per dimension, editing keeps the planning day."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plans.models import PlanItem
from plans.services import plan_item_add, plan_item_update, plan_items_add_many
from plans.tests.factories import planned_item

pytestmark = pytest.mark.django_db


def test_plan_item_add_rules(province, roles):
    staff = roles.staff_a.employee
    year = timezone.localdate().year
    forms = province.fw.forms
    item = plan_item_add(
        employee=staff,
        year=year,
        dimension=province.d1,
        form=forms["briefing"],
        target_date=date(year, 6, 30),
        note="  Briefing SETIA  ",
        by=roles.head_a,
    )
    assert (item.note, item.created_on) == ("Briefing SETIA", timezone.localdate())
    with pytest.raises(ValidationError) as duplicate:
        plan_item_add(
            employee=staff,
            year=year,
            dimension=province.d1,
            form=forms["briefing"],
            target_date=date(year, 7, 1),
            by=roles.head_a,
        )
    assert "sudah memuat" in str(duplicate.value)
    with pytest.raises(ValidationError) as wrong:
        plan_item_add(
            employee=staff,
            year=year,
            dimension=province.fw.dimensions["kepekaan-disabilitas"],
            form=forms["gathering"],
            target_date=date(year + 1, 1, 5),
            by=roles.head_a,
        )
    assert set(wrong.value.message_dict) == {"form", "target_date"}
    # Self-development is in no row of the matrix: it may serve any dimension.
    free = plan_item_add(
        employee=staff,
        year=year,
        dimension=province.fw.dimensions["kepekaan-disabilitas"],
        form=forms["pengembangan-diri"],
        target_date=date(year, 12, 31),
        by=roles.staff_a,
    )
    assert PlanItem.objects.filter(plan=free.plan).count() == 2


def test_plan_item_update_keeps_planning_day_and_add_many_skips_taken(province, roles):
    staff = roles.staff_a.employee
    item = planned_item(province, staff, "briefing")
    year = item.plan.year
    planned = item.created_on
    plan_item_update(
        item=item,
        dimension=province.d2,
        form=province.fw.forms["gathering"],
        target_date=date(year, 9, 1),
        note="Outbound",
    )
    item.refresh_from_db()
    assert (item.dimension, item.created_on) == (province.d2, planned)
    created = plan_items_add_many(
        employee=staff,
        year=year,
        items=[
            (province.d2, province.fw.forms["gathering"], date(year, 10, 1)),
            (province.d1, province.fw.forms["briefing"], date(year, 10, 1)),
        ],
        by=roles.head_a,
    )
    assert [(i.dimension, i.form.code) for i in created] == [(province.d1, "briefing")]
