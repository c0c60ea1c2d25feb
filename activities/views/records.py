from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from activities import registry
from activities.filters import ActivityFilter
from activities.forms.lists import EvidenceUploadForm, RejectForm
from activities.models import Activity
from activities.permissions import (
    DECIDE,
    DELETE,
    EDIT,
    RECORD,
    SUBMIT,
    is_about_self,
)
from activities.selectors import (
    activities_awaiting_verification,
    activities_visible_to,
    activity_get_for_user,
    activity_list,
    attendances_for,
    cros_needing_coaching,
    internal_forms,
)
from activities.services import (
    activity_delete,
    activity_record,
    activity_submit,
    activity_update,
    attendance_set,
)
from activities.views._helpers import safe_next
from audit.services import audit_record
from exports.responses import export_response
from people.permissions import can, check, is_head, require


@login_required
def activity_list_view(request):
    filterset = ActivityFilter(
        request.GET or None,
        activities_visible_to(request.user),
        user=request.user,
    )
    page = Paginator(activity_list(filterset.qs), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/activity_list.html",
        {
            "form": filterset.form,
            "page": page,
            "cros": cros_needing_coaching(request.user),
            "queue_count": activities_awaiting_verification(request.user).count()
            if can(request.user, DECIDE)
            else 0,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_export(request, fmt: str):
    return export_response(request, "activities.list", fmt)


ATTENDANCE_PAGE = 50


def _detail_context(request, activity: Activity) -> dict:
    user = request.user
    kind = registry.kind_or_404(activity.form.code)
    note = kind.private_detail(user, activity)
    if note is not None and request.method == "GET":
        # The private notes may hold health or disability details (specific
        # personal data): every read is recorded, never the text.
        audit_record(actor=user, action=kind.private_read_action, target=activity)
    return {
        "activity": activity,
        "kind": kind,
        "note": note,
        # A page of the roster (a unit's briefing lists everyone placed there).
        "page": Paginator(attendances_for(activity), ATTENDANCE_PAGE).get_page(
            request.GET.get("page")
        ),
        "dimensions": activity.dimensions.order_by("number"),
        "evidence": activity.evidence.all(),
        # A head sees why an activity about himself is not his to verify.
        "waits_for_another": activity.status == Activity.Status.SUBMITTED
        and can(user, DECIDE)
        and is_about_self(user, activity),
        "reject_form": RejectForm(),
        "evidence_form": EvidenceUploadForm(),
    }


@login_required
def activity_detail(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    return render(
        request, "activities/activity_detail.html", _detail_context(request, activity)
    )


@login_required
@require(RECORD)
def activity_new(request):
    recordable = [
        kind.code
        for kind in registry.kinds()
        if can(request.user, kind.record_permission)
    ]
    forms = internal_forms().filter(code__in=recordable)
    return render(request, "activities/activity_new.html", {"forms": forms})


def _prefill(request) -> dict:
    initial = {}
    for key in ("coachee", "coaching", "unit"):
        value = request.GET.get(key, "")
        if value.isdigit():
            initial[key] = int(value)
    # The roster reloaded for another unit (activities/forms/group.py).
    initial["include_subunits"] = bool(request.GET.get("include_subunits"))
    return initial


@login_required
@require(RECORD)
@require_http_methods(["GET", "POST"])
def activity_create(request, code: str):
    user = request.user
    kind = registry.kind_or_404(code)
    development_form = get_object_or_404(internal_forms(), code=code)
    check(user, kind.record_permission)
    form = kind.form_class(
        request.POST or None,
        request.FILES or None,
        user=user,
        development_form=development_form,
        initial=_prefill(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_record(
                recorder=user,
                form=development_form,
                files=form.cleaned_data.get("evidence") or [],
                draft=request.POST.get("action") == "draft",
                **form.service_kwargs(),
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _status_message(activity))
            return redirect("activities:detail", pk=activity.pk)
    return render(
        request,
        "activities/activity_form.html",
        {
            "form": form,
            "kind": kind,
            "development_form": development_form,
            # A head's recording counts at once (unless it credits him).
            "saves_verified": is_head(user),
        },
    )


def _status_message(activity: Activity) -> str:
    if activity.status == Activity.Status.VERIFIED:
        return _("Kegiatan disimpan dan langsung terverifikasi; JP peserta tercatat.")
    if activity.status == Activity.Status.SUBMITTED:
        return _("Kegiatan disimpan dan menunggu verifikasi kepala unit.")
    return _("Draf kegiatan disimpan.")


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    check(request.user, EDIT, activity)
    kind = registry.kind_or_404(activity.form.code)
    form = kind.form_class(
        request.POST or None,
        user=request.user,
        development_form=activity.form,
        instance=activity,
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_update(
                activity=activity, actor=request.user, **form.service_kwargs()
            )
            if request.POST.get("action") == "submit" and can(
                request.user, SUBMIT, activity
            ):
                activity = activity_submit(activity=activity, actor=request.user)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _status_message(activity))
            return redirect("activities:detail", pk=activity.pk)
    return render(
        request,
        "activities/activity_form.html",
        {
            "form": form,
            "kind": kind,
            "development_form": activity.form,
            "activity": activity,
            "saves_verified": is_head(request.user),
        },
    )


@login_required
@require_POST
def activity_delete_view(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    check(request.user, DELETE, activity)
    activity_delete(activity=activity, actor=request.user)
    messages.success(request, _("Kegiatan dihapus; JP yang tercatat dibatalkan."))
    return redirect("activities:list")


@login_required
@require_POST
def activity_submit_view(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    check(request.user, SUBMIT, activity)
    try:
        activity = activity_submit(activity=activity, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _status_message(activity))
    return redirect("activities:detail", pk=activity.pk)


@login_required
@require_POST
def attendance_toggle(request, pk: int, employee_id: int):
    """Set one attendee's status; an htmx request gets the table row back."""
    activity = activity_get_for_user(request.user, pk)
    check(request.user, EDIT, activity)
    error = ""
    try:
        attendance = attendance_set(
            activity=activity,
            actor=request.user,
            employee_id=employee_id,
            status=request.POST.get("status", ""),
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
        if not request.htmx:
            messages.error(request, error)
            return redirect("activities:detail", pk=activity.pk)
        attendance = get_object_or_404(
            attendances_for(activity), employee_id=employee_id
        )
    if request.htmx:
        return render(
            request,
            "activities/activity_detail.html#attendance-row",
            {
                "row": attendance,
                "activity": activity,
                "can_edit": True,
                "updated": not error,
                "error": error,
            },
        )
    return redirect(
        safe_next(request, reverse("activities:detail", args=[activity.pk]))
    )
