"""Read pages of the framework, open to every logged-in role."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from competencies import selectors
from competencies.permissions import EDIT_FRAMEWORK
from exports.responses import export_response
from people.permissions import can


@login_required
@require_GET
def index(request):
    """The standard at a glance: dimensions, the level scale and SETIA."""
    return render(
        request,
        "competencies/index.html",
        {
            "dimensions": selectors.dimensions_overview(),
            "levels": selectors.levels(),
            "setia_values": selectors.setia_values(),
            "standard": selectors.standard_in_force(timezone.localdate()),
            "can_edit": can(request.user, EDIT_FRAMEWORK),
        },
    )


@login_required
@require_GET
def dimension_detail(request, code: str):
    """One dimension: levels → indicators, then the internal and external forms
    that develop it with their expected profiles, and the required levels."""
    dimension = selectors.dimension_get(code)
    cells = list(dimension.links.all())
    standard = selectors.standard_in_force(timezone.localdate())
    return render(
        request,
        "competencies/dimension_detail.html",
        {
            "dimension": dimension,
            "blocks": selectors.level_blocks(dimension, list(selectors.levels())),
            "internal": [c for c in cells if c.form.is_internal],
            "external": [c for c in cells if not c.form.is_internal],
            "standard": standard,
            "required": selectors.required_for_dimension(standard, dimension),
            "can_edit": can(request.user, EDIT_FRAMEWORK),
        },
    )


@login_required
@require_GET
def matrix(request):
    """Tables 4 and 5 of the paper, from the data."""
    rows = selectors.matrix_rows()
    return render(
        request,
        "competencies/matrix.html",
        {
            "internal": selectors.matrix_side(rows, "internal"),
            "external": selectors.matrix_side(rows, "external"),
            "grid": selectors.matrix_grid(rows),
            "can_edit": can(request.user, EDIT_FRAMEWORK),
        },
    )


@login_required
@require_GET
def matrix_export(request):
    return export_response(request, "competencies.matrix", "xlsx")


@login_required
@require_GET
def form_list(request):
    """The catalogue of development forms, internal then external."""
    forms = list(selectors.forms_catalogue())
    return render(
        request,
        "competencies/form_list.html",
        {
            "internal": [f for f in forms if f.is_internal],
            "external": [f for f in forms if not f.is_internal],
            "can_edit": can(request.user, EDIT_FRAMEWORK),
        },
    )


@login_required
@require_GET
def form_detail(request, code: str):
    return render(
        request,
        "competencies/form_detail.html",
        {
            "development_form": selectors.form_get(code),
            "can_edit": can(request.user, EDIT_FRAMEWORK),
        },
    )
