"""The individual development plan (AKPK of one employee for one year).

The page is drawn up from the employee's gap report (``reports``): the gaps give
the suggestions, the report carries the plan of the year with its progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competencies.models import DevelopmentForm, Dimension
from people.permissions import can, check
from people.selectors import employee_get_for_user
from plans.forms import PlanItemForm
from plans.permissions import EDIT_PLAN, EDIT_PLAN_ITEM, PLAN_EVERY_FORM
from plans.selectors import SELF_DEVELOPMENT, plan_item_get_for_user
from plans.services import (
    plan_item_add,
    plan_item_delete,
    plan_item_update,
    plan_items_add_many,
)
from plans.suggestions import suggest
from reports.selectors import employee_report

YEARS_BACK = 3


def _years(today) -> list[int]:
    return list(range(today.year - YEARS_BACK, today.year + 2))


def _year(data, today) -> int:
    text = data.get("tahun") or ""
    if text.isdigit() and int(text) in _years(today):
        return int(text)
    return today.year


def _allowed_forms(user, employee, year, today) -> list[int] | None:
    """Forms the user may put in the plan of ``year``: every form for the head,
    self-development for the employee; none for read-only roles and for the
    plans of past years (history)."""
    if year < today.year or not can(user, EDIT_PLAN, employee):
        return []
    if can(user, PLAN_EVERY_FORM, employee):
        return None
    return list(
        DevelopmentForm.objects.filter(code=SELF_DEVELOPMENT).values_list(
            "pk", flat=True
        )
    )


def _suggestions(report, allowed):
    gaps = {line.dimension.pk: line.gap for line in report.lines}
    if allowed is None:
        by_dim = {
            line.dimension.pk: [(f.pk, True) for f in line.internal_forms]
            + [(f.pk, False) for f in line.external_forms]
            for line in report.lines
        }
    else:  # the employee plans self-development for any dimension with a gap
        by_dim = {
            line.dimension.pk: [(pk, True) for pk in allowed] for line in report.lines
        }
    return suggest(
        gaps=gaps,
        forms_by_dimension=by_dim,
        planned=[(i.dimension_id, i.form_id) for i in report.items],
        today=report.today,
        year=report.year,
        allowed_form_ids=allowed,
    )


def _back(employee, year, today):
    url = reverse("plans:plan", args=[employee.pk])
    return redirect(url if year == today.year else f"{url}?tahun={year}")


@login_required
def plan_view(request, pk: int):
    employee = employee_get_for_user(request.user, pk)
    today = timezone.localdate()
    year = _year(request.GET, today)
    report = employee_report(employee, today=today, plan_year=year)
    allowed = _allowed_forms(request.user, employee, year, today)
    editable = allowed is None or bool(allowed)
    suggestions = _suggestions(report, allowed) if editable else []
    dims = {line.dimension.pk: line.dimension for line in report.lines}
    forms = DevelopmentForm.objects.in_bulk({s.form_id for s in suggestions})
    form = None
    if editable:
        target = suggestions[0].target_date if suggestions else None
        form = PlanItemForm(forms_allowed=allowed, initial={"target_date": target})
    return render(
        request,
        "plans/plan.html",
        {
            "employee": employee,
            "report": report,
            "year": year,
            "years": _years(today),
            "editable": editable,
            "can_edit_all": allowed is None,
            "form": form,
            "suggestions": [
                (s, dims[s.dimension_id], forms[s.form_id]) for s in suggestions
            ],
        },
    )


def _plan_written(request, pk: int):
    """The employee whose plan a POST adds to (404 out of scope), the plan's year,
    the forms the user may add and today; 403 for those who may not write the
    plan and for a past year's plan (history)."""
    employee = employee_get_for_user(request.user, pk)
    check(request.user, EDIT_PLAN, employee)
    today = timezone.localdate()
    year = _year(request.POST, today)
    allowed = _allowed_forms(request.user, employee, year, today)
    if allowed == []:
        raise PermissionDenied
    return employee, year, allowed, today


def _report_errors(request, errors) -> None:
    for message in errors:
        messages.error(request, message)


@login_required
@require_POST
def plan_item_create(request, pk: int):
    employee, year, allowed, today = _plan_written(request, pk)
    form = PlanItemForm(request.POST, forms_allowed=allowed)
    if not form.is_valid():
        _report_errors(request, [m for ms in form.errors.values() for m in ms])
        return _back(employee, year, today)
    data = form.cleaned_data
    try:
        plan_item_add(
            employee=employee,
            year=year,
            dimension=data["dimension"],
            form=data["form"],
            target_date=data["target_date"],
            note=data["note"],
            by=request.user,
        )
    except ValidationError as exc:
        _report_errors(request, exc.messages)
    else:
        messages.success(request, _("Butir rencana ditambahkan."))
    return _back(employee, year, today)


@login_required
@require_POST
def plan_suggestions_apply(request, pk: int):
    """Add the chosen suggestions (``pilih`` = "dimension_id:form_id")."""
    employee, year, allowed, today = _plan_written(request, pk)
    report = employee_report(employee, today=today, plan_year=year)
    offered = {(s.dimension_id, s.form_id): s for s in _suggestions(report, allowed)}
    chosen = []
    for value in request.POST.getlist("pilih"):
        dim, __, form_id = value.partition(":")
        key = (int(dim), int(form_id)) if dim.isdigit() and form_id.isdigit() else None
        if key in offered:
            chosen.append(offered[key])
    if not chosen:
        messages.error(request, _("Pilih sedikitnya satu usulan."))
        return _back(employee, year, today)
    dims = Dimension.objects.in_bulk([s.dimension_id for s in chosen])
    forms = DevelopmentForm.objects.in_bulk([s.form_id for s in chosen])
    try:
        created = plan_items_add_many(
            employee=employee,
            year=year,
            items=[
                (dims[s.dimension_id], forms[s.form_id], s.target_date) for s in chosen
            ],
            by=request.user,
        )
    except ValidationError as exc:
        _report_errors(request, exc.messages)
    else:
        messages.success(
            request, _("%(n)s butir usulan ditambahkan.") % {"n": len(created)}
        )
    return _back(employee, year, today)


def _editable_item(request, pk: int):
    item = plan_item_get_for_user(request.user, pk)
    check(request.user, EDIT_PLAN_ITEM, item)
    return item, item.plan.employee, timezone.localdate()


@login_required
def plan_item_edit(request, pk: int):
    item, employee, today = _editable_item(request, pk)
    allowed = _allowed_forms(request.user, employee, item.plan.year, today)
    form = PlanItemForm(request.POST or None, instance=item, forms_allowed=allowed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan_item_update(
                item=item,
                dimension=data["dimension"],
                form=data["form"],
                target_date=data["target_date"],
                note=data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Butir rencana diperbarui."))
            return _back(employee, item.plan.year, today)
    return render(request, "plans/plan_item_form.html", {"form": form, "item": item})


@login_required
@require_POST
def plan_item_remove(request, pk: int):
    item, employee, today = _editable_item(request, pk)
    year = item.plan.year
    plan_item_delete(item=item)
    messages.success(request, _("Butir rencana dihapus."))
    return _back(employee, year, today)
