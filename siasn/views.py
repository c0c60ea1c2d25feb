"""SIASN pages: the per-employee sync status of a unit, pushing and reconciling
(BPSDM), a run's result, and the XLSX for units without API credentials."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exports.responses import export_response
from people.permissions import can, check, require, sees_all_units
from people.selectors import scope_root_unit
from siasn.client import configured
from siasn.models import SiasnRecord, SyncRun
from siasn.permissions import PUSH, VIEW_SYNC
from siasn.selectors import (
    records_of,
    run_get_for_user,
    runs_visible_to,
    sync_employees,
    sync_unit_get_for_user,
    sync_units_visible_to,
)
from siasn.services import run_request


@login_required
@require(VIEW_SYNC)
def index(request):
    """BPSDM: the units and the latest runs; a head goes on to their unit."""
    if not sees_all_units(request.user):
        return redirect("siasn:unit", pk=scope_root_unit(request.user).pk)
    units = Paginator(
        sync_units_visible_to(request.user).order_by("path"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "siasn/index.html",
        {
            "page": units,
            "runs": runs_visible_to(request.user)[:10],
            "can_push": can(request.user, PUSH),
            "configured": configured(),
        },
    )


@login_required
@require(VIEW_SYNC)
def unit_status(request, pk: int):
    unit = sync_unit_get_for_user(request.user, pk)
    page = Paginator(sync_employees(request.user, unit), 50).get_page(
        request.GET.get("page")
    )
    failed = {}
    for record in records_of(e.pk for e in page).filter(
        status=SiasnRecord.Status.FAILED
    ):
        failed.setdefault(record.employee_id, record.error)
    return render(
        request,
        "siasn/unit.html",
        {
            "unit": unit,
            "page": page,
            "errors": failed,
            "runs": runs_visible_to(request.user).filter(unit=unit)[:5],
            "can_push": can(request.user, PUSH),
            "configured": configured(),
        },
    )


def _queue(request, kind: str, unit) -> HttpResponse:
    check(request.user, PUSH)
    run = run_request(kind=kind, unit=unit, by=request.user)
    messages.success(
        request,
        _("%(kind)s dijadwalkan; hasilnya tampil di halaman ini setelah selesai.")
        % {"kind": run.get_kind_display()},
    )
    return redirect("siasn:run", pk=run.pk)


@login_required
@require_POST
def unit_push(request, pk: int):
    return _queue(request, SyncRun.Kind.PUSH, sync_unit_get_for_user(request.user, pk))


@login_required
@require_POST
def unit_reconcile(request, pk: int):
    unit = sync_unit_get_for_user(request.user, pk)
    return _queue(request, SyncRun.Kind.RECONCILE, unit)


@login_required
@require_POST
def province_push(request):
    return _queue(request, SyncRun.Kind.PUSH, None)


@login_required
@require(VIEW_SYNC)
def run_detail(request, pk: int):
    run = run_get_for_user(request.user, pk)
    rows = Paginator(run.rows, 100).get_page(request.GET.get("page"))
    return render(request, "siasn/run.html", {"run": run, "page": rows})


@login_required
@require(VIEW_SYNC)
def unit_export(request, pk: int):
    return export_response(request, "siasn.unit", "xlsx", pk=pk)
