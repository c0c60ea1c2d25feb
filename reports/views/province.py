"""The aggregate across units (BPSDM: the whole province; heads: their subtree),
its trend fragment and its background XLSX export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competencies.models import Dimension
from exports.selectors import exports_visible_to
from exports.services import export_request
from people.permissions import require, sees_all_units
from people.selectors import unit_get_for_user, units_visible_to
from reports.forms import AggregateFilterForm
from reports.gapstats import LEVELS
from reports.periods import period_now
from reports.permissions import READ_UNIT_REPORTS
from reports.selectors import (
    aggregate_demand,
    aggregate_follow_up,
    aggregate_report,
    aggregate_root,
    aggregate_trend,
    follow_up_quarter,
)


def _scope(request, data: QueryDict):
    """(unit or None for every top unit, valid filter form). A unit outside the
    user's scope → 404."""
    unit_id = data.get("unit")
    if unit_id and unit_id.isdigit():
        unit = unit_get_for_user(request.user, int(unit_id))
    else:
        unit = aggregate_root(request.user)
    form = AggregateFilterForm(data, today=timezone.localdate())
    return unit, form


def _params(unit, form) -> dict:
    params = {key: form.data.get(key, "") for key in form.fields}
    params["unit"] = unit.pk if unit else None
    return params


@login_required
@require(READ_UNIT_REPORTS)
def province_view(request):
    unit, form = _scope(request, request.GET)
    report = None
    if form.is_valid():
        report = aggregate_report(
            unit=unit,
            units=units_visible_to(request.user),
            filters=form.filters(),
            period=form.cleaned_data["period"],
        )
    query = request.GET.copy()
    query.pop("unit", None)
    context = {
        "form": form,
        "report": report,
        "unit": unit,
        "sees_all": sees_all_units(request.user),
        "filter_query": query.urlencode(),
        "exports": list(
            exports_visible_to(request.user).filter(kind="reports.aggregate")[:5]
        ),
    }
    if report is not None:
        context.update(_presentation(request.user, report))
        context["follow_up"] = aggregate_follow_up(
            request.user,
            unit=unit,
            rows=report.rows,
            quarter=follow_up_quarter(report.period, timezone.localdate()),
        )
    return render(request, "reports/province.html", context)


def _presentation(user, report) -> dict:
    """The breadcrumb within the user's scope, the per-dimension table and the
    distribution chart's data."""
    root = aggregate_root(user)
    breadcrumb = [u for u in report.breadcrumb if root is None or root.contains(u)]
    labels = [
        row.unit.name
        if row.unit
        else _("%(unit)s (langsung)") % {"unit": report.unit.name}
        for row in report.rows
    ]
    series = [
        {
            "label": _("Level %(n)s") % {"n": n},
            "data": [row.all_dimensions.levels[n] for row in report.rows],
        }
        for n in LEVELS
    ]
    series.append(
        {
            "label": _("Belum diuji"),
            "data": [row.all_dimensions.untested for row in report.rows],
        }
    )
    return {
        "breadcrumb": breadcrumb,
        "by_dimension": [
            (d, report.total_by_dimension[d.pk]) for d in report.dimensions
        ],
        "chart": {"labels": labels, "series": series},
        "chart_height": 80 + 32 * len(report.rows),
    }


@login_required
@require(READ_UNIT_REPORTS)
def province_trend(request):
    unit, form = _scope(request, request.GET)
    points = []
    if form.is_valid():
        points = aggregate_trend(
            unit=unit,
            filters=form.filters(),
            today=timezone.localdate(),
            now=period_now(timezone.localdate()),
        )
    return render(request, "reports/_trend.html", {"points": points, "form": form})


@login_required
@require(READ_UNIT_REPORTS)
def province_demand(request):
    """The program demand fragment (a second pass over the levels, so the page
    itself stays one pass)."""
    unit, form = _scope(request, request.GET)
    rows = None
    if form.is_valid():
        rows = aggregate_demand(
            unit=unit,
            filters=form.filters(),
            period=form.cleaned_data["period"],
            today=timezone.localdate(),
        )
    names = {d.pk: d.label for d in Dimension.objects.all()}
    lines = (
        [(row, [names[d] for d in row.dimension_ids if d in names]) for row in rows]
        if rows is not None
        else None
    )
    return render(request, "reports/_demand.html", {"lines": lines})


@login_required
@require(READ_UNIT_REPORTS)
@require_POST
def province_export(request):
    unit, form = _scope(request, request.POST)
    if not form.is_valid():
        messages.error(request, _("Filter tidak valid; ekspor tidak dibuat."))
        return redirect("reports:province")
    query = {key: [str(value)] for key, value in _params(unit, form).items() if value}
    try:
        export = export_request(
            by=request.user,
            kind="reports.aggregate",
            fmt="xlsx",
            params={"query": query, "kwargs": {}, "language": get_language() or "id"},
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("exports:list")
    return redirect("exports:detail", pk=export.pk)
