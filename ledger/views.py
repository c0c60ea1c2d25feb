"""The JP ledger pages: an employee's window against the rule of their status, a
unit's list of who is behind (or above a cap), the units of a subtree with their
compliance, and the JP rules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from exports.responses import export_response
from ledger.forms import JPRuleForm
from ledger.jp import days_left_in_year
from ledger.models import JPRule
from ledger.permissions import EDIT_JP_RULES, READ_JP_RULES, READ_UNIT_LEDGER
from ledger.selectors import (
    BEHIND,
    OVER,
    STATUSES,
    child_unit_rows,
    jp_compliance,
    jp_rule_versions,
    jp_standing,
    ledger_employee_get_for_user,
    ledger_employees_visible_to,
    ledger_years,
    unit_standings_page,
    window_entries,
    year_reckoning,
)
from ledger.services import jp_rule_create, jp_rule_delete
from people.permissions import can, is_head, require, sees_all_units
from people.selectors import unit_get_for_user, user_employee
from people.tree import subtree_q
from sosiokultural.forms import add_service_errors


def year_of(query) -> int:
    """The year asked for with ``?tahun=`` (2000 … next year), else this year."""
    today = timezone.localdate()
    text = query.get("tahun", "")
    if text.isdigit() and 2000 <= int(text) <= today.year + 1:
        return int(text)
    return today.year


def year_context(query) -> dict:
    today = timezone.localdate()
    year = year_of(query)
    rk = year_reckoning(year, today)
    return {
        "year": year,
        "years": ledger_years(today),
        "days_left": days_left_in_year(today, year),
        "reckoning": rk,
        "minimum": rk.minimum,
    }


def _year_context(request) -> dict:
    return year_context(request.GET)


def filters_of(query) -> tuple[str | None, str | None]:
    state = (
        BEHIND
        if query.get("kurang") == "1"
        else OVER
        if query.get("lebih") == "1"
        else None
    )
    status = query.get("status")
    return state, status if status in STATUSES else None


@login_required
def ledger_index(request):
    user = request.user
    text = request.GET.get("unit", "")
    parent = None
    if text:
        if not text.isdigit():
            raise Http404
        if not can(user, READ_UNIT_LEDGER):
            raise PermissionDenied
        parent = unit_get_for_user(user, int(text))
    elif is_head(user):
        return redirect("ledger:unit", pk=user_employee(user).unit_id)
    elif not sees_all_units(user):
        employee = user_employee(user)
        if employee is None:
            raise PermissionDenied
        return redirect("ledger:employee", pk=employee.pk)
    context = _year_context(request)
    total, page, rows = child_unit_rows(
        user, parent, context["reckoning"], request.GET.get("page")
    )
    query = f"tahun={context['year']}" + (f"&unit={parent.pk}" if parent else "")
    return render(
        request,
        "ledger/index.html",
        {
            **context,
            "parent": parent,
            "total": total,
            "page": page,
            "rows": rows,
            "querystring": query,
            "extra_params": [("unit", parent.pk)] if parent else [],
        },
    )


@login_required
def ledger_employee(request, pk: int):
    employee = ledger_employee_get_for_user(request.user, pk)
    context = _year_context(request)
    standing = jp_standing(employee, context["reckoning"])
    page = Paginator(window_entries(employee, standing.window), 100).get_page(
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


@login_required
@require(READ_UNIT_LEDGER)
def ledger_unit(request, pk: int):
    unit = unit_get_for_user(request.user, pk)
    context = _year_context(request)
    state, status = filters_of(request.GET)
    compliance = jp_compliance(
        ledger_employees_visible_to(request.user).filter(subtree_q(unit)),
        context["reckoning"],
    )
    page = unit_standings_page(
        request.user,
        unit,
        context["reckoning"],
        state=state,
        status=status,
        page_number=request.GET.get("page"),
        compliance=compliance,
    )
    params = [("tahun", context["year"])]
    if state == BEHIND:
        params.append(("kurang", "1"))
    elif state == OVER:
        params.append(("lebih", "1"))
    if status:
        params.append(("status", status))
    return render(
        request,
        "ledger/unit.html",
        {
            **context,
            "unit": unit,
            "compliance": compliance,
            "page": page,
            "standings": page.object_list,
            "state": state,
            "status": status,
            "statuses": compliance.shown_rows,
            "extra_params": params[1:],
            "querystring": "&".join(f"{k}={v}" for k, v in params),
        },
    )


@login_required
@require(READ_UNIT_LEDGER)
@require_http_methods(["GET", "POST"])
def ledger_unit_export(request, pk: int, fmt: str):
    return export_response(request, "ledger.unit", fmt, pk=pk)


# -- the rules ------------------------------------------------------------------------


@login_required
@require(READ_JP_RULES)
def rule_list(request):
    today = timezone.localdate()
    versions = list(jp_rule_versions())
    in_force = year_reckoning(today.year, today)
    form = JPRuleForm(initial={"effective_from": today})
    return render(
        request,
        "ledger/rules.html",
        {
            "versions": versions,
            "in_force": in_force,
            "today": today,
            "form": form if can(request.user, EDIT_JP_RULES) else None,
        },
    )


@login_required
@require(EDIT_JP_RULES)
@require_POST
def rule_create(request):
    form = JPRuleForm(request.POST)
    if form.is_valid():
        try:
            jp_rule_create(**form.cleaned_data, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Versi aturan JP disimpan."))
            return redirect("ledger:rules")
    today = timezone.localdate()
    return render(
        request,
        "ledger/rules.html",
        {
            "versions": list(jp_rule_versions()),
            "in_force": year_reckoning(today.year, today),
            "today": today,
            "form": form,
        },
        status=400,
    )


@login_required
@require(EDIT_JP_RULES)
@require_POST
def rule_delete(request, pk: int):
    rule = get_object_or_404(JPRule, pk=pk)
    try:
        jp_rule_delete(rule=rule)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Versi aturan JP dihapus."))
    return redirect("ledger:rules")
