"""The unit report (heatmap) and its exports."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from exports.responses import export_response
from people.permissions import require
from reports.permissions import READ_UNIT_REPORTS
from reports.selectors import report_unit_get_for_user, unit_report


@login_required
@require(READ_UNIT_REPORTS)
def unit_view(request, pk: int):
    unit = report_unit_get_for_user(request.user, pk)
    report = unit_report(
        unit, today=timezone.localdate(), page_number=request.GET.get("page")
    )
    return render(request, "reports/unit.html", {"report": report, "unit": unit})


@login_required
@require(READ_UNIT_REPORTS)
@require_http_methods(["GET", "POST"])
def unit_export(request, pk: int, fmt: str):
    return export_response(request, "reports.unit", fmt, pk=pk)
