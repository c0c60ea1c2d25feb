"""The item analysis of an instrument (``assessments.item_analysis``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments.models import Instrument, ItemAnalysis
from assessments.permissions import REFRESH_ITEM_ANALYSIS, VIEW_ITEM_ANALYSIS
from people.permissions import can, check, require


@login_required
@require(VIEW_ITEM_ANALYSIS)
@require_http_methods(["GET", "POST"])
def instrument_analysis(request, pk: int):
    instrument = get_object_or_404(Instrument, pk=pk)
    if request.method == "POST":
        check(request.user, REFRESH_ITEM_ANALYSIS)
        from assessments.services.release import item_analysis_queue

        item_analysis_queue(instrument_ids=[instrument.pk])
        messages.info(
            request,
            _(
                "Analisis butir sedang dihitung ulang; muat ulang halaman ini "
                "sebentar lagi."
            ),
        )
        return redirect("assessments:instrument_analysis", pk=instrument.pk)
    analysis = ItemAnalysis.objects.filter(instrument=instrument).first()
    items = scales = []
    if analysis is not None:
        items = analysis.items.select_related("item__dimension").order_by("order")
        scales = analysis.scales.select_related("dimension").order_by(
            "dimension__number", "trait"
        )
    return render(
        request,
        "assessments/instrument_analysis.html",
        {
            "instrument": instrument,
            "analysis": analysis,
            "items": items,
            "scales": scales,
            "can_refresh": can(request.user, REFRESH_ITEM_ANALYSIS),
        },
    )
