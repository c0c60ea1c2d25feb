"""The unit report (heatmap) and its exports."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from people.permissions import require
from reports.exports import unit_headers, unit_rows
from reports.permissions import READ_UNIT_REPORTS
from reports.selectors import report_unit_get_for_user, unit_export_rows, unit_report
from sosiokultural.tabular import csv_response, xlsx_response


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
def unit_export(request, pk: int, fmt: str):
    unit = report_unit_get_for_user(request.user, pk)
    today = timezone.localdate()
    dims, rows = unit_export_rows(unit, today=today)
    name = f"kesenjangan-{slugify(unit.code)}-{today:%Y%m%d}"
    if fmt == "csv":
        return csv_response(name, unit_headers(dims), unit_rows(rows))
    if fmt == "xlsx":
        return xlsx_response(
            name, [(_("Kesenjangan"), unit_headers(dims), unit_rows(rows))]
        )
    raise Http404
