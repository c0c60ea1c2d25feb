from decimal import Decimal as D
from fractions import Fraction

from sosiokultural.rounding import percent, ratio, round_half_up


def test_round_half_up_exact_ties_away_from_zero():
    assert round_half_up(Fraction(12345, 1000)) == D("12.35")
    assert round_half_up(Fraction(12344999, 1000000)) == D("12.34")
    assert round_half_up(Fraction(-5, 1000)) == D("-0.01")
    assert round_half_up(D("3.125")) == D("3.13")
    assert round_half_up(D("0.0005"), 3) == D("0.001")
    assert round_half_up(D("2.5"), 0) == D("3")


def test_round_half_up_takes_a_float_at_its_shortest_repr():
    # 2.675 is stored as 2.67499999…; its repr is 2.675, and that is what a person
    # wrote.
    assert round_half_up(2.675) == D("2.68")


def test_round_half_up_on_decimal_division_edge():
    # 100 minutes at 45 per JP: 2.2222… → 2.22; 10.125 JP-minutes ÷ 45 = 0.225 → 0.23
    assert round_half_up(Fraction(100, 45)) == D("2.22")
    assert round_half_up(Fraction(D("10.125")) / 45) == D("0.23")


def test_ratio_and_percent():
    assert ratio(7, 8) == D("0.88")
    assert ratio(1, 0) is None
    assert percent(9, 16) == D("56.3")
    assert percent(1, 8) == D("12.5")
    assert percent(D("2.22"), 20, 0) == D("11")
    assert percent(1, 0) is None
