"""Unit data submissions to BPSDM and BPSDM's demand view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exports.responses import export_response
from people.models import Unit
from people.permissions import can, require
from people.selectors import scope_root_unit, units_visible_to
from programs.demand import demand
from programs.forms import (
    SubmissionForm,
    SubmissionReturnForm,
    SubmissionUnitForm,
    UnitFilterForm,
)
from programs.models import Submission
from programs.permissions import (
    READ_DEMAND,
    READ_SUBMISSIONS,
    REVIEW_SUBMISSIONS,
    SUBMIT_UNIT_DATA,
)
from programs.selectors import (
    submission_get_for_user,
    submissions_visible_to,
    units_submission_status,
)
from programs.services import (
    submission_acknowledge,
    submission_create,
    submission_return,
)
from programs.snapshot import snapshot_headers, snapshot_preview, snapshot_rows
from programs.views._common import paginate

UNITS_PAGE = 50
ROWS_PAGE = 50


@login_required
@require(READ_SUBMISSIONS)
def submission_list(request):
    """BPSDM: which units submitted, when, and what became of it. Heads: their
    units and the form that leads to the preview."""
    page = paginate(
        request, submissions_visible_to(request.user).order_by("-submitted_at", "-pk")
    )
    units = Paginator(units_submission_status(request.user), UNITS_PAGE).get_page(
        request.GET.get("unit_page")
    )
    return render(
        request,
        "programs/submission_list.html",
        {
            "units": units,
            "page": page,
            "form": SubmissionUnitForm(
                units=units_visible_to(request.user),
                initial={"unit": getattr(scope_root_unit(request.user), "pk", None)},
            )
            if can(request.user, SUBMIT_UNIT_DATA)
            else None,
        },
    )


def _preview(request, form: SubmissionForm, unit, *, status: int = 200):
    preview = snapshot_preview(unit=unit, as_of=timezone.localdate())
    return render(
        request,
        "programs/submission_preview.html",
        {
            "form": form,
            "preview": preview,
            "headers": snapshot_headers(preview),
            "rows": snapshot_rows(preview),
            "shown": len(preview.rows),
            "latest": submissions_visible_to(request.user)
            .filter(unit=unit)
            .order_by("-submitted_at", "-pk")
            .first(),
        },
        status=status,
    )


@login_required
@require(SUBMIT_UNIT_DATA)
def submission_preview(request):
    """What would be sent (the number of employees and the first rows), with the
    confirmation the send needs."""
    units = units_visible_to(request.user)
    # Without a choice: the head's own unit (the usual case, one tap from the list).
    root = scope_root_unit(request.user)
    choice = SubmissionUnitForm(
        request.GET or {"unit": root.pk if root else ""}, units=units
    )
    if not choice.is_valid():
        messages.error(request, _("Pilih unit yang datanya akan dikirim."))
        return redirect("programs:submission_list")
    unit = choice.cleaned_data["unit"]
    return _preview(
        request, SubmissionForm(initial={"unit": unit.pk}, units=units), unit
    )


@login_required
@require(SUBMIT_UNIT_DATA)
@require_POST
def submission_create_view(request):
    units = units_visible_to(request.user)
    form = SubmissionForm(request.POST, units=units)
    if not form.is_valid():
        unit = form.cleaned_data.get("unit")
        if unit is None:
            messages.error(request, _("Pilih unit yang datanya akan dikirim."))
            return redirect("programs:submission_list")
        return _preview(request, form, unit, status=400)
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
    rows = Paginator(snapshot_rows(submission), ROWS_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "programs/submission_detail.html",
        {
            "submission": submission,
            "headers": snapshot_headers(submission),
            "page": rows,
            "rows": rows.object_list,
            "return_form": SubmissionReturnForm()
            if can(request.user, REVIEW_SUBMISSIONS)
            and submission.status == Submission.Status.SENT
            else None,
            "can_resend": can(request.user, SUBMIT_UNIT_DATA)
            and submission.status == Submission.Status.RETURNED,
        },
    )


def _reviewed(request, pk: int, write) -> object:
    submission = submission_get_for_user(request.user, pk)
    try:
        write(submission)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("programs:submission_detail", pk=submission.pk)


@login_required
@require(REVIEW_SUBMISSIONS)
@require_POST
def submission_acknowledge_view(request, pk: int):
    def write(submission):
        submission_acknowledge(submission_id=submission.pk, by=request.user)
        messages.success(request, _("Kiriman ditandai diterima."))

    return _reviewed(request, pk, write)


@login_required
@require(REVIEW_SUBMISSIONS)
@require_POST
def submission_return_view(request, pk: int):
    form = SubmissionReturnForm(request.POST)

    def write(submission):
        if not form.is_valid():
            raise ValidationError(form.errors["reason"])
        submission_return(
            submission_id=submission.pk,
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Kiriman dikembalikan ke unit dengan alasannya."))

    return _reviewed(request, pk, write)


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
