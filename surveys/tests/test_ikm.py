from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from sosiokultural.periods import Period, parse_period
from sosiokultural.rounding import round_half_up
from surveys.ikm import (
    element_score,
    element_weight,
    grade,
    ikm,
    ikm_exact,
    krejcie_morgan,
    nrr,
    sample_check,
    weakest,
)


def test_nrr_is_the_exact_mean_answer():
    assert nrr([4, 3, 3]) == Fraction(10, 3)


def test_nrr_rejects_answers_outside_1_to_4():
    with pytest.raises(ValueError):
        nrr([4, 5])
    with pytest.raises(ValueError):
        nrr([0])


def test_nrr_needs_an_answer():
    with pytest.raises(ValueError):
        nrr([])


def test_element_weight_is_exactly_one_ninth_for_nine_elements():
    assert element_weight(9) == Fraction(1, 9)
    assert element_weight(9) * 9 == 1


def test_ikm_formula_exact_value():
    # Σ(NRR × 1/9) × 25 with NRR 3.2, 3.1, 3.0, 3.4, 2.9, 3.3, 3.5, 2.8, 3.05:
    # Σ = 28.25 → 28.25 / 9 × 25 = 78.4722… → 78.47
    nrrs = [
        Fraction(x)
        for x in ["3.2", "3.1", "3.0", "3.4", "2.9", "3.3", "3.5", "2.8", "3.05"]
    ]
    assert ikm_exact(nrrs) == Fraction(2825, 36)
    assert ikm(nrrs) == Decimal("78.47")


def test_ikm_uses_the_exact_weight_not_0_111():
    # All NRR = 3.5: exact 87.50; a rounded weight 0.111 would give 87.41.
    assert ikm([Fraction(7, 2)] * 9) == Decimal("87.50")


def test_ikm_rounds_once_half_up():
    # NRR 3.3 and 3.32 in a two-element set: (3.31) × 25 = 82.75 exactly; and
    # 82.745 (exact) rounds half up to 82.75, not to even.
    assert ikm([Fraction("3.3"), Fraction("3.32")]) == Decimal("82.75")
    assert ikm([Fraction("3.3098")]) == Decimal("82.75")  # 82.745 exact


def test_ikm_does_not_add_up_rounded_element_scores():
    values = [Fraction("3.20016"), Fraction("3.20016"), Fraction("3.20028")]
    scores = [element_score(v) for v in values]
    assert scores == [Decimal("80.00"), Decimal("80.00"), Decimal("80.01")]
    # Exact: 3.2002 × 25 = 80.005 → 80.01; the mean of the rounded scores would
    # be 80.003… → 80.00.
    assert ikm_exact(values) == Fraction("80.005")
    assert ikm(values) == Decimal("80.01")
    assert round_half_up(sum(scores) / 3) == Decimal("80.00")


def test_ikm_with_a_local_set_of_other_size_weighs_1_over_n():
    assert element_weight(5) == Fraction(1, 5)
    assert ikm([Fraction(4), Fraction(3), Fraction(3), Fraction(2), Fraction(4)]) == (
        Decimal("80.00")
    )


@pytest.mark.parametrize(
    ("value", "letter"),
    [
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100", "A"),
        ("25", "D"),
    ],
)
def test_grade_boundaries(value, letter):
    assert grade(Decimal(value)).letter == letter


def test_grade_labels():
    assert [str(grade(Decimal(v)).label) for v in ["90", "80", "70", "50"]] == [
        "Sangat Baik",
        "Baik",
        "Kurang Baik",
        "Tidak Baik",
    ]


@pytest.mark.parametrize(
    ("population", "minimum"),
    [
        (60, 52),
        (100, 80),
        (1000, 278),
        (10, 10),
        (50, 44),
        (200, 132),
        (500, 217),
        (10850, 371),
    ],
)
def test_krejcie_morgan_minimum(population, minimum):
    assert krejcie_morgan(population) == minimum


def test_krejcie_morgan_rejects_empty_population():
    with pytest.raises(ValueError):
        krejcie_morgan(0)


def test_sample_check_warns_when_short():
    check = sample_check(40, 60)
    assert (check.minimum, check.short, check.missing) == (52, True, 12)
    assert sample_check(52, 60).short is False
    assert sample_check(10, None) is None
    assert sample_check(None, 60) is None


def test_round_half_up_exact():
    assert round_half_up(Fraction(12345, 1000)) == Decimal("12.35")
    assert round_half_up(Fraction(12344999, 1000000)) == Decimal("12.34")
    assert round_half_up(Fraction(-5, 1000)) == Decimal("-0.01")


@pytest.mark.parametrize(
    "text", ["2018Q4", "2018q4", "2018-Q4", "2018 Q4", "Q4 2018", " q4-2018 "]
)
def test_parse_period_accepts_written_forms(text):
    assert parse_period(text) == Period(2018, 4)


@pytest.mark.parametrize(
    "text", ["2018Q5", "2018Q0", "2018", "Q4", "18Q4", "", "1999Q1"]
)
def test_parse_period_rejects_bad_text(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_period_dates_and_navigation():
    assert (Period(2018, 4).start, Period(2018, 4).end) == (
        date(2018, 10, 1),
        date(2018, 12, 31),
    )
    assert Period(2024, 1).end == date(2024, 3, 31)
    assert Period(2019, 1).previous() == Period(2018, 4)
    assert Period.of(date(2026, 5, 17)) == Period(2026, 2)
    assert str(Period(2018, 4)) == "2018Q4"
    assert Period(2018, 4) < Period(2019, 1)


def test_weakest_lowest_first_skipping_unknown():
    scores = {"a": Decimal("80"), "b": None, "c": Decimal("70"), "d": Decimal("75")}
    assert weakest(scores, 2) == ["c", "d"]
