"""Follow-up of survey results as the public-service evaluation (PEKPPP,
PermenPANRB 29/2022 as amended) scores it: pure functions for one survey, and the
same rule in SQL (``quarter_totals``) for the totals of many units at once.

- **Weak elements**: those graded C or D (below 76.61 on the 25–100 scale); when
  none is, the single lowest element — every survey has something to follow up.
- **Followed up**: a weak element with at least one follow-up action done.
- **Share followed up**: followed-up weak elements ÷ weak elements, in percent,
  rounded half up to one decimal.
- **Days to follow-up**: per followed-up element, the days from the end of the
  survey's quarter to its first action done (0 when done within the quarter); their
  mean, rounded half up to one decimal.
- **Publication channels**: the distinct channels the results were published in.

The pure functions are the definition; ``quarter_totals`` states it once more in
SQL so a page over hundreds of units reads a few rows per unit instead of every
element score and action, and ``surveys/tests/test_pekppp.py`` checks the two
agree (a hand-computed fixture and seeded random quarters).
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    BigIntegerField,
    Count,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Greatest
from django.utils.translation import gettext_lazy

from sosiokultural.periods import Period
from sosiokultural.rounding import percent, ratio
from surveys.ikm import GRADES, SCALE
from surveys.models import ElementTotal, FollowUp, Publication, ReportedScore, Survey

WEAK_BELOW = GRADES[1].lower_bound  # below "B (Baik)"

# The rule above as every page and export that shows these figures states it.
RULE = gettext_lazy(
    "Unsur lemah: bermutu C atau D (bila tidak ada, satu unsur terendah); hari "
    "dihitung dari akhir triwulan sampai tindakan pertama yang selesai."
)


def weak_elements(scores: dict[Hashable, Decimal | None]) -> list[Hashable]:
    """The weak elements of ``scores`` (key → score, ``None`` = no value), in the
    given order."""
    known = {key: value for key, value in scores.items() if value is not None}
    weak = [key for key, value in known.items() if value < WEAK_BELOW]
    if weak or not known:
        return weak
    lowest = min(known.values())
    return [next(key for key, value in known.items() if value == lowest)]


@dataclass(frozen=True)
class Indicators:
    weak: int
    planned: int  # weak elements with an action, done or not
    followed_up: int  # weak elements with an action done
    share_followed_up: Decimal | None  # percent
    mean_days: Decimal | None
    channels: tuple[str, ...]
    total_days: int = 0  # the sum behind ``mean_days``, for totals

    @property
    def published(self) -> bool:
        return bool(self.channels)


def indicators(
    *,
    scores: dict[Hashable, Decimal | None],
    actions: Iterable[tuple[Hashable, date | None]],
    period_end: date,
    channels: Iterable[str],
) -> Indicators:
    """``actions``: (element key, date done or ``None``) per follow-up action."""
    weak = weak_elements(scores)
    weak_set = set(weak)
    planned: set = set()
    first_done: dict = {}
    for key, done_on in actions:
        if key not in weak_set:
            continue
        planned.add(key)
        if done_on is not None and (key not in first_done or done_on < first_done[key]):
            first_done[key] = done_on
    share = percent(len(first_done), len(weak))
    days = [max((done - period_end).days, 0) for done in first_done.values()]
    mean = ratio(sum(days), len(days), 1)
    return Indicators(
        weak=len(weak),
        planned=len(planned),
        followed_up=len(first_done),
        share_followed_up=share,
        mean_days=mean,
        channels=tuple(sorted(set(channels))),
        total_days=sum(days),
    )


@dataclass(frozen=True)
class Totals:
    surveys: int
    published: int  # surveys whose results were published somewhere
    weak: int
    followed_up: int
    share_followed_up: Decimal | None
    mean_days: Decimal | None
    total_days: int = 0  # the sum behind ``mean_days``, for adding totals up


def _totals(
    *, surveys: int, published: int, weak: int, followed_up: int, total_days: int
) -> Totals:
    """The one place where the share and the mean of many surveys are taken:
    over all their weak elements (not a mean of the surveys' shares)."""
    return Totals(
        surveys=surveys,
        published=published,
        weak=weak,
        followed_up=followed_up,
        share_followed_up=percent(followed_up, weak),
        mean_days=ratio(total_days, followed_up, 1),
        total_days=total_days,
    )


def totals(items: Iterable[Indicators]) -> Totals:
    """The indicators of many surveys together."""
    items = list(items)
    return _totals(
        surveys=len(items),
        published=sum(1 for i in items if i.published),
        weak=sum(i.weak for i in items),
        followed_up=sum(i.followed_up for i in items),
        total_days=sum(i.total_days for i in items),
    )


def combine(items: Iterable[Totals]) -> Totals:
    """Totals of totals (e.g. the rows of a page into the page's total)."""
    items = list(items)
    return _totals(
        surveys=sum(t.surveys for t in items),
        published=sum(t.published for t in items),
        weak=sum(t.weak for t in items),
        followed_up=sum(t.followed_up for t in items),
        total_days=sum(t.total_days for t in items),
    )


# -- the same rule in SQL ------------------------------------------------------------

# An element is weak below this score, in hundredths of the 25–100 scale (7661).
WEAK_COMPUTED = int(WEAK_BELOW * 100)


def _computed_hundredths() -> ExpressionWrapper:
    """An ``ElementTotal``'s score in hundredths, rounded half up as
    ``surveys.ikm.element_score`` rounds NRR × 25: floor(total × 2500 / answers
    + ½) = (2 × 2500 × total + answers) div (2 × answers), exact integers."""
    total = Cast("total", BigIntegerField())
    answers = Cast("answers", BigIntegerField())
    return ExpressionWrapper(
        (total * (2 * SCALE * 100) + answers) / (answers * 2),
        output_field=BigIntegerField(),
    )


def _reported_score() -> F:
    """A ``ReportedScore`` as reported (at most 2 decimals), compared as a
    decimal: hundredths of a float column would put 76.61 just below 7661."""
    return F("score")


def _weak_rows(
    model, kind: str, score, bound, surveys: QuerySet, period: Period
) -> QuerySet:
    """The weak elements of the ``kind`` surveys of ``period`` among ``surveys``,
    from ``model``'s score rows (one per survey and element of its
    questionnaire): below ``bound``, or, when a survey has none, its single
    lowest (ties: the first in questionnaire order), as ``weak_elements``. The
    lowest is the row no other row of its survey undercuts; a weak row always
    undercuts a non-weak one.

    The quarter is named on the rows' own survey too, so that PostgreSQL reads
    them through the surveys of that quarter (an index) instead of hashing the
    rows of every quarter kept: 37 → 18 ms at 500 units, and it no longer grows
    with the years of history."""
    rows = model.objects.filter(
        element__element_set_id=F("survey__element_set_id"),
        survey__kind=kind,
        survey__year=period.year,
        survey__quarter=period.quarter,
    )
    if model is ElementTotal:
        rows = rows.filter(answers__gt=0)
    rows = rows.annotate(score_v=score())
    lower = rows.filter(
        Q(score_v__lt=OuterRef("score_v"))
        | Q(score_v=OuterRef("score_v"), element__order__lt=OuterRef("order")),
        survey_id=OuterRef("survey_id"),
    )
    return (
        rows.filter(survey_id__in=surveys.values("pk"))
        .annotate(order=F("element__order"))
        .filter(Q(score_v__lt=bound) | ~Exists(lower))
    )


def _per_survey(weak: QuerySet, end: date) -> list[tuple[int, int, int, object]]:
    """[(survey id, weak, followed up, summed days)] of the weak rows: the first
    done action per element, days from ``end`` floored at 0.

    The first done action is a subquery run once per row for each place it is
    named, so it is named twice only: an element without one adds nothing to
    the days without a filter (PostgreSQL's GREATEST skips the NULL, giving
    ``end`` and 0 days; SQLite's gives NULL, which SUM skips)."""
    first_done = Subquery(
        FollowUp.objects.filter(
            survey_id=OuterRef("survey_id"),
            element_id=OuterRef("element_id"),
            done_on__isnull=False,
        )
        .order_by("done_on")
        .values("done_on")[:1]
    )
    end_value = Value(end)
    return list(
        weak.annotate(first_done=first_done)
        .order_by()
        .values_list("survey_id")
        .annotate(
            weak=Count("pk"),
            followed=Count("first_done"),
            days=Sum(Greatest("first_done", end_value) - end_value),
        )
    )


def quarter_totals(
    surveys: QuerySet, period: Period, *, key: Expression | None = None
) -> dict[Hashable, Totals]:
    """The totals of the surveys of ``period`` among ``surveys`` (already scoped),
    grouped by ``key``, an expression on the survey (e.g. which row of a report
    its unit falls in); without ``key`` one group, ``None``. Three queries
    whatever the number of surveys: the surveys with their key and whether
    they were published, and the weak elements of the computed and of the
    reported ones, counted per survey in the database."""
    surveys = surveys.filter(year=period.year, quarter=period.quarter)
    published = Exists(Publication.objects.filter(survey_id=OuterRef("pk")))
    rows = surveys.order_by().annotate(is_published=published)
    if key is not None:
        rows = rows.annotate(group=key)
        info = {
            pk: (group, pub)
            for pk, group, pub in rows.values_list("pk", "group", "is_published")
        }
    else:
        info = {pk: (None, pub) for pk, pub in rows.values_list("pk", "is_published")}
    counts: dict[int, tuple[int, int, int]] = {}
    # Both reads run even for no survey: the same queries whatever the data.
    for model, kind, score, bound in (
        (ElementTotal, Survey.Kind.RESPONSES, _computed_hundredths, WEAK_COMPUTED),
        (ReportedScore, Survey.Kind.REPORTED, _reported_score, WEAK_BELOW),
    ):
        weak = _weak_rows(model, kind, score, bound, surveys, period)
        for survey_id, n_weak, n_followed, days in _per_survey(weak, period.end):
            counts[survey_id] = (n_weak, n_followed, days.days if days else 0)
    groups: dict[Hashable, list] = {}
    for pk, (group, pub) in info.items():
        n_weak, n_followed, days = counts.get(pk, (0, 0, 0))
        groups.setdefault(group, []).append((bool(pub), n_weak, n_followed, days))
    return {
        group: _totals(
            surveys=len(items),
            published=sum(1 for item in items if item[0]),
            weak=sum(item[1] for item in items),
            followed_up=sum(item[2] for item in items),
            total_days=sum(item[3] for item in items),
        )
        for group, items in groups.items()
    }
