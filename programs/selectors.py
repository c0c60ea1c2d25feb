"""Reads of external development, scoped with the project's rule.

Programs (the catalogue) are public to every logged-in role. Nominations and
exchanges belong to an employee: staff see their own, heads their unit subtree,
BPSDM and administrators all. Submissions belong to a unit.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import Employee, Unit
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


def programs_catalogue(user, *, open_on: date | None = None) -> QuerySet[Program]:
    """The catalogue (its filters: ``programs.filters.ProgramFilter``);
    ``open_on`` keeps programs whose registration is open on that day."""
    programs = programs_visible_to(user).prefetch_related("dimensions")
    if open_on is not None:
        programs = open_for_registration(programs, open_on)
    return programs.order_by("-starts_on", "title")


def open_for_registration(programs: QuerySet[Program], day: date) -> QuerySet[Program]:
    """Those of ``programs`` whose registration is open on ``day``."""
    return programs.filter(
        registration_opens_on__lte=day, registration_closes_on__gte=day
    )


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


@dataclass(frozen=True)
class Candidate:
    """One match of a program's nominee picker: who, their gap in the program's
    dimensions and their JP this year, and why they cannot be chosen (empty:
    they can)."""

    employee: Employee
    gaps: list[tuple[str, int | None]]  # (dimension name, gap; None = untested)
    jp: Decimal | None
    jp_target: Decimal | None
    reasons: list[str]

    @property
    def gap_total(self) -> int | None:
        known = [g for __, g in self.gaps if g is not None]
        return sum(known) if known else None

    @property
    def gap_text(self) -> str:
        """The dimensions with a gap: "Manajemen Konflik 1, Empati Sosial 2"."""
        return ", ".join(f"{name} {g}" for name, g in self.gaps if g)

    @property
    def eligible(self) -> bool:
        return not self.reasons


def nomination_candidates(
    employees: QuerySet[Employee], program: Program, query: str, *, limit: int
) -> list[Candidate]:
    """The first ``limit`` matches of ``query`` among ``employees`` (already
    scoped), grouped by unit, each with what the nominating head decides on. A
    fixed number of queries: the matches, the program's eligible positions and
    dimensions, their live nominations, levels, the standard and JP."""
    from competencies.gaps import gap
    from competencies.selectors import required_levels
    from ledger.selectors import jp_standings
    from people.lookup import employee_search
    from programs.rules import eligibility_errors

    matches = sorted(
        employee_search(employees, query, limit=limit),
        key=lambda e: (e.unit.path, e.name, e.pk),
    )
    if not matches:
        return []
    ids = [e.pk for e in matches]
    today = timezone.localdate()
    positions = set(program.eligible_position_types.values_list("pk", flat=True))
    dimensions = list(program.dimensions.order_by("number"))
    live = dict(
        Nomination.objects.filter(program=program, employee_id__in=ids)
        .exclude(state__in=Nomination.CLOSED)
        .values_list("employee_id", "state")
    )
    levels = latest_levels(ids)
    required = required_levels(today)
    standings = {s.employee.pk: s for s in jp_standings(ids, today.year, today=today)}
    out = []
    for employee in matches:
        reasons = eligibility_errors(
            position_type_id=employee.position_type_id,
            position_type_name=str(employee.position_type),
            employment_status=employee.employment_status,
            status_label=employee.get_employment_status_display(),
            is_active=employee.is_active,
            eligible_position_type_ids=positions,
            eligible_statuses=program.eligible_statuses,
        )
        if employee.pk in live:
            reasons.append(
                _("Sudah diusulkan (%(state)s).")
                % {"state": Nomination.State(live[employee.pk]).label}
            )
        standing = standings.get(employee.pk)
        out.append(
            Candidate(
                employee=employee,
                gaps=[
                    (
                        d.name,
                        gap(
                            required.get((employee.position_type_id, d.pk)),
                            levels.get((employee.pk, d.pk)),
                        ),
                    )
                    for d in dimensions
                ],
                jp=standing.jp if standing else None,
                jp_target=standing.target if standing else None,
                reasons=reasons,
            )
        )
    return out
