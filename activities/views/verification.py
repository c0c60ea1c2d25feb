from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities.forms.lists import RejectForm
from activities.permissions import DECIDE
from activities.selectors import (
    activities_awaiting_verification,
    activity_get_for_user,
    activity_list,
)
from activities.services import activity_reject, activity_unverify, activity_verify
from activities.views._helpers import safe_next
from people.permissions import require


@login_required
@require(DECIDE)
def verification_queue(request):
    activities = activity_list(activities_awaiting_verification(request.user))
    page = Paginator(activities, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/verification_queue.html",
        {"page": page, "reject_form": RejectForm(), "querystring": ""},
    )


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
