"""Reads of the JP ledger, scoped with the project's rule (people.selectors)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404

from ledger.jp import CENT, jp_from_minutes, jp_remaining, progress_percent
from ledger.models import JPEntry
from people.models import Employee
from people.selectors import employee_scope_q
from people.tree import subtree_q


def minutes_by_employee(employee_ids, year: int) -> dict[int, Decimal]:
    rows = (
        JPEntry.objects.filter(
            employee_id__in=employee_ids,
            occurred_on__gte=date(year, 1, 1),
            occurred_on__lte=date(year, 12, 31),
        )
        .values("employee_id")
        .annotate(total=Sum("minutes"))
    )
    return {row["employee_id"]: row["total"] for row in rows}


def jp_by_employee(employee_ids, year: int) -> dict[int, Decimal]:
    """{employee_id: JP in ``year``} for the given employees (0 when none)."""
    minutes = minutes_by_employee(employee_ids, year)
    return {
        emp: jp_from_minutes(minutes.get(emp, 0), settings.JP_MINUTES)
        for emp in employee_ids
    }


# -- the ledger pages --------------------------------------------------------------


@dataclass(frozen=True)
class JPStanding:
    """An employee's year against the annual minimum (ASN only; non-ASN staff have
    no minimum and are never "behind")."""

    employee: Employee
    minutes: Decimal
    jp: Decimal
    minimum: int
    required: bool

    @property
    def percent(self) -> int:
        return progress_percent(self.jp, self.minimum)

    @property
    def missing(self) -> Decimal:
        return jp_remaining(self.jp, self.minimum) if self.required else Decimal(0)

    @property
    def behind(self) -> bool:
        return self.missing > 0


def ledger_employees_visible_to(user) -> QuerySet[Employee]:
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit", "position_type"
    )


def ledger_employee_get_for_user(user, pk: int) -> Employee:
    return get_object_or_404(ledger_employees_visible_to(user), pk=pk)


def year_entries(employee: Employee, year: int) -> QuerySet[JPEntry]:
    return (
        JPEntry.objects.filter(
            employee=employee,
            occurred_on__gte=date(year, 1, 1),
            occurred_on__lte=date(year, 12, 31),
        )
        .select_related("form")
        .order_by("-occurred_on", "-pk")
    )


def jp_standings(employees, year: int) -> list[JPStanding]:
    """Standings of ``employees`` in ``year``: a fixed number of queries, whatever
    their number (JP through ``jp_by_employee``, the one rounding rule)."""
    employees = list(employees)
    ids = [e.pk for e in employees]
    minutes = minutes_by_employee(ids, year)
    jp = jp_by_employee(ids, year)
    minimum = settings.JP_ANNUAL_MINIMUM
    return [
        JPStanding(
            employee=e,
            minutes=Decimal(minutes.get(e.pk, 0)).quantize(CENT),
            jp=jp[e.pk],
            minimum=minimum,
            required=e.employment_status != Employee.Status.NON_ASN,
        )
        for e in employees
    ]


def unit_standings(user, unit, year: int) -> list[JPStanding]:
    """Active employees of ``unit``'s subtree that ``user`` may see, least JP first."""
    employees = ledger_employees_visible_to(user).filter(
        subtree_q(unit), is_active=True
    )
    standings = jp_standings(employees, year)
    return sorted(
        standings,
        key=lambda s: (not s.required, s.jp, s.employee.unit.path, s.employee.name),
    )


def ledger_years(today: date) -> list[int]:
    return list(range(today.year, today.year - 5, -1))
