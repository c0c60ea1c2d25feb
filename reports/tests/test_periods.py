from datetime import date

from reports.periods import (
    NOW,
    period_now,
    period_parse,
    quarter_end,
    quarter_of,
    recent_quarters,
)


def test_quarter_ends():
    assert [quarter_end(2025, q) for q in (1, 2, 3, 4)] == [
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
        date(2025, 12, 31),
    ]
    assert quarter_of(date(2026, 11, 29)) == (2026, 4)


def test_period_parse():
    today = date(2026, 11, 29)
    assert period_parse(None, today) == period_now(today)
    assert period_parse(NOW, today).is_now
    past = period_parse("2026-Q3", today)
    assert (past.on, past.is_now, past.label) == (date(2026, 9, 30), False, "2026 Q3")
    assert period_parse("2026-Q4", today) is None  # not over yet
    assert period_parse("2026-Q5", today) is None
    assert period_parse("kemarin", today) is None


def test_recent_quarters_oldest_first_across_years():
    keys = [p.key for p in recent_quarters(date(2026, 2, 10), 5)]
    assert keys == ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"]


def test_period_parse_takes_the_one_quarter_text_and_the_old_one():
    today = date(2026, 11, 29)
    assert period_parse("2026Q3", today) == period_parse("2026-Q3", today)
    assert period_parse("2026Q3", today).key == "2026Q3"
    assert period_parse("1999Q4", today) is None  # outside the years a quarter has
