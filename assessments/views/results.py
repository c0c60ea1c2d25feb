"""Results: list, detail (feedback with gaps and forms), release, re-score, the
per-employee report across rounds, and the head's supervisor rating."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from assessments.confirm import confirmation_page, confirmed
from assessments.feedback import feedback_summary, result_feedback, summary_lines
from assessments.filters import ResultFilter
from assessments.forms import RatingsForm, RescoreForm
from assessments.models import Result
from assessments.permissions import (
    RATE_AND_RELEASE,
    RATE_ATTEMPT,
    RELEASE_RESULT,
    RESCORE,
    RESCORE_RESULT,
    SEE_PERSONALITY,
)
from assessments.selectors import (
    attempt_get_for_user,
    latest_levels,
    report_employee_get_for_user,
    result_get_for_user,
    results_of_employee,
    results_visible_to,
)
from assessments.services import (
    result_release,
    result_rescore,
    supervisor_ratings_set,
)
from audit.services import audit_record
from competencies.gaps import gap
from competencies.selectors import dimensions, required_levels
from people.permissions import can, check, fetch, is_self, require
from sosiokultural.formatting import day


@login_required
def result_list(request):
    # Newest test first, then the latest scored: the order of an index
    # (``result_recent``), so a page costs the same for a kelurahan and the
    # province; by name it was a sort of every result in scope.
    results = results_visible_to(request.user).order_by("-assessed_on", "-pk")
    filterset = ResultFilter(request.GET or None, results)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request, "assessments/result_list.html", {"page": page, "form": filterset.form}
    )


@login_required
def result_detail(request, pk: int):
    result = result_get_for_user(request.user, pk)
    personality = None
    if can(request.user, SEE_PERSONALITY, result):
        personality = list(result.personality_scores.all())
        # Specific personal data: who read it, and when, is kept.
        audit_record(actor=request.user, action="personality.read", target=result)
    rows = result_feedback(result)
    return render(
        request,
        "assessments/result_detail.html",
        {
            "result": result,
            "rows": rows,
            "with_gap": [row for row in rows if row.gap],
            "summary": summary_lines(feedback_summary(rows)) if rows else [],
            "personality": personality,
            "rescores": result.rescores.select_related(
                "rescored_by", "instrument_before", "instrument_after"
            ),
            # A result about oneself is released by the head above or by BPSDM.
            "own_result": can(request.user, RATE_AND_RELEASE)
            and is_self(request.user, result.employee),
        },
    )


RELEASE_MESSAGE = _lazy(
    "Rilis tidak dapat dibatalkan: level menjadi level terkini pegawai dan "
    "pemberitahuan umpan balik dikirim ke pegawai dan atasannya. Koreksi "
    "sesudahnya hanya melalui skor ulang yang tercatat."
)


@login_required
@require(RATE_AND_RELEASE)
@require_POST
def release(request, pk: int):
    result = fetch(
        results_visible_to(request.user),
        user=request.user,
        permission=RELEASE_RESULT,
        pk=pk,
    )
    if not confirmed(request) and not result.is_released:
        return confirmation_page(
            request,
            title=_("Rilis hasil uji: %(name)s") % {"name": result.employee.name},
            message=RELEASE_MESSAGE,
            button=_("Ya, rilis dan kirim umpan balik"),
            cancel=reverse("assessments:result_detail", args=[result.pk]),
        )
    if result_release(result=result, by=request.user):
        messages.success(
            request, _("Hasil dirilis; pemberitahuan dikirim ke pegawai dan atasan.")
        )
    else:
        messages.info(request, _("Hasil ini sudah dirilis sebelumnya."))
    return redirect("assessments:result_detail", pk=result.pk)


@login_required
@require(RESCORE)
@require_http_methods(["GET", "POST"])
def rescore(request, pk: int):
    result = fetch(
        results_visible_to(request.user),
        user=request.user,
        permission=RESCORE_RESULT,
        pk=pk,
    )
    current = dict(
        result.attempt.supervisor_ratings.values_list("dimension_id", "rating")
    )
    form = RescoreForm(
        request.POST or None,
        result=result,
        dimensions=dimensions(),
        current=current,
    )
    if request.method == "POST" and form.is_valid():
        try:
            result_rescore(
                result=result,
                reason=form.cleaned_data["reason"],
                by=request.user,
                instrument=form.cleaned_data["instrument"],
                ratings=form.ratings(),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Skor ulang disimpan dan dicatat."))
            return redirect("assessments:result_detail", pk=result.pk)
    return render(
        request, "assessments/rescore_form.html", {"result": result, "form": form}
    )


@login_required
@require(RATE_AND_RELEASE)
@require_http_methods(["GET", "POST"])
def ratings(request, pk: int):
    """The head's rating per dimension, a second source before release (never of
    one's own attempt: the head above or BPSDM rates it)."""
    attempt = attempt_get_for_user(request.user, pk)
    check(request.user, RATE_ATTEMPT, attempt)
    current = dict(attempt.supervisor_ratings.values_list("dimension_id", "rating"))
    form = RatingsForm(request.POST or None, dimensions=dimensions(), current=current)
    if request.method == "POST" and form.is_valid():
        try:
            supervisor_ratings_set(
                attempt=attempt, ratings=form.ratings(), by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Penilaian atasan disimpan."))
            return redirect("assessments:window_detail", pk=attempt.window_id)
    return render(
        request, "assessments/ratings_form.html", {"attempt": attempt, "form": form}
    )


@login_required
def employee_report(request, pk: int):
    """One employee's levels across test rounds, and the current gap."""
    employee = report_employee_get_for_user(request.user, pk)
    results = list(results_of_employee(employee).filter(status=Result.Status.RELEASED))
    dims = list(dimensions())
    # A row without a level: that round had too few answers in the dimension.
    history = {
        r.pk: {d.dimension_id: d.level for d in r.dimension_results.all()}
        for r in results
    }
    levels = latest_levels([employee.pk])
    latest = {d.pk: levels.get((employee.pk, d.pk)) for d in dims}
    lacking = {
        dimension_id
        for by_dimension in history.values()
        for dimension_id, level in by_dimension.items()
        if level is None
    }
    required = required_levels(timezone.localdate())
    current = [
        (
            d,
            latest.get(d.pk),
            required.get((employee.position_type_id, d.pk)),
            gap(required.get((employee.position_type_id, d.pk)), latest.get(d.pk)),
            latest.get(d.pk) is None and d.pk in lacking,
        )
        for d in dims
    ]
    table = [
        (
            r,
            [
                (
                    history[r.pk].get(d.pk),
                    d.pk in history[r.pk] and history[r.pk][d.pk] is None,
                )
                for d in dims
            ],
        )
        for r in results
    ]
    return render(
        request,
        "assessments/employee_report.html",
        {
            "employee": employee,
            "dims": dims,
            "current": current,
            "table": table,
            "chart": {
                "labels": [d.label for d in dims],
                "rounds": [
                    {
                        "label": day(r.assessed_on),
                        "levels": [history[r.pk].get(d.pk) for d in dims],
                    }
                    for r in reversed(results)
                ],
            },
        },
    )
