"""The employee report and its exports (CSV, XLSX, PDF)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from exports.responses import export_response
from people.permissions import can, heads_and_up, is_head, sees_all_units
from people.selectors import employee_get_for_user, user_employee
from plans.permissions import EDIT_PLAN
from reports.feedback import report_feedback
from reports.selectors import aggregate_root, employee_report


@login_required
def index(request):
    """ "Laporan": each role's natural starting report."""
    user = request.user
    if sees_all_units(user):
        return redirect("reports:province")
    if is_head(user):
        root = aggregate_root(user)
        if root is not None:
            return redirect("reports:unit", pk=root.pk)
    employee = user_employee(user)
    if employee is None:
        raise Http404
    return redirect("reports:employee", pk=employee.pk)


@login_required
def employee_view(request, pk: int):
    employee = employee_get_for_user(request.user, pk)
    report = employee_report(employee, today=timezone.localdate())
    return render(
        request,
        "reports/employee.html",
        {
            "report": report,
            "feedback": report_feedback(report, request.user),
            "employee": employee,
            "can_edit_plan": can(request.user, EDIT_PLAN, employee),
            "unit_link": heads_and_up(request.user),
        },
    )


@login_required
def employee_export(request, pk: int, fmt: str):
    if fmt in {"csv", "xlsx"}:
        return export_response(request, "reports.employee", fmt, pk=pk)
    employee = employee_get_for_user(request.user, pk)
    report = employee_report(employee, today=timezone.localdate())
    name = f"laporan-{slugify(employee.name)}-{report.today:%Y%m%d}"
    if fmt == "pdf":
        from reports.pdf import employee_pdf

        link = request.build_absolute_uri(reverse("reports:employee", args=[pk]))
        feedback = report_feedback(report, request.user)
        response = HttpResponse(
            employee_pdf(report, link=link, feedback=feedback),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    raise Http404
