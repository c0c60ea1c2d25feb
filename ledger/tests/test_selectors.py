from datetime import date
from decimal import Decimal

from ledger.selectors import jp_standings, unit_standings, year_entries
from ledger.services import jp_credit_set
from people.models import Employee
from people.tests.factories import EmployeeFactory


def credit(employee, minutes, on=date(2026, 3, 2), key=None):
    jp_credit_set(
        source_key=key or f"test:{employee.pk}:{on}:{minutes}",
        source="internal",
        occurred_on=on,
        description="Briefing",
        credits={employee.pk: minutes},
    )


def test_standing_of_an_asn_behind(roles):
    employee = roles.staff_a.employee
    for day in range(1, 11):
        credit(employee, 10, on=date(2026, 3, day))
    credit(employee, 45, on=date(2025, 12, 31))  # another year
    (standing,) = jp_standings([employee], 2026)
    assert standing.minutes == Decimal(100)
    assert standing.jp == Decimal("2.22")
    assert standing.percent == 11
    assert standing.missing == Decimal("17.78")
    assert standing.behind is True
    assert [e.occurred_on.day for e in year_entries(employee, 2026)][:2] == [10, 9]


def test_non_asn_is_never_behind(org):
    phl = EmployeeFactory(
        unit=org.kel_a, employment_status=Employee.Status.NON_ASN, nip=None
    )
    (standing,) = jp_standings([phl], 2026)
    assert standing.required is False
    assert standing.missing == Decimal(0)
    assert standing.behind is False


def test_unit_standings_are_scoped_and_least_first(roles, org):
    done = EmployeeFactory(unit=org.kel_a)
    credit(done, 900)
    credit(roles.staff_a.employee, 90)
    rows = unit_standings(roles.head_kecamatan, org.kel_a, 2026)
    assert [(s.employee, s.jp) for s in rows] == [
        (roles.head_a.employee, Decimal("0.00")),
        (roles.staff_a.employee, Decimal("2.00")),
        (done, Decimal("20.00")),
    ]
    assert unit_standings(roles.head_b, org.kel_a, 2026) == []
