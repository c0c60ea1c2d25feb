from decimal import Decimal
from io import StringIO

import pytest

from people import demo as people_demo
from sosiokultural.demo import DemoContext
from surveys import demo
from surveys.models import Answer, Response, Survey
from surveys.selectors import survey_result


@pytest.fixture
def context(db):
    context = DemoContext()
    people_demo.seed(StringIO(), context)
    return context


def _counts():
    return (Survey.objects.count(), Response.objects.count(), Answer.objects.count())


def test_demo_stores_table_2_as_reported(context):
    demo.seed(StringIO(), context)
    kota = Survey.objects.get(unit__code="JB", year=2018, quarter=4)
    result = survey_result(kota)
    assert (result.reported, result.ikm) == (True, Decimal("85.35"))
    assert {r.element.code: r.score for r in result.elements}["info_pengaduan"] == (
        Decimal("76.93")
    )
    expected = {"JB": "85.35", "JB-KMB": "84.98", "JB-KMB-MU": "85.72", "DKI": "87.87"}
    stored = {
        s.unit.code: str(s.reported_total)
        for s in Survey.objects.filter(year=2018, quarter=4).select_related("unit")
    }
    assert stored == expected


def test_demo_raw_responses_for_kembangan(context):
    demo.seed(StringIO(), context)
    raw = Survey.objects.filter(unit__code="JB-KMB", kind="responses").order_by(
        "year", "quarter"
    )
    assert [survey_result(s).respondents for s in raw] == demo.RESPONDENTS
    assert all(s.population == 175 * 62 for s in raw)
    short = [survey_result(s).sample.short for s in raw]
    assert short == [False, False, True, False]
    assert (
        Survey.objects.filter(unit__code__in=demo.KELURAHAN, kind="responses").count()
        == 6
    )


def test_demo_is_idempotent_and_deterministic(context):
    demo.seed(StringIO(), context)
    first = _counts()
    values = sorted(
        (str(s.period), s.unit.code, survey_result(s).ikm)
        for s in Survey.objects.select_related("unit")
    )
    demo.seed(StringIO(), context)
    assert _counts() == first
    Survey.objects.all().delete()
    demo.seed(StringIO(), context)
    assert (
        sorted(
            (str(s.period), s.unit.code, survey_result(s).ikm)
            for s in Survey.objects.select_related("unit")
        )
        == values
    )
