from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities.forms.lists import CoachingStatusForm
from activities.permissions import MANAGE_COACHING
from activities.selectors import (
    coaching_get_for_user,
    coaching_list,
    coaching_sessions,
    coachings_visible_to,
    cros_needing_coaching,
)
from activities.services import coaching_set_status
from people.permissions import check


@login_required
def coaching_list_view(request):
    return render(
        request,
        "activities/coaching_list.html",
        {
            "coachings": coaching_list(coachings_visible_to(request.user)),
            "cros": cros_needing_coaching(request.user),
        },
    )


@login_required
def coaching_detail(request, pk: int):
    coaching = coaching_get_for_user(request.user, pk)
    return render(
        request,
        "activities/coaching_detail.html",
        {
            "coaching": coaching,
            "sessions": coaching_sessions(request.user, coaching),
            "dimensions": coaching.dimensions.order_by("number"),
            "status_form": CoachingStatusForm(initial={"status": coaching.status}),
        },
    )


@login_required
@require_POST
def coaching_status(request, pk: int):
    coaching = coaching_get_for_user(request.user, pk)
    check(request.user, MANAGE_COACHING, coaching)
    form = CoachingStatusForm(request.POST)
    if form.is_valid():
        coaching_set_status(
            coaching=coaching, actor=request.user, status=form.cleaned_data["status"]
        )
        messages.success(request, _("Status coaching diperbarui."))
    else:
        messages.error(request, _("Status coaching tidak dikenal."))
    return redirect("activities:coaching_detail", pk=coaching.pk)
