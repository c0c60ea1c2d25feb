"""The program catalogue, program pages, nominating and requesting seats."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from exports.responses import export_response
from ledger.selectors import jp_cap_warnings
from people.lookup import SEARCH_LIMIT
from people.permissions import can, check, require
from people.selectors import employee_get_for_user, employees_visible_to, user_employee
from programs.filters import ProgramFilter
from programs.forms import NominateForm, ProgramForm, RequestForm
from programs.models import Nomination
from programs.permissions import (
    EXPORT_NOMINATIONS,
    MANAGE_PROGRAMS,
    NOMINATE,
    READ_COMPLETION,
    REQUEST_SEAT,
)
from programs.rules import seats_left
from programs.selectors import (
    nomination_candidates,
    nominations_visible_to,
    program_get_for_user,
    programs_catalogue,
)
from programs.services import nominations_create, program_create, program_update
from programs.services.nominations import employee_eligibility_errors
from programs.views._common import error_messages, paginate
from sosiokultural.forms import add_service_errors

# Nominations and participants shown per page (a program may have thousands).
PAGE_SIZE = 50


@login_required
def program_list(request):
    filterset = ProgramFilter(request.GET or None, programs_catalogue(request.user))
    page = paginate(request, filterset.qs, 20)
    return render(
        request,
        "programs/program_list.html",
        {
            "form": filterset.form,
            "page": page,
            "today": timezone.localdate(),
        },
    )


@login_required
def program_detail(request, pk: int):
    program = program_get_for_user(request.user, pk)
    today = timezone.localdate()
    nominations = (
        nominations_visible_to(request.user)
        .filter(program=program)
        .order_by("state", "waitlisted_at", "employee__name")
    )
    # Only those who request seats for themselves see their own participation.
    own = user_employee(request.user) if can(request.user, REQUEST_SEAT) else None
    own_live = None
    own_errors: list[str] = []
    if own is not None:
        own_live = nominations.exclude(state__in=Nomination.CLOSED).first()
        own_errors = employee_eligibility_errors(program, own)
    page = paginate(request, nominations, PAGE_SIZE)
    return render(
        request,
        "programs/program_detail.html",
        {
            "program": program,
            "seats_left": seats_left(program.capacity, program.approved_count),
            "registration_open": program.registration_open_on(today),
            "nominations": page.object_list,
            "page": page,
            "own": own,
            "own_live": own_live,
            "own_errors": own_errors,
            "request_form": RequestForm(program=program),
            "program_ended": today >= program.ends_on,
        },
    )


def _program_form_data(form) -> dict:
    return dict(form.cleaned_data)


@login_required
@require(MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def program_create_view(request):
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            program = program_create(by=request.user, **_program_form_data(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Program disimpan."))
            return redirect("programs:program_detail", pk=program.pk)
    return render(request, "programs/program_form.html", {"form": form})


@login_required
@require(MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def program_edit(request, pk: int):
    program = program_get_for_user(request.user, pk)
    form = ProgramForm(
        request.POST or None,
        initial=None if request.method == "POST" else ProgramForm.initial_for(program),
    )
    if request.method == "POST" and form.is_valid():
        try:
            program_update(program=program, by=request.user, **_program_form_data(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Perubahan program disimpan."))
            return redirect("programs:program_detail", pk=program.pk)
    return render(
        request, "programs/program_form.html", {"form": form, "program": program}
    )


@login_required
@require(NOMINATE)
@require_http_methods(["GET", "POST"])
def program_nominate(request, pk: int):
    """A head nominates employees of their subtree (anyone else: 404)."""
    program = program_get_for_user(request.user, pk)
    scoped = employees_visible_to(request.user).filter(is_active=True)
    initial = {}
    if request.method == "POST":
        posted = {int(v) for v in request.POST.getlist("employees") if v.isdigit()}
        if len(posted) != scoped.filter(pk__in=posted).count():
            raise Http404
    elif request.GET.get("employee", "").isdigit():
        initial["employees"] = [
            employee_get_for_user(request.user, int(request.GET["employee"]))
        ]
    form = NominateForm(
        request.POST or None,
        initial=initial,
        employees=scoped.order_by("unit__path", "name"),
        program=program,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = nominations_create(
                program=program,
                employees=data["employees"],
                by=request.user,
                reason=data["reason"],
                dimension=data["dimension"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(n)s pegawai diusulkan; menunggu keputusan BPSDM.")
                % {"n": len(created)},
            )
            _warn_caps(request, program, data["employees"])
            return redirect("programs:program_detail", pk=program.pk)
    return render(
        request, "programs/program_nominate.html", {"form": form, "program": program}
    )


@login_required
@require(NOMINATE)
def program_candidates(request, pk: int):
    """The nominee picker's matches (``people.lookup`` with this ``search_url``):
    at most ``SEARCH_LIMIT`` active employees of the head's subtree, grouped by
    unit, with their gap in the program's dimensions and their JP this year;
    ineligible and already nominated people shown disabled with the reason."""
    program = program_get_for_user(request.user, pk)
    query = request.GET.get("q", "")
    candidates = nomination_candidates(
        employees_visible_to(request.user).filter(is_active=True),
        program,
        query,
        limit=SEARCH_LIMIT + 1,
    )
    return render(
        request,
        "programs/_candidates.html",
        {
            "candidates": candidates[:SEARCH_LIMIT],
            "more": len(candidates) > SEARCH_LIMIT,
            "limit": SEARCH_LIMIT,
            "searched": bool(query.strip()),
        },
    )


def _warn_caps(request, program, employees) -> None:
    """Tell the nominating head which PPPK this program takes past their JP cap
    (a warning: the nomination stands)."""
    over = [
        w
        for w in jp_cap_warnings((e, program.ends_on, program.jp) for e in employees)
        if w
    ]
    if over:
        names = ", ".join(w.employee.name for w in over[:5])
        if len(over) > 5:
            names += ", …"
        messages.warning(
            request,
            _(
                "%(n)s PPPK akan melebihi batas JP tahun kontraknya bila mengikuti "
                "program ini: %(names)s."
            )
            % {"n": len(over), "names": names},
        )


@login_required
@require_POST
def program_request(request, pk: int):
    """A staff member asks for a seat for themselves."""
    program = program_get_for_user(request.user, pk)
    check(request.user, REQUEST_SEAT)
    own = user_employee(request.user)
    form = RequestForm(request.POST, program=program)
    if form.is_valid():
        try:
            nominations_create(
                program=program,
                employees=[own],
                by=request.user,
                reason=form.cleaned_data["reason"],
                dimension=form.cleaned_data["dimension"],
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("Pengajuan terkirim ke BPSDM."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("programs:program_detail", pk=program.pk)


@login_required
@require(EXPORT_NOMINATIONS)
def program_export(request, pk: int, fmt: str):
    return export_response(request, "programs.nominations", fmt, pk=pk)


@login_required
@require(READ_COMPLETION)
def program_completion(request, pk: int):
    """BPSDM: the approved participants of a program and their outcome."""
    program = program_get_for_user(request.user, pk)
    participants = (
        nominations_visible_to(request.user)
        .filter(program=program, state=Nomination.State.APPROVED)
        .order_by("employee__name", "pk")
    )
    page = paginate(request, participants, PAGE_SIZE)
    return render(
        request,
        "programs/program_completion.html",
        {
            "program": program,
            "participants": page.object_list,
            "page": page,
            "program_ended": timezone.localdate() >= program.ends_on,
        },
    )
