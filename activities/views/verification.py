from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities.forms.lists import BulkDecisionForm, RejectForm
from activities.permissions import DECIDE
from activities.selectors import (
    activities_awaiting_verification,
    activity_get_for_user,
    verification_queue,
)
from activities.services import (
    Decision,
    activities_decide,
    activity_reject,
    activity_unverify,
    activity_verify,
)
from activities.views._helpers import safe_next
from people.permissions import require

QUEUE_PAGE = 20


def _queue_page(request, *, form=None, errors=None, status=200):
    queue = verification_queue(request.user)
    page = Paginator(queue, QUEUE_PAGE).get_page(request.GET.get("page"))
    errors = errors or {}
    posted = request.POST if form is not None else None
    picked = set(posted.getlist("selected")) if posted is not None else set()
    for activity in page:  # one page of rows: what was ticked and typed, kept
        activity.more_attendees = activity.attendance_count - len(
            activity.preview_attendees
        )
        activity.more_evidence = activity.evidence_count - len(
            activity.preview_evidence
        )
        activity.item_error = errors.get(activity.pk, "")
        if posted is not None:
            activity.picked = str(activity.pk) in picked
            activity.decision = posted.get(f"decision-{activity.pk}", "verify")
            activity.reason = posted.get(f"reason-{activity.pk}", "")
    return render(
        request,
        "activities/verification_queue.html",
        {
            "page": page,
            "reject_form": RejectForm(),
            "bulk_form": form,
            "preview": True,
        },
        status=status,
    )


@login_required
@require(DECIDE)
def verification_queue_view(request):
    return _queue_page(request)


@login_required
@require(DECIDE)
@require_POST
def verification_bulk(request):
    """Decide the ticked items of the queue: first a confirmation page listing
    every decision, then (``confirmed``) all of them in one transaction or none
    (each through the same permission as a single decision)."""
    form = BulkDecisionForm(
        request.POST, queue=activities_awaiting_verification(request.user)
    )
    if not form.is_valid():
        return _queue_page(request, form=form, errors=form.item_errors, status=400)
    decisions = [
        Decision(activity=activity, verify=verify, reason=reason)
        for activity, verify, reason in form.cleaned_data["decisions"]
    ]
    if not form.cleaned_data["confirmed"]:
        return render(
            request,
            "activities/verification_confirm.html",
            {
                "decisions": decisions,
                "verify_count": sum(1 for d in decisions if d.verify),
                "reject_count": sum(1 for d in decisions if not d.verify),
            },
        )
    try:
        count = activities_decide(verifier=request.user, decisions=decisions)
    except ValidationError as exc:
        errors = {
            int(pk): " ".join(messages_)
            for pk, messages_ in exc.message_dict.items()
            if pk.isdigit()
        }
        messages.error(
            request, _("Tidak ada yang diputuskan: periksa kegiatan yang ditandai.")
        )
        return _queue_page(request, form=form, errors=errors, status=400)
    messages.success(
        request,
        _("%(n)s kegiatan diputuskan; JP peserta yang diverifikasi sudah tercatat.")
        % {"n": count},
    )
    return redirect("activities:queue")


def _respond(request, activity, *, message: str, error: str = "", form=None):
    """The queue row for htmx, else a redirect with a flash message."""
    if request.htmx:
        return render(
            request,
            "activities/verification_queue.html#queue-row",
            {
                "activity": activity,
                "message": message,
                "error": error,
                "reject_form": form or RejectForm(),
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, message)
    return redirect(
        safe_next(request, reverse("activities:detail", args=[activity.pk]))
    )


@login_required
@require(DECIDE)
@require_POST
def activity_verify_view(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    try:
        activity = activity_verify(activity=activity, verifier=request.user)
    except ValidationError as exc:
        return _respond(request, activity, message="", error=" ".join(exc.messages))
    return _respond(
        request, activity, message=_("Terverifikasi; JP peserta sudah tercatat.")
    )


@login_required
@require(DECIDE)
@require_POST
def activity_reject_view(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _respond(
            request,
            activity,
            message="",
            error=" ".join(form.errors.get("reason", [])),
            form=form,
        )
    try:
        activity = activity_reject(
            activity=activity,
            verifier=request.user,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as exc:
        return _respond(request, activity, message="", error=" ".join(exc.messages))
    return _respond(
        request, activity, message=_("Ditolak; pencatat diberi tahu alasannya.")
    )


@login_required
@require(DECIDE)
@require_POST
def activity_unverify_view(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    activity = activity_unverify(activity=activity, actor=request.user)
    messages.success(
        request, _("Verifikasi dibatalkan; JP kegiatan ini tidak lagi dihitung.")
    )
    return redirect("activities:detail", pk=activity.pk)
