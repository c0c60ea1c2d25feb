"""The weighted 360 score's rule, without the database."""

from decimal import Decimal
from fractions import Fraction

from competencies.models import RATER_GROUPS
from multirater.models import Relation
from multirater.weighting import groups_used, weighted_score

WEIGHTS = {
    "self": Decimal("0"),
    "head": Decimal("2"),
    "peer": Decimal("1"),
    "staff": Decimal("1"),
}
EVEN = {"self": Decimal("1"), "head": Decimal("1"), "peer": Decimal("1")}


def test_the_standard_weights_the_groups_of_multirater():
    assert tuple(Relation.values) == RATER_GROUPS


def test_weighted_score_hand_computed():
    # (2 × 4.00 + 1 × 3.00) ÷ (2 + 1) = 11/3 = 3.666… → 3.67.
    means = {"head": Fraction(4), "peer": Fraction(3)}
    assert weighted_score(means, WEIGHTS) == Decimal("3.67")


def test_weighted_score_uses_the_exact_means_and_rounds_once():
    # Means 4/3 and 7/3: (2 × 4/3 + 7/3) ÷ 3 = 5/3 → 1.67; from the printed
    # 1.33 and 2.33 it would be 4.99 ÷ 3 → 1.66.
    means = {"head": Fraction(4, 3), "peer": Fraction(7, 3)}
    assert weighted_score(means, WEIGHTS) == Decimal("1.67")


def test_weighted_score_rounds_a_tie_up():
    # (3.01 + 3) ÷ 2 = 3.005 → 3.01.
    means = {"head": Fraction(301, 100), "peer": Fraction(3)}
    assert weighted_score(means, EVEN) == Decimal("3.01")


def test_weighted_score_without_a_weighted_group_is_none():
    assert weighted_score({}, WEIGHTS) is None
    assert weighted_score({"self": Fraction(5)}, WEIGHTS) is None  # weight 0
    assert weighted_score({"staff": Fraction(5)}, EVEN) is None  # no weight


def test_groups_used_are_the_shown_ones_with_a_weight():
    counts = {"self": 1, "head": 3, "peer": 2, "staff": 4}
    # Peers (2 < 3) are hidden; self has weight 0; staff 4 are shown.
    assert groups_used(counts, WEIGHTS, 3, self_shown=True) == ["head", "staff"]
    # Weight 0 leaves a shown group out; no answers, no group.
    assert groups_used(
        counts, {**WEIGHTS, "staff": Decimal(0)}, 3, self_shown=True
    ) == ["head"]
    assert groups_used({**counts, "head": 0}, WEIGHTS, 3, self_shown=True) == ["staff"]
    # A higher threshold hides more.
    assert groups_used(counts, WEIGHTS, 4, self_shown=True) == ["staff"]


def test_self_enters_only_for_the_employee_and_only_when_weighted():
    counts = {"self": 1, "head": 3, "peer": 3, "staff": 0}
    weights = {**WEIGHTS, "self": Decimal("0.5")}
    assert groups_used(counts, weights, 3, self_shown=True) == ["self", "head", "peer"]
    assert groups_used(counts, weights, 3, self_shown=False) == ["head", "peer"]
    assert groups_used({**counts, "self": 0}, weights, 3, self_shown=True) == [
        "head",
        "peer",
    ]
    assert groups_used(counts, WEIGHTS, 3, self_shown=True) == ["head", "peer"]
