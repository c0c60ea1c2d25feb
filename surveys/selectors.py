"""Reads of surveys, scoped with the project's rule (``people.selectors``), and the
results (NRR, IKM, grade, sample check) of any number of surveys in a constant number
of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.core.paginator import Page, Paginator
from django.db.models import Count, Min, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from people.models import Unit, User
from people.selectors import unit_scope_q, units_visible_to
from sosiokultural.periods import Period, parse_period
from sosiokultural.rounding import round_half_up
from surveys import ikm as rules
from surveys.models import (
    Element,
    ElementSet,
    ElementTotal,
    ReportedScore,
    Response,
    Survey,
)

# Units that serve the public: BPSDM runs training, not permit services.
SERVICE_KINDS = ["provinsi", "kota", "kecamatan", "kelurahan"]
COMPARISON_LEVELS = ["kota", "kecamatan", "kelurahan"]


def surveys_visible_to(user: User) -> QuerySet[Survey]:
    return Survey.objects.filter(unit_scope_q(user)).select_related(
        "unit", "element_set"
    )


def survey_get_for_user(user: User, unit_pk: int, period: str) -> Survey:
    try:
        parsed = parse_period(period)
    except ValueError as exc:
        raise Http404 from exc
    return get_object_or_404(
        surveys_visible_to(user),
        unit_id=unit_pk,
        year=parsed.year,
        quarter=parsed.quarter,
    )


def survey_units_visible_to(user: User) -> QuerySet[Unit]:
    """The service units ``user`` may see (and, by role, import for)."""
    return units_visible_to(user).filter(kind__in=SERVICE_KINDS)


def survey_unit_get_for_user(user: User, pk: int) -> Unit:
    return get_object_or_404(survey_units_visible_to(user), pk=pk)


def element_sets() -> QuerySet[ElementSet]:
    return ElementSet.objects.prefetch_related("elements")


def periods_visible_to(user: User) -> list[Period]:
    rows = surveys_visible_to(user).order_by().values_list("year", "quarter").distinct()
    return sorted({Period(y, q) for y, q in rows}, reverse=True)


# -- results ------------------------------------------------------------------------


@dataclass
class ElementResult:
    element: Element
    score: Decimal | None  # 25–100: NRR × 25 (rounded for display) or as reported
    nrr: Fraction | None = None  # exact, computed surveys only
    answers: int = 0
    weight: Fraction | None = None

    @property
    def grade(self) -> rules.Grade | None:
        return rules.grade(self.score) if self.score is not None else None

    @property
    def nrr_display(self) -> Decimal | None:
        return round_half_up(self.nrr, 2) if self.nrr is not None else None

    @property
    def weighted_display(self) -> Decimal | None:
        if self.nrr is None or self.weight is None:
            return None
        return round_half_up(self.nrr * self.weight, 3)


@dataclass
class SurveyResult:
    survey: Survey
    elements: list[ElementResult] = field(default_factory=list)
    ikm: Decimal | None = None
    respondents: int | None = None

    @property
    def reported(self) -> bool:
        return self.survey.is_reported

    @property
    def grade(self) -> rules.Grade | None:
        return rules.grade(self.ikm) if self.ikm is not None else None

    @property
    def answered(self) -> int:
        """The elements with a value: n in the weight 1/n of a computed IKM."""
        return sum(1 for r in self.elements if r.score is not None)

    @property
    def sample(self) -> rules.SampleCheck | None:
        return rules.sample_check(self.respondents, self.survey.population)

    def weakest(self, count: int = 3) -> list[ElementResult]:
        by_code = {r.element.code: r for r in self.elements}
        scores = {r.element.code: r.score for r in self.elements}
        return [by_code[code] for code in rules.weakest(scores, count)]

    @property
    def sociocultural(self) -> list[ElementResult]:
        return [r for r in self.elements if r.element.sociocultural]

    def score_of(self, element_code: str) -> Decimal | None:
        for r in self.elements:
            if r.element.code == element_code:
                return r.score
        return None


def survey_results(surveys) -> dict[int, SurveyResult]:
    """{survey_id: SurveyResult} for ``surveys`` in at most three queries, whatever
    their number: elements, answer sums (the ``ElementTotal`` roll-up), reported
    scores; the respondents are counted on the survey.

    A computed IKM weighs the elements that were answered in that survey (1/n each);
    an element added to the questionnaire afterwards shows no value.
    """
    surveys = list(surveys)
    if not surveys:
        return {}
    set_ids = {s.element_set_id for s in surveys}
    elements_by_set: dict[int, list[Element]] = defaultdict(list)
    for element in Element.objects.filter(element_set_id__in=set_ids).order_by(
        "element_set_id", "order"
    ):
        elements_by_set[element.element_set_id].append(element)

    computed = [s.pk for s in surveys if not s.is_reported]
    reported = [s.pk for s in surveys if s.is_reported]
    sums: dict[tuple[int, int], tuple[int, int]] = {}
    counts: dict[int, int] = {}
    if computed:
        # From the roll-up the import writes with the answers (surveys.rollups).
        for survey_id, element_id, total, n in ElementTotal.objects.filter(
            survey_id__in=computed
        ).values_list("survey_id", "element_id", "total", "answers"):
            sums[(survey_id, element_id)] = (total, n)
        counts = {s.pk: s.response_count for s in surveys if not s.is_reported}
    scores: dict[tuple[int, int], Decimal] = {}
    if reported:
        for score in ReportedScore.objects.filter(survey_id__in=reported):
            scores[(score.survey_id, score.element_id)] = score.score

    results = {}
    for survey in surveys:
        elements = elements_by_set.get(survey.element_set_id, [])
        if survey.is_reported:
            results[survey.pk] = SurveyResult(
                survey=survey,
                elements=[
                    ElementResult(element=e, score=scores.get((survey.pk, e.pk)))
                    for e in elements
                ],
                ikm=survey.reported_total,
                respondents=survey.reported_respondents,
            )
            continue
        answered = [e for e in elements if (survey.pk, e.pk) in sums]
        weight = rules.element_weight(len(answered)) if answered else None
        rows = []
        nrrs = []
        for element in elements:
            if (survey.pk, element.pk) not in sums:
                rows.append(ElementResult(element=element, score=None))
                continue
            total, n = sums[(survey.pk, element.pk)]
            value = rules.nrr_from_sum(total, n)
            nrrs.append(value)
            rows.append(
                ElementResult(
                    element=element,
                    score=rules.element_score(value),
                    nrr=value,
                    answers=n,
                    weight=weight,
                )
            )
        results[survey.pk] = SurveyResult(
            survey=survey,
            elements=rows,
            ikm=rules.ikm(nrrs) if nrrs else None,
            respondents=counts.get(survey.pk, 0),
        )
    return results


def survey_result(survey: Survey) -> SurveyResult:
    return survey_results([survey])[survey.pk]


def survey_responses(survey: Survey) -> QuerySet[Response]:
    """The respondents of a computed survey with their answers (two queries)."""
    return survey.responses.order_by("row").prefetch_related("answers")


# -- pages --------------------------------------------------------------------------


def unit_trend(user: User, unit: Unit) -> list[SurveyResult]:
    """The unit's surveys, oldest first, with their results."""
    surveys = surveys_visible_to(user).filter(unit=unit).order_by("year", "quarter")
    results = survey_results(surveys)
    return [results[s.pk] for s in surveys]


@dataclass
class Comparison:
    period: Period
    level: str
    element_set: ElementSet | None
    results: list[SurveyResult]  # one column per unit, in tree order
    elements: list[Element]
    other_sets: list[Survey]  # the first surveys of the period on another questionnaire
    other_count: int = 0  # how many surveys use another questionnaire
    page: Page | None = None  # the page of units shown, when paginated

    @property
    def rows(self) -> list[tuple[Element, list[ElementResult | None]]]:
        table = []
        for element in self.elements:
            cells = []
            for result in self.results:
                match = [r for r in result.elements if r.element.pk == element.pk]
                cells.append(match[0] if match else None)
            table.append((element, cells))
        return table


# Units side by side on one page of the comparison (columns); others shown by name.
COMPARISON_UNITS_PER_PAGE = 12
OTHER_SETS_SHOWN = 20


def comparison(
    user: User,
    *,
    period: Period,
    level: str = "",
    element_set: ElementSet | None = None,
    page_number=None,
    per_page: int | None = None,
) -> Comparison:
    """Units of one level (kota, kecamatan, kelurahan; empty = all levels) side by
    side for one period, as the paper's Table 2 compares them. Only surveys using
    the same questionnaire share a table; the most used one is the default.

    With ``per_page`` only one page of units is read and computed (the page
    shows ``per_page`` columns); without it every unit (the export)."""
    surveys = surveys_visible_to(user).filter(year=period.year, quarter=period.quarter)
    if level:
        surveys = surveys.filter(unit__kind=level)
    # Surveys per questionnaire, in one query: the default questionnaire (the
    # most used; ties to the one first in tree order) and every count shown.
    usage = list(
        surveys.order_by()
        .values("element_set_id")
        .annotate(n=Count("id"), first=Min("unit__path"))
        .order_by("-n", "first")
    )
    if element_set is not None:
        chosen = element_set.pk
    else:
        chosen = usage[0]["element_set_id"] if usage else None
    same_count = sum(u["n"] for u in usage if u["element_set_id"] == chosen)
    other_count = sum(u["n"] for u in usage) - same_count
    same = (
        surveys.filter(element_set_id=chosen)
        .select_related("unit", "element_set")
        .order_by("unit__path")
    )
    page = None
    if per_page:
        paginator = Paginator(same, per_page)
        paginator.count = same_count  # known already: spare its COUNT query
        page = paginator.get_page(page_number)
        shown = list(page.object_list)
    else:
        shown = list(same) if same_count else []
    if element_set is None and shown:
        element_set = shown[0].element_set  # read with the page
    results = survey_results(shown)
    elements = [r.element for r in results[shown[0].pk].elements] if shown else []
    other_sets = (
        list(
            surveys.exclude(element_set_id=chosen)
            .select_related("unit", "element_set")
            .order_by("unit__path")[:OTHER_SETS_SHOWN]
        )
        if other_count
        else []
    )
    return Comparison(
        period=period,
        level=level,
        element_set=element_set,
        results=[results[s.pk] for s in shown],
        elements=elements,
        other_sets=other_sets,
        other_count=other_count,
        page=page,
    )
