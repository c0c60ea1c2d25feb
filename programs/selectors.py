"""Reads of external development, scoped with the project's rule.

Programs (the catalogue) are public to every logged-in role. Nominations and
exchanges belong to an employee: staff see their own, heads their unit subtree,
BPSDM and administrators all. Submissions belong to a unit.
"""

from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from people.models import Unit
from people.selectors import employee_scope_q, unit_scope_q
from programs.models import Exchange, Nomination, Program, Submission

_APPROVED = Q(nominations__state=Nomination.State.APPROVED)


def _can_read(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def programs_visible_to(user) -> QuerySet[Program]:
    if not _can_read(user):
        return Program.objects.none()
    return Program.objects.select_related("form").annotate(
        approved_count=Count("nominations", filter=_APPROVED, distinct=True)
    )


def program_get_for_user(user, pk: int) -> Program:
    return get_object_or_404(programs_visible_to(user), pk=pk)


def programs_catalogue(
    user,
    *,
    form=None,
    dimension=None,
    open_on: date | None = None,
) -> QuerySet[Program]:
    """The catalogue with its filters; ``open_on`` keeps programs whose
    registration is open on that day."""
    programs = programs_visible_to(user).prefetch_related("dimensions")
    if form is not None:
        programs = programs.filter(form=form)
    if dimension is not None:
        programs = programs.filter(dimensions=dimension)
    if open_on is not None:
        programs = programs.filter(
            registration_opens_on__lte=open_on, registration_closes_on__gte=open_on
        )
    return programs.order_by("-starts_on", "title")


def approved_count(program: Program) -> int:
    return program.nominations.filter(state=Nomination.State.APPROVED).count()


def nominations_visible_to(user) -> QuerySet[Nomination]:
    return Nomination.objects.filter(
        employee_scope_q(user, field="employee")
    ).select_related(
        "program",
        "program__form",
        "employee",
        "employee__unit",
        "employee__position_type",
        "dimension",
    )


def nomination_get_for_user(user, pk: int) -> Nomination:
    return get_object_or_404(nominations_visible_to(user), pk=pk)


def decision_queue(user) -> QuerySet[Nomination]:
    """Nominations waiting for BPSDM, oldest first; the wait list after the rest
    in its FIFO order. Never the decider's own (someone else decides it)."""
    return (
        nominations_visible_to(user)
        .filter(state__in=Nomination.PENDING)
        .exclude(employee__user=user)
        .order_by("program__starts_on", "program_id", "waitlisted_at", "created_at")
    )


def exchanges_visible_to(user) -> QuerySet[Exchange]:
    return Exchange.objects.filter(
        employee_scope_q(user, field="employee")
    ).select_related("employee", "employee__unit")


def exchange_get_for_user(user, pk: int) -> Exchange:
    return get_object_or_404(exchanges_visible_to(user), pk=pk)


def submissions_visible_to(user) -> QuerySet[Submission]:
    return Submission.objects.filter(unit_scope_q(user, field="unit")).select_related(
        "unit", "submitted_by"
    )


def submission_get_for_user(user, pk: int) -> Submission:
    return get_object_or_404(submissions_visible_to(user), pk=pk)


def units_submission_status(user) -> QuerySet[Unit]:
    """Service units in scope with their latest submission (id and time; None:
    never submitted) and how many they sent, in one query."""
    from people.selectors import units_visible_to

    latest = Submission.objects.filter(unit=OuterRef("pk")).order_by(
        "-submitted_at", "-pk"
    )
    return (
        units_visible_to(user)
        .exclude(kind__in=[Unit.Kind.BPSDM, Unit.Kind.PROVINCE])
        .annotate(
            submission_count=Count("submissions"),
            latest_submission_id=Subquery(latest.values("pk")[:1]),
            latest_submitted_at=Subquery(latest.values("submitted_at")[:1]),
            latest_status=Subquery(latest.values("status")[:1]),
        )
        .order_by("path")
    )


def latest_levels(employee_ids) -> dict[tuple[int, int], int]:
    """{(employee_id, dimension_id): latest assessed level}, from the assessments
    app (imported here so this app loads without it)."""
    from assessments.selectors import latest_levels as assessed

    return assessed(list(employee_ids))
