from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities import permissions
from activities.forms.lists import CoachingStatusForm
from activities.selectors import (
    can_record,
    coaching_get_for_user,
    coaching_list,
    coaching_sessions,
    coachings_visible_to,
    cros_needing_coaching,
)
from activities.services import coaching_set_status


@login_required
def coaching_list_view(request):
    return render(
        request,
        "activities/coaching_list.html",
        {
            "coachings": coaching_list(coachings_visible_to(request.user)),
            "cros": cros_needing_coaching(request.user),
            "can_record": can_record(request.user),
        },
    )


@login_required
def coaching_detail(request, pk: int):
    coaching = coaching_get_for_user(request.user, pk)
    can_manage = permissions.can_manage_coaching(request.user, coaching)
    return render(
        request,
        "activities/coaching_detail.html",
        {
            "coaching": coaching,
            "sessions": coaching_sessions(request.user, coaching),
            "dimensions": coaching.dimensions.order_by("number"),
            "can_manage": can_manage,
            "status_form": CoachingStatusForm(initial={"status": coaching.status}),
        },
    )


@login_required
@require_POST
def coaching_status(request, pk: int):
    coaching = coaching_get_for_user(request.user, pk)
    if not permissions.can_manage_coaching(request.user, coaching):
        raise PermissionDenied
    form = CoachingStatusForm(request.POST)
    if form.is_valid():
        coaching_set_status(
            coaching=coaching, actor=request.user, status=form.cleaned_data["status"]
        )
        messages.success(request, _("Status coaching diperbarui."))
    else:
        messages.error(request, _("Status coaching tidak dikenal."))
    return redirect("activities:coaching_detail", pk=coaching.pk)
