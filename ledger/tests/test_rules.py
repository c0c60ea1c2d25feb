"""The JP rule arithmetic, table-driven and without the database: status × year
× contract window × rule version → requirement or cap, JP and compliance."""

from datetime import date
from decimal import Decimal

import pytest

from ledger import rules
from ledger.jp import jp_total
from ledger.rules import (
    CALENDAR,
    CAP,
    CONTRACT,
    MINIMUM,
    NONE,
    Terms,
    Window,
    anniversary,
    assess,
    contract_year,
    in_force,
    reference_date,
    window_of,
    would_exceed_cap,
)

D = Decimal
BASE = date(2000, 1, 1)
DEFAULTS = [
    Terms("PNS", BASE, MINIMUM, D(20), CALENDAR, 45),
    Terms("CPNS", BASE, MINIMUM, D(20), CALENDAR, 45),
    Terms("PPPK", BASE, CAP, D(24), CONTRACT, 45),
    Terms("NON_ASN", BASE, NONE, None, CALENDAR, 45),
]
# From 1 July 2026 PNS need 30 JP and one JP is 60 minutes; from 2027 PPPK
# are held to a minimum of 20 JP per calendar year.
CHANGED = [
    *DEFAULTS,
    Terms("PNS", date(2026, 7, 1), MINIMUM, D(30), CALENDAR, 60),
    Terms("PPPK", date(2027, 1, 1), MINIMUM, D(20), CALENDAR, 45),
]


@pytest.mark.parametrize(
    ("terms", "status", "on", "kind", "jp", "basis", "length"),
    [
        (DEFAULTS, "PNS", date(2026, 3, 1), MINIMUM, D(20), CALENDAR, 45),
        (DEFAULTS, "CPNS", date(2018, 3, 1), MINIMUM, D(20), CALENDAR, 45),
        (DEFAULTS, "PPPK", date(2026, 3, 1), CAP, D(24), CONTRACT, 45),
        (DEFAULTS, "NON_ASN", date(2026, 3, 1), NONE, None, CALENDAR, 45),
        # Before the first rule, the first rule.
        (DEFAULTS, "PNS", date(1999, 12, 31), MINIMUM, D(20), CALENDAR, 45),
        # A mid-year change: the old rule to the day before, the new one from it.
        (CHANGED, "PNS", date(2026, 6, 30), MINIMUM, D(20), CALENDAR, 45),
        (CHANGED, "PNS", date(2026, 7, 1), MINIMUM, D(30), CALENDAR, 60),
        (CHANGED, "PNS", date(2026, 12, 31), MINIMUM, D(30), CALENDAR, 60),
        (CHANGED, "CPNS", date(2026, 12, 31), MINIMUM, D(20), CALENDAR, 45),
        (CHANGED, "PPPK", date(2026, 12, 31), CAP, D(24), CONTRACT, 45),
        (CHANGED, "PPPK", date(2027, 1, 1), MINIMUM, D(20), CALENDAR, 45),
    ],
)
def test_rule_in_force(terms, status, on, kind, jp, basis, length):
    rule = in_force(terms, status, on)
    assert (rule.kind, rule.jp, rule.basis, rule.minutes_per_jp) == (
        kind,
        jp,
        basis,
        length,
    )
    assert rules.minutes_per_jp(terms, status, on) == length


def test_a_status_without_rules_has_none_and_the_default_length():
    assert in_force([], "PNS", date(2026, 1, 1)) is None
    assert rules.minutes_per_jp([], "PNS", date(2026, 1, 1)) == 45
    assert assess(None, D("3.00")).kind == NONE


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [
        (2026, date(2026, 3, 9), date(2026, 3, 9)),
        (2025, date(2026, 3, 9), date(2025, 12, 31)),
        (2027, date(2026, 3, 9), date(2027, 1, 1)),
    ],
)
def test_reference_date_of_a_year(year, today, expected):
    assert reference_date(year, today) == expected


@pytest.mark.parametrize(
    ("start", "end", "on", "expected"),
    [
        # A contract across two calendar years: year 1 is Aug 2025 – Jul 2026.
        (
            date(2025, 8, 1),
            date(2030, 7, 31),
            date(2025, 12, 31),
            (date(2025, 8, 1), date(2026, 7, 31)),
        ),
        (
            date(2025, 8, 1),
            date(2030, 7, 31),
            date(2026, 7, 31),
            (date(2025, 8, 1), date(2026, 7, 31)),
        ),
        (
            date(2025, 8, 1),
            date(2030, 7, 31),
            date(2026, 8, 1),
            (date(2026, 8, 1), date(2027, 7, 31)),
        ),
        # The last contract year ends with the contract.
        (
            date(2025, 8, 1),
            date(2027, 2, 28),
            date(2026, 12, 1),
            (date(2026, 8, 1), date(2027, 2, 28)),
        ),
        # Open-ended.
        (
            date(2020, 1, 15),
            None,
            date(2026, 1, 14),
            (date(2025, 1, 15), date(2026, 1, 14)),
        ),
        # 29 February: the anniversary falls on 28 February.
        (
            date(2024, 2, 29),
            None,
            date(2025, 2, 28),
            (date(2025, 2, 28), date(2026, 2, 27)),
        ),
        (
            date(2024, 2, 29),
            None,
            date(2025, 2, 27),
            (date(2024, 2, 29), date(2025, 2, 27)),
        ),
        # Outside the contract.
        (date(2025, 8, 1), date(2030, 7, 31), date(2025, 7, 31), None),
        (date(2025, 8, 1), date(2026, 7, 31), date(2026, 8, 1), None),
    ],
)
def test_contract_year(start, end, on, expected):
    assert contract_year(start, end, on) == expected


def test_anniversary():
    assert anniversary(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert anniversary(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert anniversary(date(2023, 5, 31), 2) == date(2025, 5, 31)


@pytest.mark.parametrize(
    ("basis", "on", "start", "end", "expected"),
    [
        (
            CALENDAR,
            date(2026, 5, 5),
            None,
            None,
            Window(CALENDAR, date(2026, 1, 1), date(2026, 12, 31)),
        ),
        # A calendar rule ignores a contract.
        (
            CALENDAR,
            date(2026, 5, 5),
            date(2025, 8, 1),
            None,
            Window(CALENDAR, date(2026, 1, 1), date(2026, 12, 31)),
        ),
        (
            CONTRACT,
            date(2026, 5, 5),
            date(2025, 8, 1),
            None,
            Window(CONTRACT, date(2025, 8, 1), date(2026, 7, 31)),
        ),
        # No contract dates, or outside them: the calendar year.
        (
            CONTRACT,
            date(2026, 5, 5),
            None,
            None,
            Window(CALENDAR, date(2026, 1, 1), date(2026, 12, 31)),
        ),
        (
            CONTRACT,
            date(2026, 5, 5),
            date(2026, 6, 1),
            None,
            Window(CALENDAR, date(2026, 1, 1), date(2026, 12, 31)),
        ),
    ],
)
def test_window_of(basis, on, start, end, expected):
    assert window_of(basis, on, start, end) == expected


# status × year × contract × rule version → window, target, JP, standing.
# ``entries`` are (day, minutes, minutes per JP the entry was credited with).
CASES = [
    # PNS, default rule, behind: 10 × 10 minutes = 2.22 JP.
    (
        "PNS",
        DEFAULTS,
        date(2026, 11, 30),
        None,
        [(date(2026, 3, d), 10, 45) for d in range(1, 11)],
        CALENDAR,
        D(20),
        D("2.22"),
        "behind",
        D("17.78"),
    ),
    # PNS reaching exactly 20 JP (900 minutes); 899 minutes round to 19.98.
    (
        "PNS",
        DEFAULTS,
        date(2026, 11, 30),
        None,
        [(date(2026, 2, 1), 900, 45)],
        CALENDAR,
        D(20),
        D("20.00"),
        "met",
        D(0),
    ),
    (
        "CPNS",
        DEFAULTS,
        date(2026, 11, 30),
        None,
        [(date(2026, 2, 1), 899, 45)],
        CALENDAR,
        D(20),
        D("19.98"),
        "behind",
        D("0.02"),
    ),
    # Another year's entries never count.
    (
        "PNS",
        DEFAULTS,
        date(2026, 11, 30),
        None,
        [(date(2025, 12, 31), 900, 45)],
        CALENDAR,
        D(20),
        D("0.00"),
        "behind",
        D(20),
    ),
    # A past year is reckoned on 31 December under the rule then in force.
    (
        "PNS",
        CHANGED,
        date(2025, 12, 31),
        None,
        [(date(2025, 6, 1), 900, 45)],
        CALENDAR,
        D(20),
        D("20.00"),
        "met",
        D(0),
    ),
    # Mid-year change: 2026 is reckoned on the new rule (30 JP); entries keep the
    # length they were credited with: 900 min at 45 = 20 JP, 600 min at 60 = 10 JP.
    (
        "PNS",
        CHANGED,
        date(2026, 12, 31),
        None,
        [(date(2026, 3, 1), 900, 45), (date(2026, 9, 1), 600, 60)],
        CALENDAR,
        D(30),
        D("30.00"),
        "met",
        D(0),
    ),
    # … one rounding per length: 100 min at 45 (2.22) + 100 min at 60 (1.67).
    (
        "PNS",
        CHANGED,
        date(2026, 12, 31),
        None,
        [(date(2026, 3, 1), 100, 45), (date(2026, 9, 1), 100, 60)],
        CALENDAR,
        D(30),
        D("3.89"),
        "behind",
        D("26.11"),
    ),
    # PPPK, contract from 1 Aug 2025: the contract year spans two calendar years.
    (
        "PPPK",
        DEFAULTS,
        date(2026, 3, 1),
        (date(2025, 8, 1), date(2030, 7, 31)),
        [
            (date(2025, 9, 1), 540, 45),
            (date(2026, 2, 1), 540, 45),
            (date(2025, 7, 31), 900, 45),
        ],
        CONTRACT,
        D(24),
        D("24.00"),
        "within",
        D(0),
    ),
    (
        "PPPK",
        DEFAULTS,
        date(2026, 3, 1),
        (date(2025, 8, 1), date(2030, 7, 31)),
        [(date(2025, 9, 1), 540, 45), (date(2026, 2, 1), 585, 45)],
        CONTRACT,
        D(24),
        D("25.00"),
        "over",
        D(1),
    ),
    # The next contract year starts again from zero.
    (
        "PPPK",
        DEFAULTS,
        date(2026, 8, 1),
        (date(2025, 8, 1), date(2030, 7, 31)),
        [(date(2026, 7, 31), 1125, 45)],
        CONTRACT,
        D(24),
        D("0.00"),
        "within",
        D(0),
    ),
    # A PPPK without contract dates is counted over the calendar year.
    (
        "PPPK",
        DEFAULTS,
        date(2026, 3, 1),
        None,
        [(date(2025, 9, 1), 540, 45), (date(2026, 2, 1), 1125, 45)],
        CALENDAR,
        D(24),
        D("25.00"),
        "over",
        D(1),
    ),
    # From 2027 PPPK have a calendar-year minimum instead of a cap.
    (
        "PPPK",
        CHANGED,
        date(2027, 6, 1),
        (date(2025, 8, 1), date(2030, 7, 31)),
        [(date(2027, 2, 1), 450, 45)],
        CALENDAR,
        D(20),
        D("10.00"),
        "behind",
        D(10),
    ),
    # Non-ASN: JP are shown, nothing is required.
    (
        "NON_ASN",
        DEFAULTS,
        date(2026, 3, 1),
        None,
        [(date(2026, 2, 1), 90, 45)],
        CALENDAR,
        None,
        D("2.00"),
        "none",
        D(0),
    ),
]


def _standing(status, terms, on, contract, entries):
    rule = in_force(terms, status, on)
    start, end = contract or (None, None)
    window = window_of(rule.basis, on, start, end)
    inside = [
        (D(m), length)
        for day, m, length in entries
        if window.starts_on <= day <= window.ends_on
    ]
    return rule, window, assess(rule, jp_total(inside))


@pytest.mark.parametrize(
    (
        "status",
        "terms",
        "on",
        "contract",
        "entries",
        "basis",
        "target",
        "jp",
        "state",
        "gap",
    ),
    CASES,
)
def test_standing_table(
    status, terms, on, contract, entries, basis, target, jp, state, gap
):
    __, window, a = _standing(status, terms, on, contract, entries)
    assert (window.basis, a.target, a.jp) == (basis, target, jp)
    shown = (
        "behind"
        if a.behind
        else "over"
        if a.over
        else "met"
        if a.required
        else "within"
        if a.capped
        else "none"
    )
    assert shown == state
    assert (a.missing if a.required else a.excess) == gap


def test_compliance_counts_only_minimum_statuses():
    """The one denominator: employees whose status has a minimum."""
    people = [
        ("PNS", None, [(date(2026, 2, 1), 900, 45)]),
        ("PNS", None, [(date(2026, 2, 1), 100, 45)]),
        ("CPNS", None, [(date(2026, 2, 1), 950, 45)]),
        ("PPPK", (date(2025, 8, 1), None), [(date(2026, 9, 1), 1125, 45)]),
        ("NON_ASN", None, [(date(2026, 2, 1), 2000, 45)]),
    ]
    on = date(2026, 11, 30)
    assessed = [_standing(s, DEFAULTS, on, c, e)[2] for s, c, e in people]
    required = [a for a in assessed if a.required]
    assert (len(required), sum(a.met for a in required)) == (3, 2)
    assert [a.over for a in assessed if a.capped] == [True]


def test_percent_and_cap_room():
    assert assess(DEFAULTS[0], D("2.22")).percent == 11
    assert assess(DEFAULTS[0], D("25")).percent == 100
    capped = assess(DEFAULTS[2], D("18.5"))
    assert (capped.room, capped.over, capped.percent) == (D("5.50"), False, 77)
    assert assess(DEFAULTS[3], D(5)).percent == 0


@pytest.mark.parametrize(
    ("rule", "jp", "adding", "expected"),
    [
        (DEFAULTS[2], D(20), D(4), False),
        (DEFAULTS[2], D(20), D("4.01"), True),
        (DEFAULTS[0], D(20), D(100), False),
        (None, D(0), D(100), False),
    ],
)
def test_would_exceed_cap(rule, jp, adding, expected):
    assert would_exceed_cap(rule, jp, adding) is expected


def test_jp_total_is_sum_then_round_for_one_length():
    assert jp_total([(D(10), 45)] * 10) == D("2.22")
    assert jp_total([]) == D("0.00")
    # Two lengths: each summed and rounded once, then added.
    assert jp_total([(D(50), 45), (D(50), 45), (D(30), 60)]) == D("2.72")
