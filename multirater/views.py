"""Pages of 360 rounds. Each reads top to bottom: scope → permission → form →
service → redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from multirater.forms import RaterForm, ResponseForm, RoundForm
from multirater.models import Relation
from multirater.permissions import EDIT_RATERS, MANAGE_ROUND, OPEN_ROUND, SEE_ROUNDS
from multirater.selectors import (
    assignment_get_for_rater,
    assignments_due,
    completion,
    profile,
    ratee_assignments,
    rating_blocks,
    round_get_for_user,
    round_of_ratee,
    round_ratees,
    rounds_visible_to,
)
from multirater.services import (
    assignment_add,
    assignment_remove,
    response_submit,
    round_close,
    round_open,
)
from people.permissions import can, check, fetch, require
from people.selectors import (
    employee_get_for_user,
    employees_visible_to,
    units_visible_to,
)
from sosiokultural.forms import add_service_errors

PAGE = 25
DUE_SHOWN = 50  # a rater's list is short; it is bounded all the same


@login_required
def index(request):
    """What the signed-in person still has to rate, and (heads and up) the
    rounds of their units."""
    due = assignments_due(request.user)
    rounds = None
    if can(request.user, SEE_ROUNDS):
        rounds = Paginator(rounds_visible_to(request.user), PAGE).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "multirater/index.html",
        {
            "due": due[:DUE_SHOWN],
            "due_count": due.count(),
            "rounds": rounds,
            "may_open": can(request.user, OPEN_ROUND),
        },
    )


@login_required
@require(OPEN_ROUND)
def round_create(request):
    form = RoundForm(request.POST or None, units=units_visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = round_open(by=request.user, **data)
        except ValidationError as error:
            add_service_errors(
                form, error, aliases={"year": "period", "quarter": "period"}
            )
        else:
            messages.success(request, _("Putaran penilaian 360 dibuka."))
            return redirect("multirater:detail", pk=round_.pk)
    return render(request, "multirater/round_form.html", {"form": form})


@login_required
@require(SEE_ROUNDS)
def round_detail(request, pk: int):
    """Completion per rater group, the people rated (with how many of their
    raters answered), and a link to each one's profile once closed."""
    round_ = round_get_for_user(request.user, pk)
    ratees = round_ratees(round_, request.user)
    page = Paginator(ratees, PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "multirater/round_detail.html",
        {
            "round": round_,
            "completion": completion(round_.assignments.all()),
            "page": page,
            "may_close": round_.is_open and can(request.user, MANAGE_ROUND, round_),
        },
    )


@login_required
@require(SEE_ROUNDS)
def ratee_raters(request, pk: int, employee_pk: int):
    """Who rates one person (names and groups, never who answered what); the
    opener adds and removes raters while the round runs."""
    round_ = round_get_for_user(request.user, pk)
    ratee = get_object_or_404(round_ratees(round_, request.user), pk=employee_pk)
    may_edit = round_.is_open and can(request.user, EDIT_RATERS, ratee)
    form = RaterForm(
        request.POST or None,
        raters=employees_visible_to(request.user).filter(is_active=True),
    )
    if request.method == "POST":
        check(request.user, EDIT_RATERS, ratee)
        if form.is_valid():
            try:
                assignment_add(
                    round_=round_, ratee=ratee, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Penilai ditambahkan."))
                return redirect("multirater:raters", pk=round_.pk, employee_pk=ratee.pk)
    assignments = ratee_assignments(round_, ratee)
    return render(
        request,
        "multirater/ratee_raters.html",
        {
            "round": round_,
            "ratee": ratee,
            "assignments": assignments,
            "completion": completion(round_.assignments.filter(ratee=ratee)),
            "form": form if may_edit else None,
            "may_edit": may_edit,
        },
    )


@login_required
@require(SEE_ROUNDS)
@require_POST
def rater_remove(request, pk: int, employee_pk: int, assignment_pk: int):
    round_ = round_get_for_user(request.user, pk)
    ratee = get_object_or_404(round_ratees(round_, request.user), pk=employee_pk)
    check(request.user, EDIT_RATERS, ratee)
    assignment = get_object_or_404(ratee_assignments(round_, ratee), pk=assignment_pk)
    try:
        assignment_remove(assignment=assignment, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Penilai dihapus."))
    return redirect("multirater:raters", pk=round_.pk, employee_pk=ratee.pk)


@login_required
@require_POST
def round_close_view(request, pk: int):
    round_ = fetch(
        rounds_visible_to(request.user),
        user=request.user,
        permission=MANAGE_ROUND,
        pk=pk,
    )
    try:
        round_close(round_=round_, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Putaran ditutup; hasilnya kini dapat dilihat."))
    return redirect("multirater:detail", pk=round_.pk)


@login_required
def rate(request, pk: int):
    """One person, one screen: a level per dimension with its indicators, and a
    comment. Only the assigned rater opens it."""
    assignment = assignment_get_for_rater(request.user, pk)
    form = ResponseForm(request.POST or None, blocks=rating_blocks())
    if request.method == "POST" and form.is_valid():
        try:
            response_submit(
                assignment=assignment,
                levels=form.levels(),
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Penilaian untuk %(name)s terkirim.")
                % {"name": assignment.ratee.name},
            )
            following = assignments_due(request.user).first()
            if following is not None:
                return redirect("multirater:rate", pk=following.pk)
            return redirect("multirater:index")
    return render(
        request,
        "multirater/rate.html",
        {
            "assignment": assignment,
            "form": form,
            "is_self": assignment.relation == Relation.SELF,
        },
    )


@login_required
def result(request, pk: int, employee_pk: int):
    """One person's profile in a closed round, as the reader may see it."""
    ratee = employee_get_for_user(request.user, employee_pk)
    round_ = round_of_ratee(ratee, pk)
    return render(
        request,
        "multirater/result.html",
        {
            "round": round_,
            "ratee": ratee,
            "profile": profile(round_, ratee, viewer=request.user),
        },
    )
