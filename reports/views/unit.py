"""The unit report (heatmap) and its exports."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from exports.responses import export_response
from people.permissions import require
from reports.permissions import READ_UNIT_REPORTS
from reports.selectors import (
    follow_up_quarter,
    report_unit_get_for_user,
    unit_follow_up,
    unit_report,
)


@login_required
@require(READ_UNIT_REPORTS)
def unit_view(request, pk: int):
    unit = report_unit_get_for_user(request.user, pk)
    today = timezone.localdate()
    report = unit_report(unit, today=today, page_number=request.GET.get("page"))
    follow_up = unit_follow_up(
        request.user, unit, quarter=follow_up_quarter(None, today)
    )
    return render(
        request,
        "reports/unit.html",
        {"report": report, "unit": unit, "follow_up": follow_up},
    )


@login_required
@require(READ_UNIT_REPORTS)
@require_http_methods(["GET", "POST"])
def unit_export(request, pk: int, fmt: str):
    return export_response(request, "reports.unit", fmt, pk=pk)
