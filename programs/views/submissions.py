"""Unit data submissions to BPSDM and BPSDM's demand view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exports.responses import export_response
from people.models import Unit
from people.permissions import can, require
from people.selectors import units_visible_to
from programs.demand import demand
from programs.forms import SubmissionForm, UnitFilterForm
from programs.permissions import READ_DEMAND, READ_SUBMISSIONS, SUBMIT_UNIT_DATA
from programs.selectors import (
    submission_get_for_user,
    submissions_visible_to,
    units_submission_status,
)
from programs.services import submission_create
from programs.snapshot import snapshot_headers, snapshot_rows
from programs.views._common import paginate


@login_required
@require(READ_SUBMISSIONS)
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
            if can(request.user, SUBMIT_UNIT_DATA)
            else None,
        },
    )


@login_required
@require(SUBMIT_UNIT_DATA)
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
@require(READ_SUBMISSIONS)
def submission_detail(request, pk: int):
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
@require(READ_SUBMISSIONS)
def submission_download(request, pk: int):
    return export_response(request, "programs.submission", "xlsx", pk=pk)


@login_required
@require(READ_DEMAND)
def demand_view(request):
    units = units_visible_to(request.user).exclude(kind=Unit.Kind.BPSDM)
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
