"""Nominations: lists, the BPSDM decision queue (htmx), withdrawal, completion and
the certificate download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ledger.selectors import jp_by_employee, jp_cap_warnings
from people.permissions import check, require
from people.selectors import user_employee
from programs.forms import CompletionForm, NominationFilterForm, RejectForm
from programs.models import Nomination, Program
from programs.permissions import COMPLETE_NOMINATION, DECIDE, MANAGE_PROGRAMS
from programs.rules import seats_left
from programs.selectors import (
    decision_queue,
    exchanges_visible_to,
    nomination_get_for_user,
    nominations_visible_to,
)
from programs.services import (
    CapacityFull,
    nomination_approve,
    nomination_complete,
    nomination_completion_clear,
    nomination_reject,
    nomination_waitlist,
    nomination_withdraw,
)
from programs.views._common import error_messages, paginate
from sosiokultural.downloads import stored_file_response, stored_suffix
from sosiokultural.forms import add_service_errors


@login_required
def nomination_list(request):
    """Nominations in scope: a head's subtree, a staff member's own, all for
    BPSDM."""
    nominations = nominations_visible_to(request.user)
    programs = Program.objects.filter(pk__in=nominations.values("program_id")).order_by(
        "-starts_on"
    )
    form = NominationFilterForm(request.GET or None, programs=programs)
    if form.is_valid():
        if form.cleaned_data["state"]:
            nominations = nominations.filter(state=form.cleaned_data["state"])
        if form.cleaned_data["program"]:
            nominations = nominations.filter(program=form.cleaned_data["program"])
    page = paginate(request, nominations.order_by("-created_at", "-pk"), 30)
    return render(
        request,
        "programs/nomination_list.html",
        {"form": form, "page": page},
    )


def _with_seats(nominations) -> list[Nomination]:
    """Set ``seats_now`` (free seats of the program) on each nomination: one
    query for the whole page."""
    nominations = list(nominations)
    rows = Program.objects.filter(pk__in={n.program_id for n in nominations}).annotate(
        approved=Count(
            "nominations", filter=Q(nominations__state=Nomination.State.APPROVED)
        )
    )
    seats = {p.pk: seats_left(p.capacity, p.approved) for p in rows}
    warnings = jp_cap_warnings(
        (n.employee, n.program.ends_on, n.program.jp) for n in nominations
    )
    for n, warning in zip(nominations, warnings, strict=True):
        n.seats_now = seats.get(n.program_id, 0)
        n.cap_warning = warning
    return nominations


@login_required
@require(DECIDE)
def queue(request):
    page = paginate(request, decision_queue(request.user), 30)
    page.object_list = _with_seats(page.object_list)
    return render(
        request,
        "programs/decision_queue.html",
        {"page": page},
    )


def _decided(request, nomination_id: int, error: str = ""):
    """The queue row after a decision (htmx), or back to the queue."""
    if request.htmx:
        nomination = nomination_get_for_user(request.user, nomination_id)
        return render(
            request,
            "programs/decision_queue.html#row",
            {"n": _with_seats([nomination])[0], "error": error},
        )
    if error:
        messages.error(request, error)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("programs:queue")
    return redirect(target)


@login_required
@require(DECIDE)
@require_POST
def nomination_approve_view(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    try:
        nomination_approve(
            nomination_id=nomination.pk,
            by=request.user,
            waitlist_if_full=request.POST.get("waitlist_if_full") == "1",
        )
    except CapacityFull as exc:
        return _decided(request, pk, error=" ".join(error_messages(exc)))
    except ValidationError as exc:
        return _decided(request, pk, error=" ".join(error_messages(exc)))
    if not request.htmx:
        messages.success(request, _("Usulan disetujui."))
    return _decided(request, pk)


@login_required
@require(DECIDE)
@require_POST
def nomination_waitlist_view(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    try:
        nomination_waitlist(nomination_id=nomination.pk, by=request.user)
    except ValidationError as exc:
        return _decided(request, pk, error=" ".join(error_messages(exc)))
    return _decided(request, pk)


@login_required
@require(DECIDE)
@require_POST
def nomination_reject_view(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _decided(request, pk, error=_("Alasan penolakan wajib diisi."))
    try:
        nomination_reject(
            nomination_id=nomination.pk, by=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return _decided(request, pk, error=" ".join(error_messages(exc)))
    return _decided(request, pk)


def _cap_warning(nomination: Nomination):
    if not nomination.is_pending:
        return None
    program = nomination.program
    return jp_cap_warnings([(nomination.employee, program.ends_on, program.jp)])[0]


@login_required
def nomination_detail(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    return render(
        request,
        "programs/nomination_detail.html",
        {
            "n": nomination,
            "program": nomination.program,
            "reject_form": RejectForm(),
            "program_ended": timezone.localdate() >= nomination.program.ends_on,
            "cap_warning": jp_cap_warnings(
                [
                    (
                        nomination.employee,
                        nomination.program.ends_on,
                        nomination.program.jp,
                    )
                ]
            )[0]
            if nomination.is_pending
            else None,
        },
    )


@login_required
@require_POST
def nomination_withdraw_view(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    try:
        nomination_withdraw(nomination_id=nomination.pk, by=request.user)
    except ValidationError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Usulan ditarik."))
    return redirect("programs:nomination_detail", pk=nomination.pk)


@login_required
@require(MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def nomination_complete_view(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    check(request.user, COMPLETE_NOMINATION, nomination)
    if nomination.state != Nomination.State.APPROVED:
        raise Http404
    initial = {
        "outcome": nomination.outcome or Nomination.Outcome.COMPLETED,
        "attendance_percent": nomination.attendance_percent,
        "score": nomination.score,
        "certificate_number": nomination.certificate_number,
    }
    form = CompletionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            nomination_complete(
                nomination=nomination, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Hasil program dicatat."))
            return redirect("programs:program_completion", pk=nomination.program_id)
    return render(
        request, "programs/nomination_complete.html", {"form": form, "n": nomination}
    )


@login_required
@require(MANAGE_PROGRAMS)
@require_POST
def nomination_completion_clear_view(request, pk: int):
    nomination = nomination_get_for_user(request.user, pk)
    nomination_completion_clear(nomination=nomination, by=request.user)
    messages.success(request, _("Catatan hasil dihapus; kredit JP dibatalkan."))
    return redirect("programs:nomination_detail", pk=nomination.pk)


@login_required
def nomination_certificate(request, pk: int):
    """The STTPP file, only to those who may see the nomination."""
    nomination = nomination_get_for_user(request.user, pk)
    certificate = nomination.certificate_file
    return stored_file_response(
        certificate, filename=f"sttpp-{nomination.pk}{stored_suffix(certificate)}"
    )


@login_required
def my_programs(request):
    """A staff member's own nominations, completed programs, exchanges and JP."""
    own = user_employee(request.user)
    if own is None:
        return render(request, "programs/my_programs.html", {"own": None})
    year = timezone.localdate().year
    nominations = (
        nominations_visible_to(request.user)
        .filter(employee=own)
        .order_by("-program__starts_on")
    )
    return render(
        request,
        "programs/my_programs.html",
        {
            "own": own,
            "nominations": nominations,
            "exchanges": exchanges_visible_to(request.user).filter(employee=own),
            "year": year,
            "jp": jp_by_employee([own.pk], year)[own.pk],
        },
    )
