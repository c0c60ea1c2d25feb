from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.scoring import (
    DimensionScore,
    ScoredAnswer,
    Weights,
    combine,
    default_cuts,
    evidence_minimum,
    item_score,
    level_for,
    mean_score,
    score_answers,
    validate_cuts,
)
from sosiokultural.rounding import round_half_up

D = Decimal
CUTS = default_cuts()
points = st.integers(min_value=1, max_value=5)


@st.composite
def cut_sets(draw):
    raw = sorted(
        draw(
            st.lists(st.integers(min_value=101, max_value=500), min_size=4, max_size=4)
        )
    )
    return tuple(D(v) / 100 for v in raw)


@st.composite
def weight_pairs(draw):
    test = draw(st.integers(min_value=0, max_value=100))
    return Weights(test=test, supervisor=100 - test)


# -- exact values -------------------------------------------------------------------


def test_round_half_up_rounds_scores_exactly():
    assert round_half_up(Fraction(7, 3)) == D("2.33")
    assert round_half_up(Fraction(8, 3)) == D("2.67")
    assert round_half_up(D("3.125")) == D("3.13")
    assert round_half_up(D("3.124")) == D("3.12")
    assert round_half_up(Fraction(5, 2)) == D("2.50")


def test_item_score_reverse_keyed_is_six_minus_answer():
    assert [item_score(a) for a in range(1, 6)] == [1, 2, 3, 4, 5]
    assert [item_score(a, reverse_keyed=True) for a in range(1, 6)] == [5, 4, 3, 2, 1]


def test_item_score_refuses_out_of_scale():
    with pytest.raises(ValueError):
        item_score(0)
    with pytest.raises(ValueError):
        item_score(6)
    with pytest.raises(TypeError):
        item_score(True)


def test_mean_score_exact_values():
    assert mean_score([4, 5, 5]) == D("4.67")
    assert mean_score([1, 2]) == D("1.50")
    assert mean_score([3]) == D("3.00")
    assert mean_score([]) is None


def test_combine_with_and_without_supervisor_rating():
    weights = Weights(test=70, supervisor=30)
    assert combine(D("3.25"), 4, weights) == D("3.48")  # 2.275 + 1.2 = 3.475
    assert combine(D("3.25"), None, weights) == D("3.25")
    assert combine(D("2.00"), 5, Weights(test=50, supervisor=50)) == D("3.50")


def test_level_for_default_cuts_boundaries():
    assert level_for(D("1.00"), CUTS) == 1
    assert level_for(D("1.79"), CUTS) == 1
    assert level_for(D("1.80"), CUTS) == 2
    assert level_for(D("2.60"), CUTS) == 3
    assert level_for(D("3.39"), CUTS) == 3
    assert level_for(D("3.40"), CUTS) == 4
    assert level_for(D("4.20"), CUTS) == 5
    assert level_for(D("5.00"), CUTS) == 5


def test_validate_cuts_refuses_bad_cut_offs():
    for bad in [
        (D("1.00"), D("2"), D("3"), D("4")),
        (D("2"), D("1.9"), D("3"), D("4")),
        (D("2"), D("3"), D("4"), D("5.01")),
        (D("2"), D("3"), D("4")),
    ]:
        with pytest.raises(ValueError):
            validate_cuts(bad)


def test_weights_must_sum_to_100():
    with pytest.raises(ValueError):
        Weights(test=70, supervisor=20)
    with pytest.raises(ValueError):
        Weights(test=110, supervisor=-10)


def test_score_answers_exact_example():
    answers = [
        ScoredAnswer(points=5, dimension_id=1),
        ScoredAnswer(points=3, dimension_id=1),
        ScoredAnswer(points=2, dimension_id=1, reverse_keyed=True),  # → 4
        ScoredAnswer(points=2, dimension_id=2),
        ScoredAnswer(points=1, trait="stabilitas-emosi", reverse_keyed=True),  # → 5
        ScoredAnswer(points=4, trait="stabilitas-emosi"),
    ]
    result = score_answers(
        answers,
        cuts={1: CUTS, 2: CUTS},
        ratings={2: 5},
        weights=Weights(70, 30),
    )
    one, two = result.dimensions[1], result.dimensions[2]
    assert (one.test_score, one.supervisor_rating, one.score, one.level) == (
        D("4.00"),
        None,
        D("4.00"),
        4,
    )
    # 0.7 × 2.00 + 0.3 × 5 = 2.90 → level 3
    assert (two.test_score, two.supervisor_rating, two.score, two.level) == (
        D("2.00"),
        5,
        D("2.90"),
        3,
    )
    assert result.personality == {"stabilitas-emosi": D("4.50")}


def test_score_answers_skips_dimension_without_answers_and_needs_cuts():
    result = score_answers([], cuts={1: CUTS}, ratings={1: 4})
    assert result.dimensions == {}
    with pytest.raises(ValueError):
        score_answers([ScoredAnswer(points=3, dimension_id=9)], cuts={1: CUTS})


# -- properties ------------------------------------------------------------------------


@given(
    st.lists(points, min_size=1, max_size=30),
    st.one_of(st.none(), points),
    weight_pairs(),
    cut_sets(),
)
def test_levels_always_between_1_and_5(answers, rating, weights, cuts):
    scored = [ScoredAnswer(points=a, dimension_id=1) for a in answers]
    result = score_answers(
        scored, cuts={1: cuts}, ratings={1: rating} if rating else {}, weights=weights
    )
    assert 1 <= result.dimensions[1].level <= 5
    assert D(1) <= result.dimensions[1].score <= D(5)


@given(
    st.lists(points, min_size=1, max_size=20),
    st.data(),
    st.one_of(st.none(), points),
    weight_pairs(),
    cut_sets(),
)
def test_level_is_monotonic_in_answers(answers, data, rating, weights, cuts):
    index = data.draw(st.integers(min_value=0, max_value=len(answers) - 1))
    higher = list(answers)
    higher[index] = data.draw(st.integers(min_value=answers[index], max_value=5))
    ratings = {1: rating} if rating else {}

    def level(values):
        scored = [ScoredAnswer(points=v, dimension_id=1) for v in values]
        return score_answers(scored, cuts={1: cuts}, ratings=ratings, weights=weights)

    before, after = level(answers).dimensions[1], level(higher).dimensions[1]
    assert after.score >= before.score
    assert after.level >= before.level


@given(
    st.lists(points, min_size=1, max_size=20),
    st.lists(points, min_size=0, max_size=20),
)
def test_reverse_keying_is_symmetric(normal, reversed_answers):
    """Answering a reverse-keyed item with a scores exactly like answering the
    same item keyed normally with 6 − a."""
    as_reversed = [ScoredAnswer(points=a, dimension_id=1) for a in normal] + [
        ScoredAnswer(points=a, dimension_id=1, reverse_keyed=True)
        for a in reversed_answers
    ]
    as_mirrored = [ScoredAnswer(points=a, dimension_id=1) for a in normal] + [
        ScoredAnswer(points=6 - a, dimension_id=1) for a in reversed_answers
    ]
    one = score_answers(as_reversed, cuts={1: CUTS}).dimensions[1]
    two = score_answers(as_mirrored, cuts={1: CUTS}).dimensions[1]
    assert one == two


@given(points)
def test_reverse_keying_twice_gives_back_the_answer(answer):
    once = item_score(answer, reverse_keyed=True)
    assert item_score(once, reverse_keyed=True) == answer
    assert item_score(answer) + item_score(answer, reverse_keyed=True) == 6


@given(weight_pairs(), st.booleans())
def test_effective_weights_sum_to_one(weights, has_rating):
    test, supervisor = weights.effective(has_rating=has_rating)
    assert test + supervisor == 1
    assert test >= 0 and supervisor >= 0


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
def test_weights_refused_unless_they_sum_to_100(test, supervisor):
    if test + supervisor == 100:
        assert Weights(test=test, supervisor=supervisor).test == test
    else:
        with pytest.raises(ValueError):
            Weights(test=test, supervisor=supervisor)


@given(st.decimals(min_value=1, max_value=5, places=2), points, weight_pairs())
def test_combined_score_lies_between_its_sources(test_score, rating, weights):
    combined = combine(test_score, rating, weights)
    low, high = sorted([test_score, D(rating)])
    assert low - D("0.01") <= combined <= high + D("0.01")


# -- evidence ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "percent", "explicit", "expected"),
    [
        (7, 60, None, 5),  # 4.2 → 5
        (5, 60, None, 3),
        (4, 60, None, 3),  # 2.4 → 3
        (1, 60, None, 1),
        (10, 60, None, 6),
        (42, 60, None, 26),  # 25.2 → 26
        (7, 100, None, 7),
        (7, 1, None, 1),
        (7, 60, 2, 2),
        (7, 60, 9, 7),  # never more than the items
        (0, 60, None, 0),
    ],
)
def test_evidence_minimum_table(items, percent, explicit, expected):
    assert evidence_minimum(items, percent=percent, explicit=explicit) == expected


def test_evidence_minimum_refuses_bad_rules():
    with pytest.raises(ValueError):
        evidence_minimum(5, percent=0)
    with pytest.raises(ValueError):
        evidence_minimum(5, percent=101)
    with pytest.raises(ValueError):
        evidence_minimum(5, explicit=0)
    with pytest.raises(ValueError):
        evidence_minimum(-1)


def test_score_answers_under_answered_dimension_has_no_level():
    # Dimension 1: 2 of 7 answered (minimum 5) → bukti belum cukup, even with a
    # supervisor rating; dimension 2: 5 of 7 → a level; dimension 3: none of 4.
    answers = [ScoredAnswer(points=5, dimension_id=1)] * 2 + [
        ScoredAnswer(points=4, dimension_id=2)
    ] * 5
    result = score_answers(
        answers,
        cuts={1: CUTS, 2: CUTS, 3: CUTS},
        ratings={1: 5},
        items={1: 7, 2: 7, 3: 4},
    )
    assert result.dimensions[1] == DimensionScore(
        test_score=None,
        supervisor_rating=5,
        score=None,
        level=None,
        answered=2,
        items=7,
        min_answered=5,
    )
    assert result.dimensions[2] == DimensionScore(
        test_score=D("4.00"),
        supervisor_rating=None,
        score=D("4.00"),
        level=4,
        answered=5,
        items=7,
        min_answered=5,
    )
    assert (result.dimensions[3].answered, result.dimensions[3].level) == (0, None)
    assert result.with_level == [2]
    assert result.without_level == [1, 3]


def test_score_answers_one_answer_on_a_short_instrument_is_not_level_5():
    result = score_answers(
        [ScoredAnswer(points=5, dimension_id=1)], cuts={1: CUTS}, items={1: 2}
    )
    assert (result.dimensions[1].min_answered, result.dimensions[1].level) == (2, None)


def test_score_answers_explicit_minimum_and_percent():
    answers = [ScoredAnswer(points=3, dimension_id=1)] * 2
    lenient = score_answers(answers, cuts={1: CUTS}, items={1: 6}, minimums={1: 2})
    strict = score_answers(answers, cuts={1: CUTS}, items={1: 6}, percent=50)
    assert (lenient.dimensions[1].level, strict.dimensions[1].level) == (3, None)
    assert strict.dimensions[1].min_answered == 3


def test_score_answers_refuses_more_answers_than_items():
    with pytest.raises(ValueError):
        score_answers(
            [ScoredAnswer(points=3, dimension_id=1)] * 3, cuts={1: CUTS}, items={1: 2}
        )
