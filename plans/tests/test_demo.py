import io

import pytest
from django.core.management import call_command

from plans.models import DevelopmentPlan, PlanItem

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_plans_once(demo_seeded):
    plans, items = DevelopmentPlan.objects.count(), PlanItem.objects.count()
    assert (plans, items) == (4, 9)
    call_command("seed_demo", stdout=io.StringIO())
    assert (DevelopmentPlan.objects.count(), PlanItem.objects.count()) == (4, 9)
