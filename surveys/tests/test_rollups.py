"""The IKM roll-up (``surveys.rollups``): the import writes each element's sum
and count of answers and the respondent count with the answers; a re-import
replaces them; the rebuild recomputes them from the answers and ``--check``
reports any difference."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys.models import Answer, ElementTotal, Survey
from surveys.rollups import element_totals_drift, element_totals_rebuild
from surveys.selectors import survey_results
from surveys.tests.factories import import_survey, permen_set, report_survey

pytestmark = pytest.mark.django_db

ROWS = [
    [4, 3, 3, 4, 3, 3, 4, 2, 3],
    [3, 3, 2, 4, 4, 3, 4, 1, 3],
    [4, 4, 3, 3, 3, 2, 4, 2, 4],
]


def _stored(survey):
    return {
        (t.element.order): (t.total, t.answers)
        for t in ElementTotal.objects.filter(survey=survey).select_related("element")
    }


def test_import_writes_each_elements_sum_and_count(org):
    survey = import_survey(org.kel_a, "2024Q1", rows=ROWS)
    orders = list(
        permen_set().elements.order_by("order").values_list("order", flat=True)
    )
    # Column by column: 4+3+4, 3+3+4, 3+2+3, 4+4+3, 3+4+3, 3+3+2, 4+4+4, 2+1+2, 3+3+4.
    expected = [11, 10, 8, 11, 10, 8, 12, 5, 10]
    assert _stored(survey) == {o: (t, 3) for o, t in zip(orders, expected, strict=True)}
    assert Survey.objects.get(pk=survey.pk).response_count == 3
    assert element_totals_drift() == []


def test_reimport_replaces_the_totals(org):
    import_survey(org.kel_a, "2024Q1", rows=ROWS)
    survey = import_survey(org.kel_a, "2024Q1", rows=ROWS[:1], replace=True)
    assert {n for __, n in _stored(survey).values()} == {1}
    assert ElementTotal.objects.count() == 9
    assert element_totals_drift() == []


def test_results_read_the_rollup_not_the_answers(org):
    """Same figures as from the answers, in three queries for any number of
    surveys (elements, totals, reported scores)."""
    surveys = [
        import_survey(org.kel_a, "2024Q1", rows=ROWS),
        import_survey(org.kel_b, "2024Q1", rows=ROWS[1:]),
        report_survey(org.kel_a, "2018Q4"),
    ]
    before = survey_results(surveys)
    with CaptureQueriesContext(connection) as queries:
        results = survey_results(Survey.objects.all())
    assert len(queries) == 4  # the surveys themselves, then three
    assert {pk: (r.ikm, r.respondents) for pk, r in results.items()} == {
        pk: (r.ikm, r.respondents) for pk, r in before.items()
    }
    assert results[surveys[0].pk].respondents == 3
    assert results[surveys[1].pk].respondents == 2
    # The figures follow the roll-up: a drifted total shows (and is caught).
    ElementTotal.objects.filter(survey=surveys[0]).delete()
    assert survey_results([surveys[0]])[surveys[0].pk].ikm is None
    assert len(element_totals_drift()) == 9


def test_rebuild_restores_what_drifted_and_check_reports_it(org):
    survey = import_survey(org.kel_a, "2024Q1", rows=ROWS)
    good = _stored(survey)
    ElementTotal.objects.filter(survey=survey).update(total=1)
    Survey.objects.filter(pk=survey.pk).update(response_count=7)
    Answer.objects.filter(response__survey=survey, value=1).update(value=2)
    drift = element_totals_drift()
    assert ("Survey.response_count", survey.pk, 7, 3) in drift
    with pytest.raises(CommandError, match="menyimpang"):
        call_command("rebuild_rollups", "--check", stdout=io.StringIO())
    assert element_totals_rebuild() == 9
    assert element_totals_drift() == []
    fixed = _stored(survey)
    # The one answer of value 1 (the eighth element, second row) is 2 now: 5 → 6.
    eighth = sorted(good)[7]
    assert {k: v for k, v in fixed.items() if v != good[k]} == {eighth: (6, 3)}
    out = io.StringIO()
    call_command("rebuild_rollups", "--check", stdout=out)
    assert "ElementTotal: 0 baris menyimpang" in out.getvalue()
