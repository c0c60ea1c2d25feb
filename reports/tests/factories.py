"""Builders for report tests: released test results (with the LatestLevel roll-up
refreshed by the assessments service), plans and plan items."""

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import factory
from django.db import transaction
from django.utils import timezone

from assessments.models import (
    Attempt,
    DimensionResult,
    Instrument,
    Result,
    TestWindow,
)
from assessments.services import latest_levels_refresh
from competencies.models import Dimension
from people.models import Employee
from reports.models import DevelopmentPlan, PlanItem


def _instrument() -> Instrument:
    instrument, __ = Instrument.objects.get_or_create(
        code="uji-laporan",
        version=1,
        defaults={
            "name": "Uji kompetensi sosiokultural",
            "time_limit_minutes": 30,
            "status": Instrument.Status.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    return instrument


def released_result(
    employee: Employee,
    assessed_on: date,
    levels: Mapping[Dimension, int],
) -> Result:
    """A released result of ``employee`` on ``assessed_on`` with the given level
    per dimension; ``LatestLevel`` refreshed as a release does."""
    instrument = _instrument()
    moment = timezone.make_aware(datetime.combine(assessed_on, time(9)))
    window = TestWindow.objects.create(
        instrument=instrument,
        title=f"Uji {assessed_on:%Y-%m-%d}",
        opens_at=moment,
        closes_at=moment + timedelta(hours=4),
    )
    attempt = Attempt.objects.create(
        window=window,
        employee=employee,
        status=Attempt.Status.SUBMITTED,
        started_at=moment,
        deadline=moment + timedelta(minutes=30),
        submitted_at=moment + timedelta(minutes=20),
    )
    result = Result.objects.create(
        attempt=attempt,
        employee=employee,
        instrument=instrument,
        assessed_on=assessed_on,
        status=Result.Status.RELEASED,
        scored_at=moment,
        released_at=moment,
    )
    DimensionResult.objects.bulk_create(
        DimensionResult(
            result=result,
            employee=employee,
            dimension=dimension,
            test_score=Decimal(level),
            score=Decimal(level),
            level=level,
        )
        for dimension, level in levels.items()
    )
    with transaction.atomic():  # the refresh locks the employee row
        latest_levels_refresh(employee_id=employee.pk)
    return result


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
