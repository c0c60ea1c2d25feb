import io

import pytest

from assessments.models import (
    Answer,
    DimensionResult,
    Instrument,
    Item,
    LatestLevel,
    Result,
    TestWindow,
)
from assessments.selectors import latest_levels
from notices.models import Notice
from people.models import Employee
from sosiokultural.demo import DemoContext


def _seed(out=None):
    from assessments import demo as assessments_demo
    from competencies import demo as competencies_demo
    from people import demo as people_demo

    out = out or io.StringIO()
    context = DemoContext()
    people_demo.seed(out, context)
    competencies_demo.seed(out, context)
    assessments_demo.seed(out, context)
    return context


def _digest():
    return sorted(
        DimensionResult.objects.values_list(
            "result__employee__name",
            "result__attempt__window__title",
            "result__assessed_on",
            "dimension__code",
            "test_score",
            "supervisor_rating",
            "level",
        )
    )


@pytest.mark.django_db
def test_demo_starter_bank_covers_every_dimension():
    _seed()
    situational = Item.objects.filter(kind="situational")
    assert situational.count() >= 24
    for code in {
        "keragaman-budaya",
        "jejaring-sosial",
        "manajemen-konflik",
        "empati-sosial",
        "kepekaan-gender",
        "kepekaan-disabilitas",
    }:
        items = situational.filter(dimension__code=code)
        assert items.count() >= 4
        for item in items:
            scores = [o.score for o in item.options.all()]
            assert 4 <= len(scores) <= 5 and max(scores) == 5 and min(scores) == 1
            assert item.stem_en and all(o.text_en for o in item.options.all())
    assert Item.objects.filter(kind="likert", reverse_keyed=True).exists()
    assert Item.objects.filter(kind="personality").count() >= 5
    instrument = Instrument.objects.get(code="sosiokultural-ptsp", version=1)
    assert instrument.status == "published"
    assert instrument.items.count() == Item.objects.count()


@pytest.mark.django_db
def test_demo_two_released_rounds_for_kembangan():
    context = _seed()
    kembangan = Employee.objects.filter(unit__code__startswith="JB-KMB").count()
    assert kembangan == 37
    rounds = TestWindow.objects.filter(title__contains="putaran").exclude(
        title__contains="berjalan"
    )
    assert rounds.count() == 2
    assert Result.objects.filter(status="released").count() == 2 * kembangan
    assert LatestLevel.objects.count() == 6 * kembangan
    ids = [e.pk for e in context.people["JB-KMB:cro"]]
    assert len(latest_levels(ids)) == 6 * len(ids)
    # History notices are marked delivered: the seed sends no e-mail.
    assert set(Notice.objects.values_list("status", flat=True)) <= {"delivered"}
    # The open round has not been started by anyone.
    open_round = TestWindow.objects.get(title__contains="berjalan")
    assert not Answer.objects.filter(attempt__window=open_round).exists()
    assert open_round.attempts.count() >= 3


@pytest.mark.django_db
def test_demo_is_idempotent_and_deterministic():
    _seed()
    first = _digest()
    counts = (Result.objects.count(), Answer.objects.count(), Notice.objects.count())
    _seed()
    assert _digest() == first
    assert (
        Result.objects.count(),
        Answer.objects.count(),
        Notice.objects.count(),
    ) == counts
