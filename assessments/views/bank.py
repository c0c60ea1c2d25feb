"""The item bank and instruments: kept by BPSDM admins and administrators, read
by the inspectorate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from assessments.confirm import confirmation_page, confirmed
from assessments.filters import ItemFilter
from assessments.forms import (
    InstrumentForm,
    InstrumentItemsForm,
    ItemForm,
    ThresholdsForm,
)
from assessments.models import Instrument, InstrumentItem, Item
from assessments.permissions import EDIT_BANK, READ_BANK
from assessments.selectors import instruments_list, items_list
from assessments.services import (
    instrument_create,
    instrument_publish,
    instrument_retire,
    instrument_revise,
    instrument_set_items,
    instrument_set_thresholds,
    instrument_update,
    item_create,
    item_revise,
    item_update,
)
from assessments.services.bank import instrument_problems, item_is_frozen
from people.permissions import require
from sosiokultural.forms import add_service_errors

# -- items -----------------------------------------------------------------------


@login_required
@require(READ_BANK)
def item_list(request):
    filterset = ItemFilter(request.GET or None, items_list())
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request, "assessments/item_list.html", {"page": page, "form": filterset.form}
    )


@login_required
@require(EDIT_BANK)
@require_http_methods(["GET", "POST"])
def item_new(request):
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = item_create(
                code=data["code"],
                kind=data["kind"],
                stem=data["stem"],
                stem_en=data["stem_en"],
                dimension=data["dimension"],
                trait=data["trait"],
                reverse_keyed=data["reverse_keyed"],
                options=data["options"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Butir %(code)s disimpan.") % {"code": item.code}
            )
            return redirect("assessments:item_list")
    return render(request, "assessments/item_form.html", {"form": form, "item": None})


@login_required
@require(EDIT_BANK)
@require_http_methods(["GET", "POST"])
def item_edit(request, pk: int):
    """Edit an item; an item used by a published instrument gets a revision
    (a new item) instead, so published instruments never change."""
    item = get_object_or_404(Item, pk=pk)
    frozen = item_is_frozen(item)
    form = ItemForm(request.POST or None, item=item)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "stem": data["stem"],
            "stem_en": data["stem_en"],
            "dimension": data["dimension"],
            "trait": data["trait"],
            "reverse_keyed": data["reverse_keyed"],
            "options": data["options"],
        }
        try:
            if frozen:
                saved = item_revise(item=item, **fields)
            else:
                saved = item_update(item=item, is_active=data["is_active"], **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Butir %(code)s disimpan.") % {"code": saved.code}
            )
            return redirect("assessments:item_list")
    return render(
        request,
        "assessments/item_form.html",
        {"form": form, "item": item, "frozen": frozen},
    )


# -- instruments --------------------------------------------------------------------


@login_required
@require(READ_BANK)
def instrument_list(request):
    return render(
        request,
        "assessments/instrument_list.html",
        {"instruments": instruments_list()},
    )


@login_required
@require(EDIT_BANK)
@require_http_methods(["GET", "POST"])
def instrument_new(request):
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            instrument = instrument_create(by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("assessments:instrument_detail", pk=instrument.pk)
    return render(
        request, "assessments/instrument_form.html", {"form": form, "instrument": None}
    )


@login_required
@require(READ_BANK)
def instrument_detail(request, pk: int):
    instrument = get_object_or_404(Instrument, pk=pk)
    rows = (
        InstrumentItem.objects.filter(instrument=instrument)
        .select_related("item__dimension")
        .order_by("order")
    )
    return render(
        request,
        "assessments/instrument_detail.html",
        {
            "instrument": instrument,
            "rows": rows,
            "thresholds": instrument.thresholds.select_related("dimension"),
            "problems": [] if instrument.is_frozen else instrument_problems(instrument),
            "versions": Instrument.objects.filter(code=instrument.code).order_by(
                "-version"
            ),
        },
    )


@login_required
@require(EDIT_BANK)
@require_http_methods(["GET", "POST"])
def instrument_edit(request, pk: int):
    instrument = get_object_or_404(Instrument, pk=pk)
    form = InstrumentForm(request.POST or None, instance=instrument)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            instrument_update(instrument=instrument, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("assessments:instrument_detail", pk=instrument.pk)
    return render(
        request,
        "assessments/instrument_form.html",
        {"form": form, "instrument": instrument},
    )


@login_required
@require(EDIT_BANK)
@require_http_methods(["GET", "POST"])
def instrument_items(request, pk: int):
    instrument = get_object_or_404(Instrument, pk=pk)
    form = InstrumentItemsForm(request.POST or None, instrument=instrument)
    if request.method == "POST" and form.is_valid():
        # Keep the bank order (dimension, kind, code) as the question order.
        chosen = sorted(form.cleaned_data["items"], key=_bank_order)
        try:
            instrument_set_items(instrument=instrument, items=chosen)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("assessments:instrument_detail", pk=instrument.pk)
    return render(
        request,
        "assessments/instrument_items.html",
        {"form": form, "instrument": instrument},
    )


def _bank_order(item: Item):
    number = item.dimension.number if item.dimension_id else 99
    return (number, item.kind != Item.Kind.SITUATIONAL, item.code)


@login_required
@require(EDIT_BANK)
@require_http_methods(["GET", "POST"])
def instrument_thresholds(request, pk: int):
    instrument = get_object_or_404(Instrument, pk=pk)
    form = ThresholdsForm(request.POST or None, instrument=instrument)
    if request.method == "POST" and form.is_valid():
        try:
            instrument_set_thresholds(
                instrument=instrument, cuts=form.cuts(), minimums=form.minimums()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("assessments:instrument_detail", pk=instrument.pk)
    return render(
        request,
        "assessments/instrument_thresholds.html",
        {"form": form, "instrument": instrument},
    )


PUBLISH_MESSAGE = _lazy(
    "Versi yang terbit dibekukan: butir, ambang level, bobot dan jawaban minimal "
    "tidak dapat diubah lagi (perubahan membuat versi baru), dan versi ini dapat "
    "dijadwalkan."
)


@login_required
@require(EDIT_BANK)
@require_POST
def instrument_action(request, pk: int, action: str):
    instrument = get_object_or_404(Instrument, pk=pk)
    if action == "terbitkan" and not confirmed(request) and not instrument.is_frozen:
        return confirmation_page(
            request,
            title=_("Terbitkan instrumen: %(name)s") % {"name": instrument},
            message=PUBLISH_MESSAGE,
            button=_("Ya, terbitkan"),
            cancel=reverse("assessments:instrument_detail", args=[instrument.pk]),
        )
    try:
        if action == "terbitkan":
            instrument_publish(instrument=instrument, by=request.user)
            messages.success(request, _("Instrumen diterbitkan dan dibekukan."))
        elif action == "revisi":
            draft = instrument_revise(instrument=instrument, by=request.user)
            messages.success(
                request,
                _("Versi draf %(version)s siap diubah.") % {"version": draft.version},
            )
            return redirect("assessments:instrument_detail", pk=draft.pk)
        elif action == "tarik":
            instrument_retire(instrument=instrument)
            messages.success(request, _("Instrumen ditarik dari penjadwalan baru."))
        else:
            raise ValidationError(_("Tindakan tidak dikenal."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("assessments:instrument_detail", pk=instrument.pk)
