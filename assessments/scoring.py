"""Scoring of a competency test, as pure functions (no database).

The rules (also in docs/assessments.md):

- Item score: a situational option is worth its keyed score (1–5); a Likert or
  personality answer ``a`` (1–5) is worth ``a``, or ``6 − a`` when reverse-keyed.
- Test score of a dimension = mean of its item scores, rounded half-up to 2 decimals.
- Combined score = test score when there is no supervisor rating; otherwise
  ``test_weight × test score + supervisor_weight × rating`` (weights are whole
  percentages summing to 100), rounded half-up to 2 decimals.
- Level = 1 + the number of the dimension's cut-offs (min. score for level 2, 3, 4,
  5) that the rounded combined score reaches (≥).
- Personality items give a mean per trait (same rounding), never a level.
- Evidence: a dimension gets a score and a level only when at least its minimum
  of answered items is reached — the instrument's explicit minimum for the
  dimension, or ⌈percent × items ÷ 100⌉ of the dimension's items (default 60 %),
  never more than the items and at least 1. Below it the dimension is "bukti belum
  cukup": no score, no level (a supervisor rating alone is not a test result).

Rounding is exact: means are taken as fractions, then rounded once.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import ceil

from sosiokultural.rounding import round_half_up

MIN_SCORE = 1
MAX_SCORE = 5
CENT = Decimal("0.01")
DEFAULT_EVIDENCE_PERCENT = 60


def _check_point(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, got {value!r}")
    if not MIN_SCORE <= value <= MAX_SCORE:
        raise ValueError(f"{what} must be 1–5, got {value}")


def item_score(answer: int, *, reverse_keyed: bool = False) -> int:
    """The score of a scale answer: ``answer``, or ``6 − answer`` if reverse-keyed."""
    _check_point(answer, "answer")
    return MIN_SCORE + MAX_SCORE - answer if reverse_keyed else answer


def mean_score(scores: Iterable[int]) -> Decimal | None:
    """Mean of item scores rounded half-up to 2 decimals; ``None`` for no scores."""
    values = list(scores)
    if not values:
        return None
    for value in values:
        _check_point(value, "item score")
    return round_half_up(Fraction(sum(values), len(values)), 2)


@dataclass(frozen=True)
class Weights:
    """Weights of the two sources as whole percentages; they must sum to 100."""

    test: int = 70
    supervisor: int = 30

    def __post_init__(self) -> None:
        if not (0 <= self.test <= 100 and 0 <= self.supervisor <= 100):
            raise ValueError("weights must be 0–100")
        if self.test + self.supervisor != 100:
            raise ValueError("weights must sum to 100")

    def effective(self, *, has_rating: bool) -> tuple[Fraction, Fraction]:
        """(test, supervisor) as fractions summing to 1; the test alone counts
        fully when there is no supervisor rating."""
        if not has_rating:
            return Fraction(1), Fraction(0)
        return Fraction(self.test, 100), Fraction(self.supervisor, 100)


def combine(test_score: Decimal, rating: int | None, weights: Weights) -> Decimal:
    """Combined score of a dimension (see the module rules)."""
    if rating is not None:
        _check_point(rating, "supervisor rating")
    w_test, w_supervisor = weights.effective(has_rating=rating is not None)
    total = w_test * Fraction(test_score) + w_supervisor * (rating or 0)
    return round_half_up(total, 2)


def validate_cuts(cuts: Sequence[Decimal]) -> None:
    """Cut-offs are the minimum scores of levels 2–5: four values, ascending,
    within (1, 5]."""
    if len(cuts) != 4:
        raise ValueError("four cut-offs are needed (levels 2–5)")
    if not Decimal(MIN_SCORE) < cuts[0]:
        raise ValueError("the level-2 cut-off must be above 1")
    if cuts[-1] > MAX_SCORE:
        raise ValueError("the level-5 cut-off must be at most 5")
    if any(b < a for a, b in zip(cuts, cuts[1:], strict=False)):
        raise ValueError("cut-offs must not decrease")


def level_for(score: Decimal, cuts: Sequence[Decimal]) -> int:
    """Level 1–5 of a (rounded) score: 1 + the number of cut-offs it reaches."""
    validate_cuts(cuts)
    return MIN_SCORE + sum(1 for cut in cuts if score >= cut)


def default_cuts() -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Five equal bands of the 1–5 range (width 0.80): 1.80, 2.60, 3.40, 4.20."""
    return (Decimal("1.80"), Decimal("2.60"), Decimal("3.40"), Decimal("4.20"))


def evidence_minimum(
    items: int, *, percent: int = DEFAULT_EVIDENCE_PERCENT, explicit: int | None = None
) -> int:
    """Answered items a dimension of ``items`` items needs for a level: the
    ``explicit`` minimum, or ⌈percent % of items⌉; capped at ``items``, at least 1
    (0 for a dimension without items)."""
    if items < 0:
        raise ValueError("items must not be negative")
    if not 1 <= percent <= 100:
        raise ValueError("percent must be 1–100")
    if explicit is not None and explicit < 1:
        raise ValueError("an explicit minimum must be at least 1")
    if items == 0:
        return 0
    wanted = explicit if explicit is not None else ceil(Fraction(percent * items, 100))
    return max(1, min(wanted, items))


@dataclass(frozen=True)
class ScoredAnswer:
    """One answer, ready to score. ``points`` is the option's keyed score for a
    situational item or the scale answer (1–5) otherwise."""

    points: int
    dimension_id: int | None = None
    trait: str = ""
    reverse_keyed: bool = False

    @property
    def score(self) -> int:
        return item_score(self.points, reverse_keyed=self.reverse_keyed)


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's outcome; ``level`` (and the scores) are ``None`` when fewer
    than ``min_answered`` of its ``items`` were answered."""

    test_score: Decimal | None
    supervisor_rating: int | None
    score: Decimal | None
    level: int | None
    answered: int = 0
    items: int = 0
    min_answered: int = 0

    @property
    def sufficient(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class Scoring:
    dimensions: dict[int, DimensionScore] = field(default_factory=dict)
    personality: dict[str, Decimal] = field(default_factory=dict)

    @property
    def with_level(self) -> list[int]:
        return [pk for pk, d in self.dimensions.items() if d.sufficient]

    @property
    def without_level(self) -> list[int]:
        """Dimensions tested but without enough answers ("bukti belum cukup")."""
        return [pk for pk, d in self.dimensions.items() if not d.sufficient]


def score_answers(
    answers: Iterable[ScoredAnswer],
    *,
    cuts: Mapping[int, Sequence[Decimal]],
    ratings: Mapping[int, int] | None = None,
    weights: Weights | None = None,
    items: Mapping[int, int] | None = None,
    minimums: Mapping[int, int] | None = None,
    percent: int = DEFAULT_EVIDENCE_PERCENT,
) -> Scoring:
    """Score a whole attempt.

    ``items`` = {dimension_id: items of the dimension in the instrument}; every
    dimension in it gets an outcome, those with too few answers without a level.
    Without ``items`` only the answered dimensions count, each as fully
    answered. ``minimums`` = {dimension_id: explicit minimum} overrides the
    ``percent`` rule per dimension (``evidence_minimum``)."""
    ratings = ratings or {}
    weights = weights or Weights()
    minimums = minimums or {}
    by_dimension: dict[int, list[int]] = defaultdict(list)
    by_trait: dict[str, list[int]] = defaultdict(list)
    for answer in answers:
        if answer.dimension_id is not None:
            by_dimension[answer.dimension_id].append(answer.score)
        elif answer.trait:
            by_trait[answer.trait].append(answer.score)
        else:
            raise ValueError("an answer needs a dimension or a trait")
    if items is None:
        items = {pk: len(scores) for pk, scores in by_dimension.items()}
    for dimension_id, scores in by_dimension.items():
        if len(scores) > items.get(dimension_id, 0):
            raise ValueError(f"more answers than items in dimension {dimension_id}")
    dimensions = {}
    for dimension_id, count in sorted(items.items()):
        if count <= 0:
            continue
        if dimension_id not in cuts:
            raise ValueError(f"no cut-offs for dimension {dimension_id}")
        scores = by_dimension.get(dimension_id, [])
        needed = evidence_minimum(
            count, percent=percent, explicit=minimums.get(dimension_id)
        )
        rating = ratings.get(dimension_id)
        test_score = score = level = None
        if len(scores) >= needed:
            test_score = mean_score(scores)
            score = combine(test_score, rating, weights)
            level = level_for(score, cuts[dimension_id])
        dimensions[dimension_id] = DimensionScore(
            test_score=test_score,
            supervisor_rating=rating,
            score=score,
            level=level,
            answered=len(scores),
            items=count,
            min_answered=needed,
        )
    personality = {trait: mean_score(s) for trait, s in sorted(by_trait.items())}
    return Scoring(dimensions=dimensions, personality=personality)
