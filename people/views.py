from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
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
from people.importing import EmployeeImportError, employees_import
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
    employees_in_subtree,
    employees_visible_to,
    unit_ancestors,
    unit_get_for_user,
    unit_subtree,
    units_visible_to,
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
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/employee_list.html",
        {
            "form": form,
            "page": page,
            "querystring": query.urlencode(),
        },
    )


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
    return render(
        request,
        "people/employee_detail.html",
        {
            "employee": employee,
            "ancestors": unit_ancestors(employee.unit),
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
    form = EmployeeImportForm(request.POST or None, request.FILES or None)
    errors: list[tuple[int, str]] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = employees_import(filename=upload.name, content=upload.read())
        except EmployeeImportError as exc:
            errors = exc.errors
        else:
            messages.success(
                request,
                _("Impor berhasil: %(created)s pegawai baru, %(updated)s diperbarui.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect("people:employee_list")
    return render(
        request, "people/employee_import.html", {"form": form, "errors": errors}
    )


@login_required
def unit_list(request):
    units = units_visible_to(request.user).annotate(
        employee_count=Count("employees", filter=Q(employees__is_active=True))
    )
    return render(request, "people/unit_list.html", {"units": units})


@login_required
def unit_detail(request, pk: int):
    unit = unit_get_for_user(request.user, pk)
    employees = (
        employees_in_subtree(employees_visible_to(request.user), unit)
        .filter(is_active=True)
        .order_by("unit__path", "position_type__order", "name")
    )
    return render(
        request,
        "people/unit_detail.html",
        {
            "unit": unit,
            "ancestors": unit_ancestors(unit),
            "children": unit_subtree(unit).filter(depth=unit.depth + 1),
            "employees": employees,
        },
    )
