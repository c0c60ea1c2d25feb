"""Unit data submissions to BPSDM and BPSDM's demand view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exports.http import export_response
from people.permissions import require_roles
from people.selectors import units_visible_to
from programs.demand import demand
from programs.forms import SubmissionForm, UnitFilterForm
from programs.selectors import (
    submission_get_for_user,
    submissions_visible_to,
    units_submission_status,
)
from programs.services import submission_create
from programs.snapshot import snapshot_headers, snapshot_rows
from programs.views._common import paginate


@login_required
@require_roles("is_head", "is_bpsdm", "is_administrator")
def submission_list(request):
    """BPSDM: which units submitted and when. Heads: their units and the form to
    submit."""
    page, querystring = paginate(
        request, submissions_visible_to(request.user).order_by("-submitted_at", "-pk")
    )
    return render(
        request,
        "programs/submission_list.html",
        {
            "units": units_submission_status(request.user),
            "page": page,
            "querystring": querystring,
            "form": SubmissionForm(units=units_visible_to(request.user))
            if request.user.is_head
            else None,
        },
    )


@login_required
@require_roles("is_head")
@require_POST
def submission_create_view(request):
    form = SubmissionForm(request.POST, units=units_visible_to(request.user))
    if not form.is_valid():
        messages.error(request, _("Pilih unit yang datanya akan dikirim."))
        return redirect("programs:submission_list")
    submission = submission_create(unit=form.cleaned_data["unit"], by=request.user)
    messages.success(
        request,
        _("Data %(unit)s (%(n)s pegawai) terkirim ke BPSDM.")
        % {"unit": submission.unit, "n": submission.employee_count},
    )
    return redirect("programs:submission_detail", pk=submission.pk)


@login_required
def submission_detail(request, pk: int):
    if not (request.user.is_head or request.user.sees_all_units):
        raise PermissionDenied
    submission = submission_get_for_user(request.user, pk)
    return render(
        request,
        "programs/submission_detail.html",
        {
            "submission": submission,
            "headers": snapshot_headers(submission),
            "rows": snapshot_rows(submission),
        },
    )


@login_required
def submission_download(request, pk: int):
    if not (request.user.is_head or request.user.sees_all_units):
        raise PermissionDenied
    return export_response(request, "programs.submission", "xlsx", pk=pk)


@login_required
@require_roles("is_bpsdm", "is_administrator")
def demand_view(request):
    units = units_visible_to(request.user).exclude(kind="bpsdm")
    form = UnitFilterForm(request.GET or None, units=units)
    selected = []
    if form.is_valid():
        selected = list(form.cleaned_data["units"])
    today = timezone.localdate()
    return render(
        request,
        "programs/demand.html",
        {
            "form": form,
            "result": demand(units=selected, on=today),
            "selected": selected,
            "today": today,
        },
    )
