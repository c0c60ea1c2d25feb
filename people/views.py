from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from exports.responses import export_response
from people.forms import (
    EmployeeFilterForm,
    EmployeeForm,
    EmployeeImportForm,
    LoginCreateForm,
)
from people.importing import employee_import_request
from people.lookup import SEARCH_LIMIT, employee_search
from people.permissions import (
    EDIT_EMPLOYEE,
    GIVE_LOGIN,
    GIVE_LOGINS,
    IMPORT_EMPLOYEES,
    MANAGE_EMPLOYEES,
    fetch,
    require,
)
from people.selectors import (
    employee_get_for_user,
    employee_import_get_for_user,
    employees_in_subtree,
    employees_visible_to,
    unit_ancestors,
    unit_get_for_user,
    unit_subtree,
    units_openable,
    units_visible_to,
    units_with_employee_counts,
)
from people.services import employee_create, employee_login_create, employee_update
from sosiokultural.forms import add_service_errors


def _filtered_employees(request):
    form = EmployeeFilterForm(
        request.GET or {"active": "1"}, units=units_visible_to(request.user)
    )
    return form, form.filter(employees_visible_to(request.user))


@login_required
def employee_list(request):
    form, employees = _filtered_employees(request)
    page = Paginator(employees, 50).get_page(request.GET.get("page"))
    return render(request, "people/employee_list.html", {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def employee_export(request, fmt: str):
    return export_response(request, "people.employees", fmt)


@login_required
def employee_search_view(request):
    """The matches of a type-ahead people picker (``people.lookup``): at most
    ``SEARCH_LIMIT`` active employees in the user's scope, narrowed to a unit's
    subtree with ``unit=<id>`` (a unit out of scope finds nobody)."""
    employees = employees_visible_to(request.user)
    unit_id = request.GET.get("unit", "")
    if unit_id:
        unit = (
            units_visible_to(request.user).filter(pk=unit_id).first()
            if unit_id.isdigit()
            else None
        )
        employees = employees_in_subtree(employees, unit) if unit else employees.none()
    query = request.GET.get("q", "")
    matches = list(employee_search(employees, query, limit=SEARCH_LIMIT + 1))
    return render(
        request,
        "people/_employee_search.html",
        {
            "employees": matches[:SEARCH_LIMIT],
            "more": len(matches) > SEARCH_LIMIT,
            "limit": SEARCH_LIMIT,
            "searched": bool(query.strip()),
        },
    )


@login_required
def employee_detail(request, pk: int):
    employee = employee_get_for_user(request.user, pk)
    ancestors = list(unit_ancestors(employee.unit))
    return render(
        request,
        "people/employee_detail.html",
        {
            "employee": employee,
            "ancestors": ancestors,
            "openable": units_openable(request.user, ancestors),
        },
    )


@login_required
@require(MANAGE_EMPLOYEES)
@require_http_methods(["GET", "POST"])
def employee_create_view(request):
    form = EmployeeForm(request.POST or None, units=units_visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            employee = employee_create(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Pegawai %(name)s disimpan.") % {"name": employee}
            )
            return redirect("people:employee_detail", pk=employee.pk)
    return render(request, "people/employee_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def employee_edit(request, pk: int):
    employee = fetch(
        employees_visible_to(request.user),
        user=request.user,
        permission=EDIT_EMPLOYEE,
        pk=pk,
    )
    form = EmployeeForm(
        request.POST or None, instance=employee, units=units_visible_to(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            employee_update(employee=employee, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perubahan disimpan."))
            return redirect("people:employee_detail", pk=employee.pk)
    return render(
        request, "people/employee_form.html", {"form": form, "employee": employee}
    )


@login_required
@require(GIVE_LOGINS)
@require_http_methods(["GET", "POST"])
def employee_login(request, pk: int):
    employee = fetch(
        employees_visible_to(request.user),
        user=request.user,
        permission=GIVE_LOGIN,
        pk=pk,
    )
    form = LoginCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employee_login_create(employee=employee, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Akun login dibuat; email sambutan dikirim."))
            return redirect("people:employee_detail", pk=employee.pk)
    return render(
        request, "people/employee_login.html", {"form": form, "employee": employee}
    )


@login_required
@require(IMPORT_EMPLOYEES)
@require_http_methods(["GET", "POST"])
def employee_import_view(request):
    """Store the upload and queue its import; the job's page follows it."""
    form = EmployeeImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = employee_import_request(
                by=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect("people:employee_import_detail", pk=job.pk)
    return render(request, "people/employee_import.html", {"form": form})


def _import_context(request, pk: int) -> dict:
    job = employee_import_get_for_user(request.user, pk)
    rows = Paginator(job.report.get("rows", []), 100).get_page(request.GET.get("page"))
    return {"job": job, "rows": rows}


@login_required
@require(IMPORT_EMPLOYEES)
def employee_import_detail(request, pk: int):
    return render(
        request, "people/employee_import_job.html", _import_context(request, pk)
    )


@login_required
@require(IMPORT_EMPLOYEES)
def employee_import_status(request, pk: int):
    return render(
        request,
        "people/employee_import_job.html#status",
        _import_context(request, pk),
    )


UNIT_PAGE_SIZE = 50


@login_required
def unit_list(request):
    """The units in scope, depth first, a page at a time; each row's active
    employees are one indexed count per unit of the page."""
    page = Paginator(
        units_with_employee_counts(units_visible_to(request.user).order_by("path")),
        UNIT_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(request, "people/unit_list.html", {"page": page, "units": page})


@login_required
def unit_detail(request, pk: int):
    """A unit, its direct sub-units and a page of the active employees of its
    subtree (the count of them from the paginator's one COUNT)."""
    unit = unit_get_for_user(request.user, pk)
    employees = (
        employees_in_subtree(employees_visible_to(request.user), unit)
        .filter(is_active=True)
        .order_by("unit__path", "position_type__order", "name", "pk")
    )
    page = Paginator(employees, UNIT_PAGE_SIZE).get_page(request.GET.get("page"))
    children = units_with_employee_counts(
        unit_subtree(unit).filter(depth=unit.depth + 1).order_by("name", "pk")
    )
    ancestors = list(unit_ancestors(unit))
    return render(
        request,
        "people/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "openable": units_openable(request.user, ancestors),
            "children": children[:UNIT_PAGE_SIZE],
            "page": page,
            "employees": page.object_list,
        },
    )
