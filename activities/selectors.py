"""Reads of internal activities and the scoping rule of this app.

Built on ``people.selectors.unit_scope_q`` / ``employee_scope_q``:
- staff see the activities they recorded or attended;
- heads additionally see every activity of their unit subtree (and those their
  staff attended elsewhere);
- BPSDM admins and administrators see every activity;
- a draft is seen only by whoever recorded it.
The private notes of a pendekatan personal are read only through its kind's
``private_detail`` (the head who wrote them and the employee concerned;
``activities/kinds/personal.py``).
"""

import uuid
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from activities import registry
from activities.models import Activity, Attendance, AttendeeUnit, Coaching, Evidence
from activities.permissions import RECORD
from activities.rules import MAX_DURATION, overlaps
from competencies.models import DevelopmentForm, FormDimension
from people.models import Employee, Unit, User
from people.permissions import (
    can,
    is_head,
    is_signed_in,
    runs_province,
    sees_all_units,
)
from people.selectors import (
    employee_scope_q,
    heads_over,
    unit_scope_q,
    unit_subtree,
    units_visible_to,
    user_employee,
)
from sosiokultural.queries import count_per_row

CRO_POSITION_CODE = "cro"
NEW_CRO_DAYS = 90


# -- what a user may record ---------------------------------------------------------


def can_record(user: User) -> bool:
    """Staff and heads record activities of their own scope; those who see every
    unit only read."""
    return can(user, RECORD)


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


def activity_by_client_key(client_key) -> Activity | None:
    """The activity recorded from the form sent with ``client_key`` (any
    recorder: the service refuses a key someone else used)."""
    return Activity.objects.filter(client_key=client_key).first()


def activity_sent_before(user: User, client_key: str | None) -> Activity | None:
    """The activity ``user`` already recorded from the form sent with
    ``client_key`` (the text of a hidden field; anything not a UUID is none)."""
    try:
        key = uuid.UUID(str(client_key))
    except ValueError:
        return None
    return activities_visible_to(user).filter(client_key=key, recorded_by=user).first()


def same_day_activities(code: str, unit: Unit, day: date) -> QuerySet[Activity]:
    """Activities of the form ``code`` (a briefing) of ``unit`` held on the local
    ``day`` that count or may count (a rejected one is void), earliest first: a
    second briefing that day is usually the same briefing sent twice."""
    start = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    return (
        Activity.objects.filter(
            form__code=code,
            unit=unit,
            started_at__gte=start,
            started_at__lt=start + timedelta(days=1),
        )
        .exclude(status=Activity.Status.REJECTED)
        .select_related("recorded_by")
        .order_by("started_at", "pk")
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


def heads_to_decide(activity: Activity | None = None) -> QuerySet[User]:
    """The heads who may verify ``activity``: the active heads of its unit or of a
    unit above it, except those it is about (its recorder and its present
    attendees: nobody decides about themselves). Without ``activity``, the same for
    each row of an outer ``Activity`` query (a subquery)."""
    if activity is None:
        unit, recorder = OuterRef("unit"), OuterRef("recorded_by")
        activity_ref = OuterRef(OuterRef("pk"))
    else:
        unit, recorder, activity_ref = activity.unit, activity.recorded_by_id, activity
    credited = Attendance.objects.filter(
        activity=activity_ref,
        employee=OuterRef("employee"),
        status=Attendance.Status.PRESENT,
    )
    return heads_over(unit).exclude(pk=recorder).exclude(Exists(credited))


def deciders_to_notify(activity: Activity) -> list[User]:
    """Who hears that ``activity`` waits for verification: the deciding heads of
    the nearest unit up the tree that has any, else BPSDM (no head is left who
    may decide about it)."""
    heads = list(heads_to_decide(activity).select_related("employee__unit"))
    if not heads:
        return list(
            User.objects.filter(role=User.Role.BPSDM, is_active=True).order_by("pk")
        )
    deepest = max(head.employee.unit.depth for head in heads)
    return sorted(
        (head for head in heads if head.employee.unit.depth == deepest),
        key=lambda head: head.pk,
    )


# -- visibility ---------------------------------------------------------------------


def attended_from(units: QuerySet) -> QuerySet:
    """The ids of the activities attended (any status) by someone placed now in
    one of ``units`` (a queryset of unit pks), from the attendee-unit roll-up: a
    few rows per activity. A necessary condition for an attendance in those
    units, to narrow a list of activities before an exact test reads any
    attendance."""
    return AttendeeUnit.objects.filter(unit__in=units).values("activity_id")


def activities_visible_to(user: User) -> QuerySet[Activity]:
    if not is_signed_in(user):
        return Activity.objects.none()
    if not sees_all_units(user) and user_employee(user) is None:
        return Activity.objects.none()  # a deactivated employee sees nothing
    activities = Activity.objects.exclude(
        Q(status=Activity.Status.DRAFT) & ~Q(recorded_by=user)
    )
    if user.sees_all_units:
        return activities
    if user.is_head:
        # Activities of the subtree, his own, and those attended by anyone placed
        # in the subtree (the attendee-unit roll-up: a few rows per activity).
        # Each arm is an uncorrelated IN over the unit-path index, which
        # PostgreSQL hashes once and probes per activity along the list's index;
        # not a join to the units (planned as a nested loop under the LIMIT) nor
        # an EXISTS over the attendance of every activity.
        units = units_visible_to(user).values("pk")
        attended = attended_from(units)
        return activities.filter(
            Q(unit__in=units) | Q(recorded_by=user) | Q(pk__in=attended)
        )
    attended = Attendance.objects.filter(
        activity=OuterRef("pk"), employee=user_employee(user)
    )
    return activities.filter(Q(recorded_by=user) | Q(Exists(attended)))


def activity_get_for_user(user: User, pk: int) -> Activity:
    return get_object_or_404(
        activities_visible_to(user).select_related(
            "form",
            "unit",
            "facilitator",
            "recorded_by",
            "verified_by",
            # each form's detail (``activities.registry``)
            *registry.page_related(),
        ),
        pk=pk,
    )


def activity_list(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """What list pages and exports show of each activity, in a fixed number of
    queries (never the personal notes). The attendance counts are correlated
    subqueries, so ``LIMIT`` applies before they are computed and ``count()``
    drops them."""
    return (
        queryset.select_related(
            "form",
            "unit",
            "facilitator",
            "recorded_by",
            "verified_by",
            *registry.list_related(),
        )
        .prefetch_related("dimensions")
        .annotate(
            present_count=count_per_row(
                Attendance.objects.filter(status=Attendance.Status.PRESENT), "activity"
            ),
            attendance_count=count_per_row(Attendance.objects.all(), "activity"),
        )
        .order_by("-started_at", "-pk")
    )


def attendances_for(activity: Activity) -> QuerySet[Attendance]:
    return activity.attendances.select_related(
        "employee__unit", "employee__position_type"
    ).order_by(
        "employee__unit__path", "employee__position_type__order", "employee__name"
    )


def activities_awaiting_verification(user: User) -> QuerySet[Activity]:
    """The queue of what ``user`` may decide (``activities.permissions.VERIFY``):
    for a head, submitted activities of his subtree that are not about him; for
    BPSDM and administrators, those about which no head is left to decide."""
    credited = Attendance.objects.filter(
        activity=OuterRef("pk"),
        employee=user_employee(user),
        status=Attendance.Status.PRESENT,
    )
    waiting = (
        activities_visible_to(user)
        .filter(status=Activity.Status.SUBMITTED)
        # A form whose record is its author's alone waits for nobody.
        .exclude(form__code__in=registry.codes_where(author_only=True))
        .exclude(recorded_by=user)
        .exclude(Exists(credited))
    )
    if is_head(user):
        return waiting.filter(unit_scope_q(user, field="unit"))
    if runs_province(user):
        return waiting.exclude(Exists(heads_to_decide()))
    return Activity.objects.none()


#: How much of each queue item the verification page previews inline.
PREVIEW_ATTENDEES = 8
PREVIEW_EVIDENCE = 5


def verification_queue(user: User) -> QuerySet[Activity]:
    """The queue of ``user`` as the verification page shows it: each activity
    with its counts and a bounded preview (the first ``PREVIEW_ATTENDEES``
    attendees and ``PREVIEW_EVIDENCE`` evidence files, by window-function
    prefetches of the page's rows only), oldest first."""
    return (
        activity_list(activities_awaiting_verification(user))
        .annotate(
            evidence_count=Coalesce(
                Subquery(
                    Evidence.objects.filter(activity=OuterRef("pk"))
                    .order_by()
                    .values("activity")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            )
        )
        .prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("employee").order_by(
                    "employee__name", "pk"
                )[:PREVIEW_ATTENDEES],
                to_attr="preview_attendees",
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.order_by("pk")[:PREVIEW_EVIDENCE],
                to_attr="preview_evidence",
            ),
        )
        .order_by("started_at", "pk")
    )


def overlapping_attendances(
    *,
    employee_ids: Iterable[int],
    started_at: datetime,
    duration_minutes: int,
    exclude: Activity | None = None,
) -> list[Attendance]:
    """Where any of ``employee_ids`` is already a present attendee of another
    submitted or verified activity whose time overlaps ``[started_at, started_at +
    duration)`` (drafts count nothing and rejected activities are void). One
    query; the candidates are those starting less than a working day earlier."""
    ended_at = started_at + timedelta(minutes=duration_minutes)
    rows = Attendance.objects.filter(
        employee_id__in=list(employee_ids),
        status=Attendance.Status.PRESENT,
        activity__status__in=[Activity.Status.SUBMITTED, Activity.Status.VERIFIED],
        activity__started_at__lt=ended_at,
        activity__started_at__gt=started_at - MAX_DURATION,
    )
    if exclude is not None and exclude.pk is not None:
        rows = rows.exclude(activity=exclude)
    rows = rows.select_related("employee", "activity__form").order_by(
        "activity__started_at", "employee__name"
    )
    return [
        row
        for row in rows
        if overlaps(
            started_at,
            duration_minutes,
            row.activity.started_at,
            row.activity.duration_minutes,
        )
    ]


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
