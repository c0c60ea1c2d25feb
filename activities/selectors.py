"""Reads of internal activities and the scoping rule of this app.

Built on ``people.selectors.unit_scope_q`` / ``employee_scope_q``:
- staff see the activities they recorded or attended;
- heads additionally see every activity of their unit subtree (and those their
  staff attended elsewhere);
- BPSDM admins and administrators see every activity;
- a draft is seen only by whoever recorded it.
The private notes of a pendekatan personal are read only through
``personal_note_for`` (the head who wrote them and the employee concerned).
"""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from activities.models import (
    FORM_PERSONAL,
    Activity,
    Attendance,
    Coaching,
    Evidence,
    PersonalNote,
)
from competencies.models import DevelopmentForm, FormDimension
from people.models import Employee, Unit, User
from people.selectors import (
    employee_scope_q,
    heads_over_unit,
    unit_scope_q,
    unit_subtree,
    user_employee,
)
from people.tree import subtree_q

CRO_POSITION_CODE = "cro"
NEW_CRO_DAYS = 90


# -- what a user may record ---------------------------------------------------------


def can_record(user: User) -> bool:
    """Staff and heads record activities of their own scope; BPSDM admins and
    administrators only read."""
    if not user.is_authenticated or user.sees_all_units:
        return False
    return user_employee(user) is not None


def recordable_units(user: User) -> QuerySet[Unit]:
    employee = user_employee(user) if can_record(user) else None
    if employee is None:
        return Unit.objects.none()
    if user.is_head:
        return unit_subtree(employee.unit)
    return Unit.objects.filter(pk=employee.unit_id)


def recordable_employees(user: User) -> QuerySet[Employee]:
    """Active employees a user may list as attendees: a head's subtree, or a staff
    member's own unit (colleagues at the same briefing)."""
    employee = user_employee(user) if can_record(user) else None
    if employee is None:
        return Employee.objects.none()
    scope = employee_scope_q(user) if user.is_head else Q(unit_id=employee.unit_id)
    return (
        Employee.objects.filter(scope, is_active=True)
        .select_related("unit", "position_type")
        .order_by("unit__path", "position_type__order", "name")
    )


def unit_roster(unit: Unit) -> QuerySet[Employee]:
    """The active staff of one unit (not its sub-units), for a briefing."""
    return (
        Employee.objects.filter(unit=unit, is_active=True)
        .select_related("position_type")
        .order_by("position_type__order", "name")
    )


def internal_forms() -> QuerySet[DevelopmentForm]:
    return DevelopmentForm.objects.filter(provider="internal").order_by("order")


def matrix_dimension_ids(form: DevelopmentForm) -> list[int]:
    """The dimensions the matrix (Tables 4/5) maps to ``form``: the pre-filled
    choice of a new activity."""
    return list(
        FormDimension.objects.filter(form=form)
        .order_by("dimension__number")
        .values_list("dimension_id", flat=True)
    )


def unit_heads(unit: Unit) -> list[User]:
    """The heads who verify an activity of ``unit``: those of the unit itself, or
    of its nearest ancestor that has a head with a login."""
    heads = list(heads_over_unit(unit).select_related("employee__unit"))
    if not heads:
        return []
    deepest = max(head.employee.unit.depth for head in heads)
    return [head for head in heads if head.employee.unit.depth == deepest]


# -- visibility ---------------------------------------------------------------------


def activities_visible_to(user: User) -> QuerySet[Activity]:
    if not user.is_authenticated or not user.is_active:
        return Activity.objects.none()
    activities = Activity.objects.exclude(
        Q(status=Activity.Status.DRAFT) & ~Q(recorded_by=user)
    )
    if user.sees_all_units:
        return activities
    attended = Attendance.objects.filter(activity=OuterRef("pk")).filter(
        employee_scope_q(user, field="employee")
    )
    scope = Q(recorded_by=user) | Q(Exists(attended))
    if user.is_head:
        scope |= unit_scope_q(user, field="unit")
    return activities.filter(scope)


def activity_get_for_user(user: User, pk: int) -> Activity:
    return get_object_or_404(
        activities_visible_to(user).select_related(
            "form",
            "unit",
            "facilitator",
            "recorded_by",
            "verified_by",
            "briefing",
            "gathering",
            "benchmarking__host_unit",
            "self_development",
            "coaching_session__coaching__coach",
            "coaching_session__coaching__coachee",
        ),
        pk=pk,
    )


def activity_list(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """What list pages and exports show of each activity, in a fixed number of
    queries (never the personal notes)."""
    return (
        queryset.select_related(
            "form", "unit", "facilitator", "recorded_by", "verified_by", "briefing"
        )
        .prefetch_related("dimensions")
        .annotate(
            present_count=Count(
                "attendances",
                filter=Q(attendances__status=Attendance.Status.PRESENT),
                distinct=True,
            ),
            attendance_count=Count("attendances", distinct=True),
        )
        .order_by("-started_at", "-pk")
    )


def activity_filter(
    queryset: QuerySet[Activity],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    form: DevelopmentForm | None = None,
    dimension=None,
    employee: Employee | None = None,
    unit: Unit | None = None,
    status: str = "",
) -> QuerySet[Activity]:
    if date_from:
        queryset = queryset.filter(started_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(started_at__date__lte=date_to)
    if form:
        queryset = queryset.filter(form=form)
    if dimension:
        queryset = queryset.filter(dimensions=dimension)
    if employee:
        queryset = queryset.filter(
            Exists(
                Attendance.objects.filter(activity=OuterRef("pk"), employee=employee)
            )
        )
    if unit:
        queryset = queryset.filter(subtree_q(unit))
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def attendances_for(activity: Activity) -> QuerySet[Attendance]:
    return activity.attendances.select_related(
        "employee__unit", "employee__position_type"
    ).order_by(
        "employee__unit__path", "employee__position_type__order", "employee__name"
    )


def activities_awaiting_verification(user: User) -> QuerySet[Activity]:
    """The head's queue: submitted activities of the head's unit subtree."""
    if not user.is_head or user_employee(user) is None:
        return Activity.objects.none()
    return activities_visible_to(user).filter(
        unit_scope_q(user, field="unit"), status=Activity.Status.SUBMITTED
    )


def personal_note_for(user: User, activity: Activity) -> PersonalNote | None:
    """The private note of a pendekatan personal, for its author or the employee
    concerned only. Everyone else (other staff and heads, BPSDM, administrators,
    superusers) gets ``None``."""
    if not user.is_authenticated or activity.form.code != FORM_PERSONAL:
        return None
    return (
        PersonalNote.objects.filter(activity=activity)
        .filter(Q(author=user) | Q(employee__user=user))
        .select_related("employee")
        .first()
    )


def evidence_get_for_user(user: User, pk: int) -> Evidence:
    return get_object_or_404(
        Evidence.objects.filter(
            activity__in=activities_visible_to(user).values("pk")
        ).select_related("activity"),
        pk=pk,
    )


# -- coaching -----------------------------------------------------------------------


def coachings_visible_to(user: User) -> QuerySet[Coaching]:
    if not user.is_authenticated or not user.is_active:
        return Coaching.objects.none()
    if user.sees_all_units:
        return Coaching.objects.all()
    scope = employee_scope_q(user, field="coachee") | employee_scope_q(
        user, field="coach"
    )
    if user.is_head:
        scope |= unit_scope_q(user, field="unit")
    return Coaching.objects.filter(scope)


def coaching_get_for_user(user: User, pk: int) -> Coaching:
    return get_object_or_404(
        coachings_visible_to(user).select_related(
            "unit", "coach", "coachee", "created_by"
        ),
        pk=pk,
    )


def coaching_list(queryset: QuerySet[Coaching]) -> QuerySet[Coaching]:
    return (
        queryset.select_related("unit", "coach", "coachee")
        .prefetch_related("dimensions")
        .annotate(session_count=Count("sessions"))
        .order_by("status", "-started_on", "-pk")
    )


def coaching_sessions(user: User, coaching: Coaching) -> QuerySet[Activity]:
    return (
        activities_visible_to(user)
        .filter(coaching_session__coaching=coaching)
        .select_related("coaching_session", "facilitator")
        .order_by("started_at")
    )


def open_coachings_for(user: User) -> QuerySet[Coaching]:
    """Active engagements a user may record a session of."""
    employees = recordable_employees(user).values("pk")
    return (
        Coaching.objects.filter(status=Coaching.Status.ACTIVE, coachee__in=employees)
        .select_related("coach", "coachee")
        .order_by("coachee__name")
    )


def cros_needing_coaching(user: User, today: date | None = None) -> list[Employee]:
    """CROs placed in the head's subtree in the last 90 days who have not been
    coachee of any coaching (active or completed) since their placement."""
    if not user.is_head or user_employee(user) is None:
        return []
    today = today or timezone.localdate()
    coached = Coaching.objects.filter(
        coachee=OuterRef("pk"), started_on__gte=OuterRef("placed_on")
    ).exclude(status=Coaching.Status.STOPPED)
    return list(
        Employee.objects.filter(
            employee_scope_q(user),
            is_active=True,
            position_type__code=CRO_POSITION_CODE,
            placed_on__gte=today - timedelta(days=NEW_CRO_DAYS),
            placed_on__lte=today,
        )
        .exclude(Exists(coached))
        .select_related("unit")
        .order_by("placed_on", "name")
    )
