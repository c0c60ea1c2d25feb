"""Turning an ``Export`` row's parameters back into the aggregate it asked for,
with the requester's scope as it is when the file is built."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from people.permissions import sees_all_units
from people.selectors import unit_get_for_user, units_visible_to
from reports.exports import aggregate_workbook
from reports.forms import AggregateFilterForm
from reports.models import Export
from reports.selectors import aggregate_demand, aggregate_report, aggregate_root
from reports.selectors.province import AggregateReport


def aggregate_from_params(user, params: dict) -> tuple[AggregateReport, list]:
    """Raises ``ValidationError`` with a readable message when the parameters are
    invalid or the unit is no longer in the user's scope."""
    today = timezone.localdate()
    form = AggregateFilterForm(
        {k: v for k, v in params.items() if v not in (None, "")}, today=today
    )
    if not form.is_valid():
        raise ValidationError(_("Parameter ekspor tidak valid."))
    unit_id = params.get("unit")
    try:
        unit = unit_get_for_user(user, int(unit_id)) if unit_id else None
    except (Http404, ValueError, TypeError) as exc:
        raise ValidationError(_("Unit ekspor di luar cakupan Anda.")) from exc
    if unit is None:
        unit = aggregate_root(user)
        if unit is None and not sees_all_units(user):
            raise ValidationError(_("Unit ekspor di luar cakupan Anda."))
    report = aggregate_report(
        unit=unit,
        units=units_visible_to(user),
        filters=form.filters(),
        period=form.cleaned_data["period"],
    )
    demand = aggregate_demand(
        unit=unit,
        filters=form.filters(),
        period=form.cleaned_data["period"],
        today=today,
    )
    return report, demand


def aggregate_export_build(*, export: Export, progress: Callable[[int], None]) -> bytes:
    report, demand = aggregate_from_params(export.requested_by, export.params)
    progress(5)
    return aggregate_workbook(report, demand=demand, progress=progress)
