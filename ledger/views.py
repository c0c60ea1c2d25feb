"""The JP ledger pages: an employee's year against the 20 JP minimum, and a unit's
list of who is behind with what is left of the year."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from exports.responses import export_response
from ledger.jp import days_left_in_year, requested_year
from ledger.permissions import READ_UNIT_LEDGER
from ledger.selectors import (
    jp_standings,
    ledger_employee_get_for_user,
    ledger_employees_visible_to,
    ledger_years,
    unit_standings,
    year_entries,
)
from people.models import Unit
from people.permissions import is_head, require, sees_all_units
from people.selectors import unit_get_for_user, units_visible_to, user_employee


def _year(request) -> int:
    return requested_year(request.GET, timezone.localdate())


def _year_context(request) -> dict:
    today = timezone.localdate()
    year = _year(request)
    return {
        "year": year,
        "years": ledger_years(today),
        "days_left": days_left_in_year(today, year),
        "minimum": settings.JP_ANNUAL_MINIMUM,
        "jp_minutes": settings.JP_MINUTES,
    }


@login_required
def ledger_index(request):
    user = request.user
    employee = user_employee(user)
    if is_head(user):
        return redirect("ledger:unit", pk=employee.unit_id)
    if not sees_all_units(user):
        if employee is None:
            raise PermissionDenied
        return redirect("ledger:employee", pk=employee.pk)
    context = _year_context(request)
    units = list(units_visible_to(user).exclude(kind=Unit.Kind.BPSDM))
    standings = [
        s
        for s in jp_standings(
            ledger_employees_visible_to(user).filter(is_active=True), context["year"]
        )
        if s.required
    ]
    rows = []
    for unit in units:
        inside = [s for s in standings if unit.contains(s.employee.unit)]
        rows.append((unit, len(inside), sum(1 for s in inside if s.behind)))
    return render(request, "ledger/index.html", {**context, "rows": rows})


@login_required
def ledger_employee(request, pk: int):
    employee = ledger_employee_get_for_user(request.user, pk)
    context = _year_context(request)
    (standing,) = jp_standings([employee], context["year"])
    page = Paginator(year_entries(employee, context["year"]), 100).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "ledger/employee.html",
        {
            **context,
            "employee": employee,
            "standing": standing,
            "page": page,
            "querystring": f"tahun={context['year']}",
        },
    )


def _unit_rows(request, pk: int):
    unit = unit_get_for_user(request.user, pk)
    context = _year_context(request)
    standings = unit_standings(request.user, unit, context["year"])
    behind_only = request.GET.get("kurang") == "1"
    shown = [s for s in standings if s.behind] if behind_only else standings
    return unit, context, standings, shown, behind_only


@login_required
@require(READ_UNIT_LEDGER)
def ledger_unit(request, pk: int):
    unit, context, standings, shown, behind_only = _unit_rows(request, pk)
    required = [s for s in standings if s.required]
    return render(
        request,
        "ledger/unit.html",
        {
            **context,
            "unit": unit,
            "standings": shown,
            "behind_only": behind_only,
            "extra_params": [("kurang", "1")] if behind_only else [],
            "required_count": len(required),
            "behind_count": sum(1 for s in required if s.behind),
        },
    )


@login_required
@require(READ_UNIT_LEDGER)
@require_http_methods(["GET", "POST"])
def ledger_unit_export(request, pk: int, fmt: str):
    return export_response(request, "ledger.unit", fmt, pk=pk)
