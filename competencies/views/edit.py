"""Editing the content of the standard, the forms catalogue and the matrix.

BPSDM admins and administrators only; every other role gets 403. Each view reads
top to bottom: fetch → form → service → redirect (or the form again with errors).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from competencies import selectors, services
from competencies.forms import (
    DevelopmentFormForm,
    DimensionForm,
    IndicatorForm,
    LevelForm,
    MatrixCellForm,
    SetiaValueForm,
)
from competencies.models import Dimension
from competencies.permissions import EDIT_FRAMEWORK
from people.permissions import require


def _form_page(request, form, *, title: str, back_url: str, delete_url: str = ""):
    return render(
        request,
        "competencies/edit_form.html",
        {"form": form, "title": title, "back_url": back_url, "delete_url": delete_url},
    )


def _saved(request, message: str, url: str):
    messages.success(request, message)
    return redirect(url)


def _dimension_url(dimension: Dimension) -> str:
    return reverse("competencies:dimension_detail", args=[dimension.code])


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def dimension_edit(request, code: str):
    dimension = selectors.dimension_get(code)
    form = DimensionForm(request.POST or None, instance=dimension)
    if request.method == "POST" and form.is_valid():
        try:
            services.dimension_update(dimension=dimension, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(request, _("Dimensi disimpan."), _dimension_url(dimension))
    return _form_page(
        request,
        form,
        title=_("Ubah dimensi %(name)s") % {"name": dimension.label},
        back_url=_dimension_url(dimension),
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def level_edit(request, level: int):
    row = selectors.level_get(level)
    form = LevelForm(request.POST or None, instance=row)
    back = reverse("competencies:index") + "#skala"
    if request.method == "POST" and form.is_valid():
        try:
            services.level_update(level=row, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(request, _("Nama level disimpan."), back)
    return _form_page(
        request,
        form,
        title=_("Ubah level %(level)s") % {"level": row.level},
        back_url=back,
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def indicator_create(request, code: str):
    dimension = selectors.dimension_get(code)
    initial = {"level": request.GET.get("level")}
    form = IndicatorForm(
        request.POST or None, initial=initial, levels=selectors.levels()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_create(dimension=dimension, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(
                request, _("Indikator ditambahkan."), _dimension_url(dimension)
            )
    return _form_page(
        request,
        form,
        title=_("Indikator baru untuk %(name)s") % {"name": dimension.label},
        back_url=_dimension_url(dimension),
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk: int):
    indicator = selectors.indicator_get(pk)
    form = IndicatorForm(
        request.POST or None, instance=indicator, levels=selectors.levels()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(indicator=indicator, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(
                request, _("Indikator disimpan."), _dimension_url(indicator.dimension)
            )
    return _form_page(
        request,
        form,
        title=_("Ubah indikator %(name)s") % {"name": indicator.dimension.label},
        back_url=_dimension_url(indicator.dimension),
        delete_url=reverse("competencies:indicator_delete", args=[indicator.pk]),
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_POST
def indicator_delete(request, pk: int):
    indicator = selectors.indicator_get(pk)
    services.indicator_delete(indicator=indicator)
    return _saved(request, _("Indikator dihapus."), _dimension_url(indicator.dimension))


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def form_create(request):
    form = DevelopmentFormForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.form_create(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(
                request,
                _("Bentuk pengembangan disimpan."),
                reverse("competencies:form_detail", args=[created.code]),
            )
    return _form_page(
        request,
        form,
        title=_("Bentuk pengembangan baru"),
        back_url=reverse("competencies:form_list"),
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def form_edit(request, code: str):
    development_form = selectors.form_get(code)
    form = DevelopmentFormForm(request.POST or None, instance=development_form)
    back = reverse("competencies:form_detail", args=[development_form.code])
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values.pop("code")
        try:
            services.form_update(form=development_form, **values)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(request, _("Bentuk pengembangan disimpan."), back)
    return _form_page(
        request,
        form,
        title=_("Ubah %(name)s") % {"name": development_form.label},
        back_url=back,
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def cell_create(request):
    """Link a form to a dimension (a new cell of the matrix)."""
    initial = {}
    for param, model_field in (("dimensi", "dimension"), ("bentuk", "form")):
        code = request.GET.get(param)
        if code:
            initial[model_field] = (
                selectors.dimensions().filter(code=code).first()
                if model_field == "dimension"
                else selectors.forms_catalogue().filter(code=code).first()
            )
    form = MatrixCellForm(request.POST or None, initial=initial)
    back = reverse("competencies:matrix")
    if request.method == "POST" and form.is_valid():
        try:
            cell = services.matrix_cell_create(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(
                request, _("Sel matriks ditambahkan."), _dimension_url(cell.dimension)
            )
    return _form_page(request, form, title=_("Sel matriks baru"), back_url=back)


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def cell_edit(request, pk: int):
    cell = selectors.cell_get(pk)
    form = MatrixCellForm(request.POST or None, instance=cell)
    back = _dimension_url(cell.dimension)
    if request.method == "POST" and form.is_valid():
        try:
            services.matrix_cell_update(
                cell=cell,
                expected_profile=form.cleaned_data["expected_profile"],
                expected_profile_en=form.cleaned_data["expected_profile_en"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(request, _("Profil yang diharapkan disimpan."), back)
    return _form_page(
        request,
        form,
        title=_("%(form)s ↔ %(dimension)s")
        % {"form": cell.form.label, "dimension": cell.dimension.label},
        back_url=back,
        delete_url=reverse("competencies:cell_delete", args=[cell.pk]),
    )


@login_required
@require(EDIT_FRAMEWORK)
@require_POST
def cell_delete(request, pk: int):
    cell = selectors.cell_get(pk)
    services.matrix_cell_delete(cell=cell)
    return _saved(request, _("Sel matriks dihapus."), _dimension_url(cell.dimension))


@login_required
@require(EDIT_FRAMEWORK)
@require_http_methods(["GET", "POST"])
def setia_edit(request, code: str):
    value = selectors.setia_value_get(code)
    form = SetiaValueForm(request.POST or None, instance=value)
    back = reverse("competencies:index") + "#setia"
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values["dimensions"] = list(values["dimensions"])
        try:
            services.setia_value_update(value=value, **values)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _saved(request, _("Nilai SETIA disimpan."), back)
    return _form_page(
        request,
        form,
        title=_("Ubah nilai SETIA %(name)s") % {"name": value.label},
        back_url=back,
    )
