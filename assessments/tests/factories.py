"""Factories and builders for competency-test tests."""

from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from assessments.models import Attempt, Item, ItemOption, TestWindow
from assessments.services import (
    instrument_create,
    instrument_publish,
    instrument_set_items,
    window_create,
)


class ItemFactory(factory.django.DjangoModelFactory):
    """A situational item with five options scored 1..5 (option order == score,
    so answering ``n`` scores ``n``)."""

    class Meta:
        model = Item
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"butir-{n}")
    kind = Item.Kind.SITUATIONAL
    stem = factory.Sequence(lambda n: f"Skenario loket {n}")
    stem_en = factory.Sequence(lambda n: f"Counter scenario {n}")

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if self.kind != Item.Kind.SITUATIONAL:
            return
        scores = extracted or [1, 2, 3, 4, 5]
        ItemOption.objects.bulk_create(
            ItemOption(item=self, order=n, text=f"Pilihan {n}", score=score)
            for n, score in enumerate(scores, start=1)
        )


class LikertItemFactory(ItemFactory):
    kind = Item.Kind.LIKERT


class PersonalityItemFactory(ItemFactory):
    kind = Item.Kind.PERSONALITY
    dimension = None
    trait = Item.Trait.STABILITY


def published_instrument(items, *, code="uji", minutes=30, test_weight=70, by=None):
    instrument = instrument_create(
        code=code,
        name="Uji kompetensi sosiokultural",
        time_limit_minutes=minutes,
        test_weight=test_weight,
        by=by,
    )
    instrument_set_items(instrument=instrument, items=items)
    return instrument_publish(instrument=instrument, by=by)


def open_window(instrument, employees, *, by, hours=2):
    now = timezone.now()
    return window_create(
        instrument=instrument,
        title="Uji kompetensi putaran 1",
        opens_at=now - timedelta(hours=2),
        closes_at=now + timedelta(hours=hours),
        employees=employees,
        by=by,
    )


def submitted_attempt(instrument, employee, on: date) -> Attempt:
    """``employee``'s attempt of ``instrument`` in a window of its own on ``on``,
    started at 09:00 and submitted twenty minutes later (for results written
    directly, without taking the test)."""
    moment = timezone.make_aware(datetime.combine(on, time(9)))
    window = TestWindow.objects.create(
        instrument=instrument,
        title=f"Uji {on:%Y-%m-%d}",
        opens_at=moment,
        closes_at=moment + timedelta(hours=2),
    )
    return Attempt.objects.create(
        window=window,
        employee=employee,
        status=Attempt.Status.SUBMITTED,
        started_at=moment,
        deadline=moment + timedelta(minutes=30),
        submitted_at=moment + timedelta(minutes=20),
    )
