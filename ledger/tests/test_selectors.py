from datetime import date
from decimal import Decimal

import pytest

from ledger.models import JPRule
from ledger.selectors import (
    BEHIND,
    OVER,
    jp_by_employee,
    jp_cap_warnings,
    jp_compliance,
    jp_standing,
    jp_standings,
    reckoning,
    unit_compliance,
    unit_standings_page,
    window_entries,
    year_entries,
)
from ledger.services import jp_credit_set
from people.models import Employee
from people.services import employee_update
from people.tests.factories import EmployeeFactory

TODAY = date(2026, 11, 30)


def credit(employee, minutes, on=date(2026, 3, 2), key=None):
    jp_credit_set(
        source_key=key or f"test:{employee.pk}:{on}:{minutes}",
        source="internal",
        occurred_on=on,
        description="Briefing",
        credits={employee.pk: minutes},
    )


def pppk(unit, start=date(2025, 8, 1), end=date(2030, 7, 31), **kwargs):
    return EmployeeFactory(
        unit=unit,
        employment_status=Employee.Status.PPPK,
        contract_starts_on=start,
        contract_ends_on=end,
        **kwargs,
    )


def phl(unit):
    return EmployeeFactory(
        unit=unit, employment_status=Employee.Status.NON_ASN, nip=None
    )


def test_standing_of_an_asn_behind(roles):
    employee = roles.staff_a.employee
    for day in range(1, 11):
        credit(employee, 10, on=date(2026, 3, day))
    credit(employee, 45, on=date(2025, 12, 31))  # another year
    (standing,) = jp_standings([employee], 2026, today=TODAY)
    assert standing.minutes == Decimal(100)
    assert standing.jp == Decimal("2.22")
    assert standing.percent == 11
    assert standing.missing == Decimal("17.78")
    assert standing.behind is True
    assert [e.occurred_on.day for e in year_entries(employee, 2026)][:2] == [10, 9]
    assert jp_by_employee([employee.pk], 2025) == {employee.pk: Decimal("1.00")}


def test_non_asn_is_never_behind(org):
    worker = phl(org.kel_a)
    credit(worker, 90)
    (standing,) = jp_standings([worker], 2026, today=TODAY)
    assert (standing.required, standing.capped, standing.jp) == (
        False,
        False,
        Decimal("2.00"),
    )
    assert standing.missing == Decimal(0)
    assert standing.behind is False


def test_pppk_counts_over_the_contract_year(org):
    employee = pppk(org.kel_a)
    credit(employee, 540, on=date(2025, 9, 1))  # contract year 1, calendar 2025
    credit(employee, 585, on=date(2026, 2, 1))  # contract year 1, calendar 2026
    credit(employee, 45, on=date(2026, 8, 1))  # contract year 2
    first = jp_standing(employee, reckoning(date(2026, 3, 1)))
    assert (first.window.starts_on, first.window.ends_on) == (
        date(2025, 8, 1),
        date(2026, 7, 31),
    )
    assert (first.jp, first.target, first.over, first.excess) == (
        Decimal("25.00"),
        Decimal("24.00"),
        True,
        Decimal("1.00"),
    )
    assert [e.occurred_on for e in window_entries(employee, first.window)] == [
        date(2026, 2, 1),
        date(2025, 9, 1),
    ]
    second = jp_standing(employee, reckoning(TODAY))
    assert (second.jp, second.over, second.room) == (
        Decimal("1.00"),
        False,
        Decimal("23.00"),
    )
    # Calendar totals are kept as well.
    assert jp_by_employee([employee.pk], 2026) == {employee.pk: Decimal("14.00")}


def test_a_new_contract_rewindows_the_totals(org):
    employee = pppk(org.kel_a)
    credit(employee, 540, on=date(2025, 9, 1))  # 12 JP
    credit(employee, 90, on=date(2026, 3, 1))  # 2 JP
    credit(employee, 450, on=date(2026, 9, 1))  # 10 JP
    assert jp_standing(employee, reckoning(TODAY)).jp == Decimal("10.00")
    employee_update(
        employee=employee,
        contract_starts_on=date(2025, 1, 1),
        contract_ends_on=date(2029, 12, 31),
    )
    employee.refresh_from_db()
    assert jp_standing(employee, reckoning(TODAY)).jp == Decimal("12.00")
    assert jp_standing(employee, reckoning(date(2025, 12, 1))).jp == Decimal("12.00")
    employee_update(employee=employee, contract_starts_on=date(2025, 6, 1))
    employee.refresh_from_db()
    assert jp_standing(employee, reckoning(date(2026, 3, 1))).jp == Decimal("14.00")
    assert jp_standing(employee, reckoning(date(2026, 6, 1))).jp == Decimal("10.00")


def test_a_rule_change_mid_year_keeps_past_entries(org):
    employee = EmployeeFactory(unit=org.kel_a)
    credit(employee, 900, on=date(2026, 3, 1))
    JPRule.objects.create(
        employment_status="PNS",
        effective_from=date(2026, 7, 1),
        kind="minimum",
        jp=Decimal(30),
        basis="calendar",
        minutes_per_jp=60,
    )
    credit(employee, 600, on=date(2026, 9, 1))
    lengths = sorted(employee.jp_entries.values_list("minutes_per_jp", flat=True))
    assert lengths == [45, 60]
    standing = jp_standing(employee, reckoning(TODAY))
    assert (standing.jp, standing.target, standing.behind) == (
        Decimal("30.00"),
        Decimal("30.00"),
        False,
    )
    # Reckoned before the change, the old minimum and only the entries so far.
    before = jp_standing(employee, reckoning(date(2026, 6, 30)))
    assert (before.target, before.jp) == (Decimal("20.00"), Decimal("30.00"))
    # 2025 is reckoned on 31 December 2025: the rule then in force.
    assert reckoning(date(2025, 12, 31)).rule("PNS").jp == Decimal(20)


def test_compliance_split_by_status_with_one_denominator(org, roles):
    done = EmployeeFactory(unit=org.kel_a)
    credit(done, 900)
    credit(roles.staff_a.employee, 100)
    over = pppk(org.kel_a)
    credit(over, 1125, on=date(2026, 9, 1))
    within = pppk(org.kel_b)
    credit(within, 45, on=date(2026, 9, 1))
    worker = phl(org.kel_a)
    credit(worker, 2000)
    EmployeeFactory(unit=org.kel_a, is_active=False)  # inactive: never counted
    compliance = unit_compliance(org.kecamatan, reckoning(TODAY))
    rows = {r.status: (r.employees, r.met, r.behind, r.over) for r in compliance.rows}
    # head_a, staff_a, done (kel_a), head_b, staff_b (kel_b), head_kecamatan.
    assert rows == {
        "PNS": (6, 1, 5, 0),
        "CPNS": (0, 0, 0, 0),
        "PPPK": (2, 1, 0, 1),
        "NON_ASN": (1, 0, 0, 0),
    }
    assert (compliance.required, compliance.compliant, compliance.behind) == (6, 1, 5)
    assert (compliance.capped, compliance.over, compliance.share) == (
        2,
        1,
        Decimal("16.7"),
    )
    assert compliance.minimum == Decimal(20)
    assert [r.status for r in compliance.shown_rows] == ["PNS", "PPPK", "NON_ASN"]
    everyone = jp_compliance(Employee.objects.all(), reckoning(TODAY))
    assert (everyone.required, everyone.capped, everyone.employees) == (6, 2, 9)


def test_unit_page_is_scoped_ordered_and_filtered_in_sql(roles, org):
    done = EmployeeFactory(unit=org.kel_a)
    credit(done, 900)
    credit(roles.staff_a.employee, 90)
    over = pppk(org.kel_a)
    credit(over, 1125, on=date(2026, 9, 1))
    worker = phl(org.kel_a)
    rk = reckoning(TODAY)
    page = unit_standings_page(roles.head_kecamatan, org.kel_a, rk)
    assert [(s.employee, s.jp) for s in page.object_list] == [
        (roles.head_a.employee, Decimal("0.00")),
        (roles.staff_a.employee, Decimal("2.00")),
        (done, Decimal("20.00")),
        (over, Decimal("25.00")),
        (worker, Decimal("0.00")),
    ]
    behind = unit_standings_page(roles.head_kecamatan, org.kel_a, rk, state=BEHIND)
    assert [s.employee for s in behind.object_list] == [
        roles.head_a.employee,
        roles.staff_a.employee,
    ]
    above = unit_standings_page(roles.head_kecamatan, org.kel_a, rk, state=OVER)
    assert [s.employee for s in above.object_list] == [over]
    only = unit_standings_page(roles.head_kecamatan, org.kel_a, rk, status="NON_ASN")
    assert [s.employee for s in only.object_list] == [worker]
    assert unit_standings_page(roles.head_b, org.kel_a, rk).object_list == []


def test_cap_warnings(org):
    near = pppk(org.kel_a)
    credit(near, 900, on=date(2026, 9, 1))  # 20 JP in contract year 2
    pns = EmployeeFactory(unit=org.kel_a)
    warnings = jp_cap_warnings(
        [
            (near, date(2026, 12, 10), Decimal(4)),
            (near, date(2026, 12, 10), Decimal("4.5")),
            (near, date(2027, 8, 10), Decimal(24)),  # the next contract year
            (pns, date(2026, 12, 10), Decimal(100)),
        ]
    )
    assert warnings[0] is None
    assert (warnings[1].jp, warnings[1].after, warnings[1].window.starts_on) == (
        Decimal("20.00"),
        Decimal("24.50"),
        date(2026, 8, 1),
    )
    assert warnings[2:] == [None, None]
    assert jp_cap_warnings([]) == []


@pytest.mark.parametrize("size", [1, 12])
def test_standings_cost_one_query_whatever_their_number(
    org, size, django_assert_num_queries
):
    people = [EmployeeFactory(unit=org.kel_a) for __ in range(size)]
    for e in people:
        credit(e, 60)
    rk = reckoning(TODAY)
    with django_assert_num_queries(2):  # the rules, then the standings
        standings = jp_standings(people, 2026, today=TODAY)
    assert [s.jp for s in standings] == [Decimal("1.33")] * size
    with django_assert_num_queries(1):
        compliance = unit_compliance(org.kel_a, rk)
    assert compliance.required == size
