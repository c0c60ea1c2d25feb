"""Versions of the standard: the required level per position type and dimension,
each in force from its effective date until the next version starts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from competencies import selectors, services
from competencies.forms import DateForm, StandardForm
from competencies.permissions import EDIT_FRAMEWORK
from exports.responses import export_response
from people.permissions import can, require
from people.selectors import user_employee


def _chosen(request, pk: int | None):
    """(standard, date form, reference date): a version by id, else the version in
    force on ``?tanggal=`` (today when absent or invalid)."""
    today = timezone.localdate()
    form = DateForm(request.GET or None)
    if pk is not None:
        return selectors.standard_get(pk), form, None
    on = today
    if form.is_valid() and form.cleaned_data["tanggal"]:
        on = form.cleaned_data["tanggal"]
    return selectors.standard_in_force(on), form, on


@login_required
@require_GET
def standard_view(request, pk: int | None = None):
    """The required-levels table of one version, with the list of all versions.
    The date picker swaps only the table (htmx) and works without JavaScript."""
    standard, date_form, on = _chosen(request, pk)
    today = timezone.localdate()
    in_force = selectors.standard_in_force(today)
    employee = user_employee(request.user)
    context = {
        "grid": selectors.level_grid(standard),
        "weights": selectors.rater_weights_of(standard),
        "standard": standard,
        "date_form": date_form,
        "on": on,
        "today": today,
        "in_force": in_force,
        "own_position_id": employee.position_type_id if employee else None,
        "can_edit": can(request.user, EDIT_FRAMEWORK),
    }
    if request.htmx:
        return render(request, "competencies/standard.html#levels", context)
    context["versions"] = selectors.standards()
    return render(request, "competencies/standard.html", context)


@login_required
@require_GET
def standard_export(request, pk: int | None = None):
    return export_response(request, "competencies.standard", "xlsx", pk=pk)


def _standard_form(request, *, base, today, instance=None, initial=None):
    weights = selectors.rater_weights_of(base)
    return StandardForm(
        request.POST or None,
        position_types=selectors.position_types(),
        dimensions=selectors.dimensions(),
        levels=selectors.levels_of(base),
        weights=weights.by_group() if weights else None,
        today=today,
        instance=instance,
        initial=initial,
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def standard_create(request):
    """A new version, pre-filled from the version in force today."""
    today = timezone.localdate()
    base = selectors.standard_in_force(today)
    form = _standard_form(
        request,
        base=base,
        today=today,
        initial={"name": base.name if base else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            standard = services.standard_create(
                name=form.cleaned_data["name"],
                effective_from=form.cleaned_data["effective_from"],
                notes=form.cleaned_data["notes"],
                levels=form.levels(),
                weights=form.weights(),
                created_by=request.user,
                today=today,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Versi standar baru disimpan; berlaku mulai %(date)s.")
                % {"date": formats.date_format(standard.effective_from, "DATE_FORMAT")},
            )
            return redirect("competencies:standard_detail", pk=standard.pk)
    return render(
        request,
        "competencies/standard_form.html",
        {"form": form, "base": base, "standard": None},
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def standard_edit(request, pk: int):
    """Change a version that has not come into force yet."""
    standard = selectors.standard_get(pk)
    today = timezone.localdate()
    if standard.is_locked(today):
        messages.error(
            request,
            _(
                "Versi ini sudah berlaku dan tidak dapat diubah; buat versi baru "
                "dengan tanggal berlaku baru."
            ),
        )
        return redirect("competencies:standard_detail", pk=standard.pk)
    form = _standard_form(
        request,
        base=standard,
        today=today,
        instance=standard,
        initial={
            "name": standard.name,
            "effective_from": standard.effective_from,
            "notes": standard.notes,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.standard_update(
                standard=standard,
                name=form.cleaned_data["name"],
                effective_from=form.cleaned_data["effective_from"],
                notes=form.cleaned_data["notes"],
                levels=form.levels(),
                weights=form.weights(),
                today=today,
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Versi standar disimpan."))
            return redirect("competencies:standard_detail", pk=standard.pk)
    return render(
        request,
        "competencies/standard_form.html",
        {"form": form, "base": standard, "standard": standard},
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_POST
def standard_delete(request, pk: int):
    standard = selectors.standard_get(pk)
    try:
        services.standard_delete(standard=standard, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("competencies:standard_detail", pk=standard.pk)
    messages.success(request, _("Versi standar dihapus."))
    return redirect("competencies:standard")
