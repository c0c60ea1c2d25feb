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
from people.permissions import can, require
from people.selectors import user_employee
from sosiokultural.tabular import xlsx_response


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
    """The version as a workbook: the version, its required levels, and the
    dimensions, indicators and SETIA values it is read with."""
    standard, __, __ = _chosen(request, pk)
    grid = selectors.level_grid(standard)
    dims = grid.dimensions
    version = (
        [[standard.name, standard.effective_from, standard.notes]] if standard else []
    )
    levels = [
        [position.code, position.name, *[cell.level for cell in cells]]
        for position, cells in grid.rows
    ]
    dimension_rows = [
        [d.number, d.code, d.name, d.name_en, d.description] for d in dims
    ]
    level_names = {level.level: level.name for level in selectors.levels()}
    indicators = [
        [
            i.dimension.code,
            i.level,
            level_names.get(i.level, ""),
            i.order,
            i.text,
            i.text_en,
        ]
        for i in selectors.indicators()
    ]
    setia = [
        [v.code, v.name, v.description, ", ".join(d.code for d in v.dimensions.all())]
        for v in selectors.setia_values()
    ]
    name = "standar-kompetensi"
    if standard:
        name = f"{name}-{standard.effective_from:%Y-%m-%d}"
    return xlsx_response(
        name,
        [
            (_("Versi"), ["nama", "berlaku_mulai", "catatan"], version),
            (
                _("Level dipersyaratkan"),
                ["kode_jabatan", "jabatan", *[d.code for d in dims]],
                levels,
            ),
            (
                _("Dimensi"),
                ["no", "kode", "nama", "nama_en", "deskripsi"],
                dimension_rows,
            ),
            (
                _("Indikator"),
                [
                    "kode_dimensi",
                    "level",
                    "nama_level",
                    "urutan",
                    "indikator",
                    "indikator_en",
                ],
                indicators,
            ),
            (_("SETIA"), ["kode", "nilai", "deskripsi", "dimensi"], setia),
        ],
    )


def _standard_form(request, *, base, today, instance=None, initial=None):
    return StandardForm(
        request.POST or None,
        position_types=selectors.position_types(),
        dimensions=selectors.dimensions(),
        levels=selectors.levels_of(base),
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
                created_by=request.user,
                today=today,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Versi standar baru disimpan; berlaku mulai %(date)s.")
                % {
                    "date": formats.date_format(
                        standard.effective_from, "SHORT_DATE_FORMAT"
                    )
                },
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
