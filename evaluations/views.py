from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from evaluations import effectiveness, exports
from evaluations.forms import FollowUpForm, ReactionForm, YearForm
from evaluations.permissions import RECORD_FOLLOW_UP, SEE_FOLLOW_UPS, SEE_REPORT
from evaluations.selectors import (
    FollowUpQueue,
    follow_up_subject_get_for_user,
    minimum_group,
    open_surveys,
    queue_rows,
    survey_subject_get_for_user,
)
from evaluations.services import follow_up_record, reaction_submit
from people.permissions import can, check, require
from sosiokultural.forms import add_service_errors

QUEUE_PAGE = 25
REPORT_PAGE = 20


@login_required
@require_GET
def pending(request):
    """The user's reaction surveys waiting to be answered."""
    return render(
        request,
        "evaluations/pending.html",
        {
            "surveys": open_surveys(request.user),
            "sees_queue": can(request.user, SEE_FOLLOW_UPS),
            "sees_report": can(request.user, SEE_REPORT),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey(request, kind: str, pk: int):
    subject = survey_subject_get_for_user(request.user, kind, pk)
    form = ReactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reaction_submit(
                subject=subject,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Terima kasih, jawaban Anda tersimpan."))
            return redirect("evaluations:pending")
    return render(
        request,
        "evaluations/survey.html",
        {"subject": subject, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require(SEE_FOLLOW_UPS)
@require_GET
def follow_up_list(request):
    # Counted and paged from the roll-up of due follow-ups per unit and day.
    page = Paginator(FollowUpQueue(request.user), QUEUE_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "evaluations/follow_up_list.html",
        {"page": page, "rows": queue_rows(page.object_list)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request, kind: str, pk: int, employee_pk: int):
    subject = follow_up_subject_get_for_user(request.user, kind, pk, employee_pk)
    check(request.user, RECORD_FOLLOW_UP, subject.employee)
    form = FollowUpForm(request.POST or None, dimensions=subject.dimensions)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up_record(
                subject=subject,
                outcomes=form.outcomes(),
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Tindak lanjut tersimpan."))
            return redirect("evaluations:follow_ups")
    return render(
        request,
        "evaluations/follow_up.html",
        {
            "subject": subject,
            "form": form,
            "fields": form.dimension_fields(subject.indicators),
        },
        status=400 if form.errors else 200,
    )


def _year(request) -> tuple[YearForm, int]:
    today = timezone.localdate()
    years = effectiveness.report_years(today)
    form = YearForm(request.GET or None, years=years)
    year = today.year
    if form.is_valid() and form.cleaned_data.get("tahun"):
        year = form.cleaned_data["tahun"]
    return form, year


@login_required
@require_GET
@require(SEE_REPORT)
def report(request):
    form, year = _year(request)
    programs = effectiveness.report_programs(request.user, year)
    page = Paginator(programs, REPORT_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "evaluations/report.html",
        {
            "form": form,
            "year": year,
            "page": page,
            "program_rows": effectiveness.program_rows(
                request.user, year, page.object_list
            ),
            "form_rows": effectiveness.form_rows(request.user, year),
            "outcomes": effectiveness.OUTCOME_LABELS,
            "minimum": minimum_group(),
        },
    )


@login_required
@require_GET
@require(SEE_REPORT)
def report_export(request, fmt: str):
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    __, year = _year(request)
    programs = effectiveness.report_programs(request.user, year)
    document = exports.report_document(
        year=year,
        programs=effectiveness.program_rows(request.user, year, programs),
        forms=effectiveness.form_rows(request.user, year),
        minimum=minimum_group(),
    )
    return exports.respond(request, fmt, document)
