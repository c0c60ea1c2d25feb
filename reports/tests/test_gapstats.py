from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reports.gapstats import (
    Stats,
    combine,
    mean_gap,
    percent,
    stats_of,
    total,
)


def test_mean_gap_and_percent_round_half_up():
    assert mean_gap(7, 8) == Decimal("0.88")  # 0.875
    assert mean_gap(1, 8) == Decimal("0.13")  # 0.125
    assert mean_gap(0, 0) is None
    assert percent(1, 8) == Decimal("12.5")
    assert percent(9, 16) == Decimal("56.3")  # 56.25
    assert percent(1, 0) is None


def test_combine_adds_the_units_of_one_row():
    rows = combine(
        level_rows=[
            # key, dimension, at levels 1..5, with a requirement, meeting, gap sum
            ("A", 1, 1, 2, 0, 0, 0, 3, 1, 3),
            ("A", 1, 0, 0, 1, 0, 0, 1, 1, 0),
            ("B", 1, 0, 0, 0, 0, 1, 0, 0, 0),
            ("A", 9, 5, 0, 0, 0, 0, 5, 0, 9),  # a dimension outside the filter
        ],
        employee_rows=[("A", 3), ("A", 2), ("B", 1), ("C", 4)],
        dimension_ids=[1, 2],
    )
    a = rows["A"][1]
    assert (a.employees, a.tested, a.untested) == (5, 4, 1)
    assert (a.with_requirement, a.meeting, a.with_gap, a.gap_sum) == (4, 2, 2, 3)
    assert a.levels == {1: 1, 2: 2, 3: 1, 4: 0, 5: 0}
    assert (a.mean_gap, a.share_meeting) == (Decimal("0.75"), Decimal("50.0"))
    assert (rows["A"][2].employees, rows["A"][2].tested) == (5, 0)
    b = rows["B"][1]
    assert (b.tested, b.with_requirement, b.mean_gap) == (1, 0, None)
    assert rows["C"][1].untested == 4
    both = total([a, b])
    assert (both.employees, both.tested, both.gap_sum) == (6, 5, 3)


@given(
    st.lists(
        st.tuples(
            st.integers(1, 5),
            st.one_of(st.none(), st.integers(1, 5)),
            st.integers(1, 9),
        ),
        max_size=20,
    )
)
def test_stats_of_follows_the_gap_rule(rows):
    stats = stats_of(rows)
    assert stats.gap_sum == sum(
        max(0, r - level) * n for level, r, n in rows if r is not None
    )
    assert stats.meeting == sum(
        n for level, r, n in rows if r is not None and level >= r
    )
    assert stats.tested == sum(n for __, __, n in rows)
    assert 0 <= stats.with_gap <= stats.with_requirement <= stats.tested


def test_stats_of_surplus_is_not_a_negative_need():
    assert stats_of([(5, 2, 3)]).gap_sum == 0
    assert stats_of([(1, 4, 2)]).mean_gap == Decimal("3.00")


def test_empty_stats():
    s = Stats()
    assert (s.tested, s.untested, s.mean_gap, s.share_meeting, s.share_tested) == (
        0,
        0,
        None,
        None,
        None,
    )
