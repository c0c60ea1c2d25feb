"""Reads of the JP ledger, scoped with the project's rule (people.selectors)."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum

from ledger.jp import jp_from_minutes
from ledger.models import JPEntry
from people.selectors import employee_scope_q


def entries_visible_to(user) -> QuerySet[JPEntry]:
    return JPEntry.objects.filter(employee_scope_q(user, field="employee"))


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
