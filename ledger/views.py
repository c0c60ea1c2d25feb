"""The JP ledger pages: an employee's window against the rule of their status, a
unit's list of who is behind (or above a cap), the units of a subtree with their
compliance, and the JP rules."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
    unit_standings_stream,
    window_entries,
    year_reckoning,
)
from ledger.services import jp_rule_create, jp_rule_delete
from people.permissions import can, is_head, require, sees_all_units
from people.selectors import unit_get_for_user, user_employee
from people.tree import subtree_q
from sosiokultural.tabular import xlsx_response


def _year(request) -> int:
    today = timezone.localdate()
    text = request.GET.get("tahun", "")
    if text.isdigit() and 2000 <= int(text) <= today.year + 1:
        return int(text)
    return today.year


def _year_context(request) -> dict:
    today = timezone.localdate()
    year = _year(request)
    rk = year_reckoning(year, today)
    return {
        "year": year,
        "years": ledger_years(today),
        "days_left": days_left_in_year(today, year),
        "reckoning": rk,
        "minimum": rk.minimum,
    }


def _filters(request) -> tuple[str | None, str | None]:
    state = (
        BEHIND
        if request.GET.get("kurang") == "1"
        else OVER
        if request.GET.get("lebih") == "1"
        else None
    )
    status = request.GET.get("status")
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
    state, status = _filters(request)
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


EXPORT_HEADERS = [
    "nama",
    "nip",
    "unit",
    "jabatan",
    "status_kepegawaian",
    "dihitung_dari",
    "dihitung_sampai",
    "menit",
    "jp",
    "ketentuan",
    "target_jp",
    "kurang_jp",
    "lebih_jp",
    "persen",
]


def _export_rows(standings):
    for s in standings:
        yield [
            s.employee.name,
            s.employee.nip or "",
            s.employee.unit.code,
            s.employee.position_type.code,
            s.employee.employment_status,
            s.window.starts_on.isoformat(),
            s.window.ends_on.isoformat(),
            s.minutes,
            s.jp,
            s.kind,
            s.target if s.target is not None else "",
            s.missing if s.required else "",
            s.excess if s.capped else "",
            s.percent if s.target is not None else "",
        ]


class _Echo:
    def write(self, value):
        return value


def _csv_stream(headers, rows):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers)
    for row in rows:
        yield writer.writerow(row)


@login_required
@require(READ_UNIT_LEDGER)
def ledger_unit_export(request, pk: int, fmt: str):
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    unit = unit_get_for_user(request.user, pk)
    context = _year_context(request)
    state, status = _filters(request)
    standings = unit_standings_stream(
        request.user, unit, context["reckoning"], state=state, status=status
    )
    name = slugify(f"jp-{unit.code}-{context['year']}") or "jp"
    rows = _export_rows(standings)
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_stream(EXPORT_HEADERS, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    return xlsx_response(name, [(_("JP %(year)s") % context, EXPORT_HEADERS, rows)])


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
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
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
