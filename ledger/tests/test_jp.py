from datetime import date
from decimal import Decimal

from ledger.jp import days_left_in_year, jp_from_minutes, jp_remaining, progress_percent


def test_ten_ten_minute_briefings_are_2_22_jp():
    # Sum the minutes first, divide once, round once (half up).
    assert jp_from_minutes(10 * 10) == Decimal("2.22")
    assert sum(jp_from_minutes(10) for __ in range(10)) == Decimal("2.20")


def test_rounding_is_half_up_to_two_decimals():
    assert jp_from_minutes(Decimal("0.225") * 45) == Decimal("0.23")
    assert jp_from_minutes(900) == Decimal("20.00")
    assert jp_from_minutes(899) == Decimal("19.98")


def test_progress_and_remaining():
    assert progress_percent(Decimal("2.22")) == 11
    assert progress_percent(Decimal("25")) == 100
    assert jp_remaining(Decimal("2.22")) == Decimal("17.78")
    assert jp_remaining(Decimal("20.01")) == Decimal("0.00")


def test_days_left_in_year_counts_today():
    assert days_left_in_year(date(2026, 11, 29), 2026) == 33
    assert days_left_in_year(date(2026, 12, 31), 2026) == 1
    assert days_left_in_year(date(2026, 1, 1), 2026) == 365
    assert days_left_in_year(date(2026, 11, 29), 2025) == 0
    assert days_left_in_year(date(2026, 11, 29), 2028) == 366
