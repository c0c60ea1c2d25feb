"""Every gap number of the hand-written fixture (``conftest.province``), checked
against arithmetic done by hand.

Standard now (staf teknis / kepala unit): D1 keragaman budaya 3 / 4, D2 jejaring
sosial 2 / 3, other dimensions 1 / 2. Current levels (D1, D2) and gaps:

    Meruya Utara  head_a 2,3 → 2,0   staff_a 2,3 → 1,0   e_a1 3,1 → 0,1   e_a2 untested
    Joglo         head_b untested    staff_b 2,2 → 1,0   e_b1 1,2 → 2,0
    Kembangan     head_kec 5,1 → 0,2 e_k1 3,2 → 0,0 (D2 from the older round)
    Jakarta Timur e_t1 2,2 → 1,0     (e_t2 inactive: never counted)
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import LevelCountAt
from assessments.rollups import level_snapshots_ensure
from competencies.selectors import standard_in_force
from ledger.selectors import reckoning, unit_compliance
from reports.gapstats import Stats, total
from reports.periods import period_now
from reports.selectors import (
    aggregate_demand,
    aggregate_report,
    employee_report,
    unit_report,
)
from reports.selectors.aggregate import Filters, subtree_stats

pytestmark = pytest.mark.django_db


def _stats(p, unit, period=None, filters=None):
    today = timezone.localdate()
    period = period or period_now(today)
    standard = standard_in_force(period.on)
    return subtree_stats(
        path=unit.path if unit else "",
        filters=filters or Filters(),
        period=period,
        standard_id=standard.pk,
        dimension_ids=[d.pk for d in p.fw.dimensions.values()],
    )


def _numbers(s: Stats) -> tuple:
    return (
        s.employees,
        s.tested,
        s.untested,
        s.with_requirement,
        s.meeting,
        s.with_gap,
        s.gap_sum,
        s.mean_gap,
        s.share_meeting,
    )


def test_employee_numbers(province, roles):
    report = employee_report(roles.staff_a.employee, today=timezone.localdate())
    by_code = {line.dimension.code: line for line in report.lines}
    d1, d2 = by_code["keragaman-budaya"], by_code["jejaring-sosial"]
    assert (d1.required, d1.level, d1.gap) == (3, 2, 1)
    assert (d2.required, d2.level, d2.gap) == (2, 3, 0)
    assert [(line.required, line.level, line.gap) for line in report.lines[2:]] == [
        (1, None, None)
    ] * 4
    assert report.tested == 2
    assert report.with_gap == 1
    assert [line.dimension.code for line in report.gap_lines] == ["keragaman-budaya"]
    assert [f.code for f in d1.internal_forms] == [
        "pendekatan-personal",
        "briefing",
        "gathering",
    ]
    assert sorted(f.code for f in d1.external_forms) == sorted(
        [
            "orientasi-pelayanan",
            "e-learning",
            "diklat-komunikasi",
            "pertukaran-pns-swasta",
            "uji-kompetensi",
        ]
    )
    assert d2.internal_forms == [] and d2.external_forms == []
    assert [r.levels[:2] for r in report.history] == [[1, 1], [2, 3]]
    assert report.jp == Decimal("20.00")
    assert report.jp_percent == 100


def test_employee_levels_per_dimension_across_rounds(province):
    """e_k1's latest round tested D1 only: D2 keeps the older round's level."""
    report = employee_report(province.e_k1, today=timezone.localdate())
    assert [(line.level, line.gap) for line in report.lines[:2]] == [(3, 0), (2, 0)]
    assert [r.levels[:2] for r in report.history] == [[1, 2], [3, None]]


def test_unit_numbers_kelurahan(province, org):
    stats = _stats(province, org.kel_a)
    d1, d2 = stats[province.d1.pk], stats[province.d2.pk]
    assert _numbers(d1) == (4, 3, 1, 3, 1, 2, 3, Decimal("1.00"), Decimal("33.3"))
    assert d1.levels == {1: 0, 2: 2, 3: 1, 4: 0, 5: 0}
    assert _numbers(d2) == (4, 3, 1, 3, 2, 1, 1, Decimal("0.33"), Decimal("66.7"))
    assert d2.levels == {1: 1, 2: 0, 3: 2, 4: 0, 5: 0}
    others = [
        s for pk, s in stats.items() if pk not in (province.d1.pk, province.d2.pk)
    ]
    assert [_numbers(s) for s in others] == [(4, 0, 4, 0, 0, 0, 0, None, None)] * 4
    joglo = _stats(province, org.kel_b)
    assert _numbers(joglo[province.d1.pk]) == (
        3, 2, 1, 2, 0, 2, 3, Decimal("1.50"), Decimal("0.0"),
    )  # fmt: skip
    assert _numbers(joglo[province.d2.pk]) == (
        3, 2, 1, 2, 2, 0, 0, Decimal("0.00"), Decimal("100.0"),
    )  # fmt: skip


def test_unit_numbers_kecamatan_and_kota(province, org):
    for unit in (org.kecamatan, org.kota):
        stats = _stats(province, unit)
        assert _numbers(stats[province.d1.pk]) == (
            9, 7, 2, 7, 3, 4, 6, Decimal("0.86"), Decimal("42.9"),
        )  # fmt: skip
        assert _numbers(stats[province.d2.pk]) == (
            9, 7, 2, 7, 5, 2, 3, Decimal("0.43"), Decimal("71.4"),
        )  # fmt: skip
    timur = _stats(province, province.kota2)
    assert _numbers(timur[province.d1.pk]) == (
        1, 1, 0, 1, 0, 1, 1, Decimal("1.00"), Decimal("0.0"),
    )  # fmt: skip


def test_province_numbers(province, org):
    for unit in (org.province, None):
        stats = _stats(province, unit)
        assert _numbers(stats[province.d1.pk]) == (
            10, 8, 2, 8, 3, 5, 7, Decimal("0.88"), Decimal("37.5"),
        )  # fmt: skip
        assert _numbers(stats[province.d2.pk]) == (
            10, 8, 2, 8, 6, 2, 3, Decimal("0.38"), Decimal("75.0"),
        )  # fmt: skip
        # D1 levels: head_a 2, staff_a 2, e_a1 3, staff_b 2, e_b1 1, head_kec 5,
        # e_k1 3, e_t1 2.
        assert stats[province.d1.pk].levels == {1: 1, 2: 4, 3: 2, 4: 0, 5: 1}
        all_dims = total(stats.values())
        assert (all_dims.employees, all_dims.tested, all_dims.untested) == (60, 16, 44)
        assert all_dims.mean_gap == Decimal("0.63")  # 10 / 16 = 0.625 → half up
        assert all_dims.share_meeting == Decimal("56.3")  # 9 / 16 = 56.25 %


@pytest.mark.parametrize("snapshot", [False, True])
def test_past_period_uses_history_and_standard_in_force(province, org, snapshot):
    """At the end of the quarter four quarters ago only the older round existed
    and the old standard (staf teknis 2 everywhere) was in force:
    staff_a 1,1 → 1,1; staff_b 2,2 → 0,0; e_k1 1,2 → 1,0. The same numbers from
    the validity intervals and, once that day is a snapshot day, from the counts
    kept as of that day."""
    if snapshot:
        assert level_snapshots_ensure([province.past.on]) == [province.past.on]
        assert LevelCountAt.objects.filter(on=province.past.on).exists()
    with CaptureQueriesContext(connection) as queries:
        stats = _stats(province, org.province, period=province.past)
    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert (LevelCountAt._meta.db_table in read) is snapshot
    assert _numbers(stats[province.d1.pk]) == (
        10, 3, 7, 3, 1, 2, 2, Decimal("0.67"), Decimal("33.3"),
    )  # fmt: skip
    assert _numbers(stats[province.d2.pk]) == (
        10, 3, 7, 3, 2, 1, 1, Decimal("0.33"), Decimal("66.7"),
    )  # fmt: skip
    kel_a = _stats(province, org.kel_a, period=province.past)
    assert kel_a[province.d1.pk].levels == {1: 1, 2: 0, 3: 0, 4: 0, 5: 0}


def test_trend_points_are_the_same_from_snapshots_as_from_the_levels(
    province, org, django_assert_num_queries
):
    """The trend reads the quarter ends that are snapshot days in one query per
    standard in force (two here: the old one at the first point): every point,
    for every unit of the tree and with a dimension or position filter, equals
    the one computed from the validity intervals."""
    from assessments.rollups import quarter_snapshots_ensure
    from reports.periods import recent_quarters
    from reports.selectors.province import aggregate_trend

    today = timezone.localdate()
    now = period_now(today)
    cases = [
        (unit, filters)
        for unit in (None, org.province, org.kecamatan, org.kel_a)
        for filters in (
            Filters(),
            Filters(dimension_id=province.d2.pk),
            Filters(position_type_id=province.staff.pk),
        )
    ]

    def points():
        return [
            [
                (p.period, _numbers(p.stats), p.stats.levels)
                for p in aggregate_trend(
                    unit=unit, filters=filters, today=today, now=now
                )
            ]
            for unit, filters in cases
        ]

    from_levels = points()
    assert quarter_snapshots_ensure(today)
    quarters = recent_quarters(today, 4)
    assert {standard_in_force(q.on) for q in quarters} == {
        province.standard_past,
        province.standard_now,
    }
    assert points() == from_levels
    # The dimensions, the employees, the standard in force at each of the five
    # points, which days are snapshot days, their counts (one query per standard:
    # two), the counts now, and the missing evidence at each point.
    with django_assert_num_queries(1 + 1 + 5 + 1 + 2 + 1 + 5):
        aggregate_trend(unit=None, filters=Filters(), today=today, now=now)


def test_filters_narrow_the_employees(province, org):
    female = _stats(province, org.province, filters=Filters(gender="P"))
    assert _numbers(female[province.d2.pk]) == (
        1, 1, 0, 1, 0, 1, 1, Decimal("1.00"), Decimal("0.0"),
    )  # fmt: skip
    heads = _stats(
        province, org.province, filters=Filters(position_type_id=province.head.pk)
    )
    # head_a 2,3; head_b untested; head_kec 5,1 (required 4,3)
    assert _numbers(heads[province.d1.pk]) == (
        3, 2, 1, 2, 1, 1, 2, Decimal("1.00"), Decimal("50.0"),
    )  # fmt: skip
    pppk = _stats(province, org.province, filters=Filters(employment_status="PPPK"))
    assert pppk[province.d1.pk].employees == 1
    only_d1 = _stats(
        province, org.province, filters=Filters(dimension_id=province.d1.pk)
    )
    assert only_d1[province.d1.pk].tested == 8
    assert only_d1[province.d2.pk].tested == 0


def test_aggregate_rows_drill_down(province, org, roles):
    report = aggregate_report(
        unit=org.kecamatan,
        units=org.kecamatan.__class__.objects.all(),
        filters=Filters(),
        period=period_now(timezone.localdate()),
    )
    rows = [
        (row.unit.code if row.unit else "langsung", row.employees)
        for row in report.rows
    ]
    assert rows == [("langsung", 2), ("JB-KMB-JG", 3), ("JB-KMB-MU", 4)]
    d1 = province.d1.pk
    assert [row.by_dimension[d1].mean_gap for row in report.rows] == [
        Decimal("0.00"),
        Decimal("1.50"),
        Decimal("1.00"),
    ]
    assert report.total_by_dimension[d1].mean_gap == Decimal("0.86")
    assert report.employees == 9
    assert [n.dimension.code for n in report.needs] == [
        "keragaman-budaya",
        "jejaring-sosial",
    ]


def test_aggregate_top_rows_and_program_demand(province, org):
    report = aggregate_report(
        unit=None,
        units=org.province.__class__.objects.all(),
        filters=Filters(),
        period=period_now(timezone.localdate()),
    )
    assert [(row.unit.code, row.employees) for row in report.rows] == [
        ("BPSDM", 0),
        ("DKI", 10),
    ]
    assert [row.has_children for row in report.rows] == [False, True]
    rows = aggregate_demand(
        unit=None,
        filters=Filters(),
        period=period_now(timezone.localdate()),
        today=timezone.localdate(),
    )
    demand = {row.form.code: row.employees for row in rows}
    # Gap in D1: staff_a, head_a, staff_b, e_b1, e_t1; in D2: e_a1, head_kec.
    assert demand == {
        "orientasi-pelayanan": 7,  # dimensions 1–6
        "e-learning": 7,
        "diklat-komunikasi": 7,
        "pertukaran-pns-swasta": 7,
        "uji-kompetensi": 7,
        "diklat-disabilitas": 0,  # dimension 6 only: nobody has a gap there
    }
    kel_a = aggregate_demand(
        unit=org.kel_a,
        filters=Filters(),
        period=period_now(timezone.localdate()),
        today=timezone.localdate(),
    )
    # Meruya Utara: staff_a and head_a (D1), e_a1 (D2).
    assert {row.form.code: row.employees for row in kel_a}["e-learning"] == 3
    past = aggregate_demand(
        unit=None, filters=Filters(), period=province.past, today=timezone.localdate()
    )
    # At the old quarter: staff_a (D1, D2) and e_k1 (D1).
    assert {row.form.code: row.employees for row in past}["e-learning"] == 2


def test_unit_report_jp_compliance_rounds_like_the_ledger(province, org, roles):
    today = timezone.localdate()
    # staff_a 900 min = 20.00 JP; head_a 899.77 → 19.99 JP (PNS: at least 20 JP);
    # e_a1 899.78 → 20.00 JP (PPPK: under its 24 JP cap, not in the denominator).
    report = unit_report(org.kel_a, today=today, page_number=1)
    assert (report.jp_compliant, report.jp.required, report.employees) == (1, 3, 4)
    assert report.jp_share == Decimal("33.3")
    rows = {r.status: (r.employees, r.met, r.behind, r.over) for r in report.jp.rows}
    assert rows == {
        "PNS": (3, 1, 2, 0),
        "CPNS": (0, 0, 0, 0),
        "PPPK": (1, 1, 0, 0),
        "NON_ASN": (0, 0, 0, 0),
    }
    last_year = unit_compliance(org.kel_a, reckoning(date(today.year - 1, 12, 31)))
    assert (last_year.compliant, last_year.required) == (1, 3)  # e_a2, 2000 min
    jp = {row.employee.pk: row.jp for row in report.rows}
    assert jp[province.e_a1.pk] == Decimal("20.00")
    assert jp[roles.head_a.employee.pk] == Decimal("19.99")
    meets = {row.employee.pk: row.meets_jp for row in report.rows}
    assert (meets[province.e_a1.pk], meets[roles.head_a.employee.pk]) == (
        True,
        False,
    )


def test_unit_report_heatmap_cells(province, org, roles):
    report = unit_report(org.kel_a, today=timezone.localdate(), page_number=1)
    cells = {
        row.employee.pk: [(c.level, c.gap, c.css) for c in row.cells[:2]]
        for row in report.rows
    }
    assert cells[roles.head_a.employee.pk] == [(2, 2, "gap-2"), (3, 0, "gap-0")]
    assert cells[province.e_a1.pk] == [(3, 0, "gap-0"), (1, 1, "gap-1")]
    assert cells[province.e_a2.pk] == [(None, None, "gap-untested")] * 2
    untested = [
        row.tested for row in report.rows if row.employee.pk == province.e_a2.pk
    ]
    assert untested == [False]
