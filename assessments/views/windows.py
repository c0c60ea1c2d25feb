"""Test windows: BPSDM schedules for anyone, a head for their unit subtree."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.confirm import confirmation_page, confirmed
from assessments.forms import WindowForm, window_defaults
from assessments.models import Attempt, Result
from assessments.permissions import (
    RATE_AND_RELEASE,
    READ_WINDOWS,
    RELEASE_RESULT,
    SCHEDULE,
)
from assessments.selectors import (
    attempts_visible_to,
    instruments_schedulable,
    release_job_get_for_user,
    window_get_for_user,
    windows_listed_for,
)
from assessments.services import window_create
from assessments.services.release_jobs import release_job_request
from assessments.views.results import RELEASE_MESSAGE
from people.permissions import can, is_self, require
from people.selectors import employees_visible_to, units_visible_to
from sosiokultural.forms import add_service_errors


@login_required
@require(READ_WINDOWS)
def window_list(request):
    windows = windows_listed_for(request.user)
    page = Paginator(windows, 25).get_page(request.GET.get("page"))
    return render(request, "assessments/window_list.html", {"page": page})


@login_required
@require(SCHEDULE)
@require_http_methods(["GET", "POST"])
def window_new(request):
    form = WindowForm(
        request.POST or None,
        initial=window_defaults(),
        instruments=instruments_schedulable(),
        units=units_visible_to(request.user),
        employees=employees_visible_to(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            window = window_create(
                instrument=data["instrument"],
                title=data["title"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                employees=data["participants"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Jadwal uji dibuat untuk %(count)s pegawai.")
                % {"count": window.attempts.count()},
            )
            return redirect("assessments:window_detail", pk=window.pk)
    return render(request, "assessments/window_form.html", {"form": form})


@login_required
@require(READ_WINDOWS)
def window_detail(request, pk: int):
    window = window_get_for_user(request.user, pk)
    attempts = (
        attempts_visible_to(request.user)
        .filter(window=window)
        .select_related("result")
        .annotate(answered=Count("answers"))
        .order_by("employee__unit__path", "employee__name")
    )
    attempts = list(attempts)
    scored = [
        a
        for a in attempts
        if a.status == Attempt.Status.SUBMITTED
        and a.result.status == Result.Status.SCORED
    ]
    return render(
        request,
        "assessments/window_detail.html",
        {
            "window": window,
            "attempts": attempts,
            # (Releasing is decided on the attempt: the same employee as its result.)
            "scored": sum(1 for a in scored if can(request.user, RELEASE_RESULT, a)),
            # A head's own attempt is rated and released by someone else.
            "own_in_window": any(is_self(request.user, a.employee) for a in attempts),
            "item_count": window.instrument.items.count(),
        },
    )


@login_required
@require(RATE_AND_RELEASE)
@require_POST
def window_release(request, pk: int):
    """Queue the release of every scored result of this window that the user may
    release (never the user's own, which is left to the head above or to BPSDM)
    and go to the job's page at once."""
    window = window_get_for_user(request.user, pk)
    if not confirmed(request):
        # What the job will release: the scored results in scope, not one's own.
        count = (
            Result.objects.filter(
                attempt__in=attempts_visible_to(request.user).filter(window=window),
                status=Result.Status.SCORED,
            )
            .exclude(employee__user=request.user)
            .count()
        )
        if count:
            return confirmation_page(
                request,
                title=_("Rilis %(count)s hasil: %(window)s")
                % {"count": count, "window": window.title},
                message=RELEASE_MESSAGE,
                button=_("Ya, rilis dan kirim umpan balik"),
                cancel=reverse("assessments:window_detail", args=[window.pk]),
            )
    job = release_job_request(window=window, by=request.user)
    own_left = Result.objects.filter(
        attempt__window=window,
        status=Result.Status.SCORED,
        employee__user=request.user,
    ).exists()
    if own_left:
        messages.info(
            request,
            _(
                "Hasil uji Anda sendiri tidak ikut dirilis: hasil itu dirilis oleh "
                "atasan Anda atau BPSDM."
            ),
        )
    return redirect("assessments:release_job", pk=job.pk)


@login_required
@require(RATE_AND_RELEASE)
def release_job_detail(request, pk: int):
    job = release_job_get_for_user(request.user, pk)
    return render(request, "assessments/release_job.html", {"job": job})


@login_required
@require(RATE_AND_RELEASE)
def release_job_status(request, pk: int):
    job = release_job_get_for_user(request.user, pk)
    return render(request, "assessments/release_job.html#status", {"job": job})
