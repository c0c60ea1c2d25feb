"""Reads and the scoping rule of training evaluation.

Built on ``people.selectors.employee_scope_q``: a reaction survey is only ever
its participant's (anyone else: 404); follow-ups and the effectiveness report
cover the employees in the reader's scope (heads their unit subtree, BPSDM,
administrators and the inspectorate every unit). Counts, sums and the level
comparison are computed in SQL: a page costs the same queries whatever the
number of employees.

A **participation** is a row of either kind:
- a BPSDM program: an approved nomination whose outcome is not "tidak selesai";
  it ends on the program's end date;
- an internal activity of an evaluated form (``rules.EVALUATED_INTERNAL_FORMS``):
  a present attendance of a verified activity; it ends on the activity's date.
A follow-up is due ``EVALUATION_FOLLOW_UP_DAYS`` after a completion: a program
nomination whose outcome is "lulus / selesai", or an activity participation.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import (
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from activities.models import Activity, Attendance
from activities.selectors import attended_from
from competencies.models import Dimension, FormDimension
from evaluations import rules
from evaluations.models import DueFollowUpDay, FollowUp, Reaction
from people.models import Employee, User
from people.selectors import (
    employee_scope_q,
    unit_scope_q,
    units_visible_to,
    user_employee,
)
from programs.models import Nomination, Program

PROGRAM = "program"
ACTIVITY = "kegiatan"
KINDS = (PROGRAM, ACTIVITY)


def survey_days() -> int:
    return settings.EVALUATION_SURVEY_DAYS


def follow_up_days() -> int:
    return settings.EVALUATION_FOLLOW_UP_DAYS


def minimum_group() -> int:
    return settings.EVALUATION_MIN_GROUP


# -- participations ------------------------------------------------------------------


def program_participations() -> QuerySet[Nomination]:
    return Nomination.objects.filter(state=Nomination.State.APPROVED).exclude(
        outcome=Nomination.Outcome.NOT_COMPLETED
    )


def _evaluated_activity_q(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}status": Activity.Status.VERIFIED,
            f"{prefix}form__code__in": rules.EVALUATED_INTERNAL_FORMS,
        }
    )


def activity_participations() -> QuerySet[Attendance]:
    """A present attendance of a verified activity of an evaluated form."""
    return Attendance.objects.filter(
        _evaluated_activity_q("activity__"), status=Attendance.Status.PRESENT
    )


def participated_activities(attendees: Q) -> QuerySet[Activity]:
    """The activities with an ``activity_participations`` row of ``attendees``
    (a Q over ``Attendance``), the conditions on the activity tested on the
    activity itself: one look-up of its attendance per activity."""
    present = Attendance.objects.filter(
        attendees, status=Attendance.Status.PRESENT, activity_id=OuterRef("pk")
    )
    return Activity.objects.filter(_evaluated_activity_q(), Exists(present))


def _activity_day():
    return TruncDate("activity__started_at")


# -- level 1: reaction surveys ---------------------------------------------------------


@dataclass
class OpenSurvey:
    kind: str
    pk: int
    title: str
    ended_on: date
    closes_on: date


def open_surveys(user: User, today: date | None = None, limit: int = 50) -> list:
    """The user's own reaction surveys open today and not yet answered (at most
    ``limit`` of each kind, latest first): two queries."""
    employee = user_employee(user)
    if employee is None:
        return []
    today = today or timezone.localdate()
    days = survey_days()
    first, last = rules.survey_window_ends(today, days)
    programs = (
        program_participations()
        .filter(employee=employee, program__ends_on__range=(first, last))
        .exclude(
            Exists(
                Reaction.objects.filter(
                    employee=employee, program_id=OuterRef("program_id")
                )
            )
        )
        .order_by("-program__ends_on", "-program_id")
        .values_list("program_id", "program__title", "program__ends_on")[:limit]
    )
    activities = (
        activity_participations()
        .annotate(day=_activity_day())
        .filter(employee=employee, day__range=(first, last))
        .exclude(
            Exists(
                Reaction.objects.filter(
                    employee=employee, activity_id=OuterRef("activity_id")
                )
            )
        )
        .order_by("-activity__started_at", "-activity_id")
        .values_list("activity_id", "activity__form__name", "day")[:limit]
    )
    out = [
        OpenSurvey(PROGRAM, pk, title, ended, rules.survey_closes_on(ended, days))
        for pk, title, ended in programs
    ] + [
        OpenSurvey(ACTIVITY, pk, title, ended, rules.survey_closes_on(ended, days))
        for pk, title, ended in activities
    ]
    return sorted(out, key=lambda s: (s.closes_on, s.kind, s.pk))


@dataclass
class SurveySubject:
    kind: str
    employee: Employee
    program: Program | None
    activity: Activity | None
    ended_on: date
    closes_on: date
    is_open: bool
    answered: Reaction | None

    @property
    def title(self) -> str:
        if self.program is not None:
            return self.program.title
        return str(self.activity.form)


def survey_subject_get_for_user(
    user: User, kind: str, pk: int, today: date | None = None
) -> SurveySubject:
    """The reaction survey of ``user`` about program / activity ``pk``: 404 unless
    the user took part in it."""
    employee = user_employee(user)
    if employee is None or kind not in KINDS:
        raise_404()
    today = today or timezone.localdate()
    if kind == PROGRAM:
        nomination = get_object_or_404(
            program_participations().select_related("program"),
            employee=employee,
            program_id=pk,
        )
        program, activity = nomination.program, None
        ended_on = program.ends_on
        answered = Reaction.objects.filter(employee=employee, program=program).first()
    else:
        attendance = get_object_or_404(
            activity_participations().select_related("activity__form"),
            employee=employee,
            activity_id=pk,
        )
        program, activity = None, attendance.activity
        ended_on = timezone.localtime(activity.started_at).date()
        answered = Reaction.objects.filter(employee=employee, activity=activity).first()
    return survey_subject(
        employee=employee,
        program=program,
        activity=activity,
        ended_on=ended_on,
        today=today,
        answered=answered,
    )


def survey_subject(
    *,
    employee: Employee,
    program: Program | None = None,
    activity: Activity | None = None,
    ended_on: date,
    today: date,
    answered: Reaction | None = None,
) -> SurveySubject:
    """The reaction survey of ``employee`` about ``program`` or ``activity``
    (ended on ``ended_on``) as it stands on ``today``: the one place its window
    is computed."""
    days = survey_days()
    return SurveySubject(
        kind=PROGRAM if program is not None else ACTIVITY,
        employee=employee,
        program=program,
        activity=activity,
        ended_on=ended_on,
        closes_on=rules.survey_closes_on(ended_on, days),
        is_open=rules.survey_is_open(ended_on, today, days),
        answered=answered,
    )


def raise_404():
    from django.http import Http404

    raise Http404


# -- level 3: on-the-job follow-ups ----------------------------------------------------


def due_programs() -> QuerySet[Nomination]:
    """Program nominations approved with outcome "lulus / selesai" and no
    follow-up recorded (any day, anyone): completed on the program's end day.
    The one rule of the queue and of its roll-up (``DueFollowUpDay``)."""
    return Nomination.objects.filter(
        state=Nomination.State.APPROVED, outcome=Nomination.Outcome.COMPLETED
    ).exclude(
        Exists(
            FollowUp.objects.filter(
                employee_id=OuterRef("employee_id"), program_id=OuterRef("program_id")
            )
        )
    )


def due_activities() -> QuerySet[Attendance]:
    """``activity_participations`` with no follow-up recorded, annotated with
    their ``day`` (the activity's local date): the activity half of the rule."""
    return (
        activity_participations()
        .annotate(day=_activity_day())
        .exclude(
            Exists(
                FollowUp.objects.filter(
                    employee_id=OuterRef("employee_id"),
                    activity_id=OuterRef("activity_id"),
                )
            )
        )
    )


def day_bounds(first: date, last: date) -> tuple:
    """The moments of local midnight opening ``first`` and closing ``last``: the
    activities of those days by their indexed start, before the exact day test."""
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(first, time.min), zone),
        timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min), zone),
    )


def _due_programs(user: User, cutoff: date, first: date | None) -> QuerySet:
    rows = due_programs().filter(
        employee_scope_q(user, "employee"), program__ends_on__lte=cutoff
    )
    if first is not None:
        rows = rows.filter(program__ends_on__gte=first)
    return rows.exclude(employee=user_employee(user))


def _due_activities(user: User, cutoff: date, first: date | None) -> QuerySet:
    rows = due_activities()
    if not user.sees_all_units:
        # Only the activities someone of the head's units attended (the
        # attendee-unit roll-up), before the exact scope test per attendance.
        rows = rows.filter(
            activity_id__in=attended_from(units_visible_to(user).values("pk"))
        )
    rows = rows.filter(employee_scope_q(user, "employee"), day__lte=cutoff)
    if first is not None:
        start, end = day_bounds(first, cutoff)
        rows = rows.filter(
            day__gte=first,
            activity__started_at__gte=start,
            activity__started_at__lt=end,
        )
    return rows.exclude(employee=user_employee(user))


def follow_up_queue(
    user: User,
    today: date | None = None,
    *,
    first: date | None = None,
    last: date | None = None,
) -> QuerySet:
    """The follow-ups due in the user's scope and not yet recorded, oldest
    completion first, as one SQL union of rows {kind, src, person,
    person_name, title, completed_on}; only those completed from ``first`` to
    ``last`` when given (a page reads ``FollowUpQueue``: it is never
    read whole). Heads only; never about the user themselves."""
    if not user.is_head or user_employee(user) is None:
        return Nomination.objects.none().values("pk")
    today = today or timezone.localdate()
    cutoff = rules.follow_up_cutoff(today, follow_up_days())
    if last is not None:
        cutoff = min(cutoff, last)
    programs = (
        _due_programs(user, cutoff, first)
        .order_by()
        .values(
            kind=Value(PROGRAM, output_field=CharField()),
            src=F("program_id"),
            person=F("employee_id"),
            person_name=F("employee__name"),
            title=F("program__title"),
            completed_on=F("program__ends_on"),
        )
    )
    activities = (
        _due_activities(user, cutoff, first)
        .order_by()
        .values(
            kind=Value(ACTIVITY, output_field=CharField()),
            src=F("activity_id"),
            person=F("employee_id"),
            person_name=F("employee__name"),
            title=F("activity__form__name"),
            completed_on=F("day"),
        )
    )
    return programs.union(activities, all=True).order_by(
        "completed_on", "kind", "src", "person_name", "person"
    )


# The due follow-ups of a head per completion day, from the roll-up: the rows of
# the head's units up to the cutoff, less the head's own due participations (the
# queue never shows them) — a few rows per day whatever the number of due
# follow-ups. Formats in only the union's SQL built by the ORM.
_DAYS = """
SELECT u.day, SUM(u.n) FROM ({union}) u
 GROUP BY u.day HAVING SUM(u.n) <> 0 ORDER BY u.day
"""


class FollowUpQueue:
    """``follow_up_queue`` as a sequence for ``Paginator``: ``count()`` and a
    page (``queue[start:stop]``) in two queries whatever the number of due
    follow-ups. The per-day counts of the roll-up (``DueFollowUpDay``) give the
    total and the days that hold rows ``start``..``stop``; the union is read for
    those days only, offset within them: the same rows in the same order."""

    def __init__(self, user: User, today: date | None = None):
        self.user = user
        self.today = today or timezone.localdate()
        self._days: list[tuple[date, int]] | None = None

    def days(self) -> list[tuple[date, int]]:
        """[(completion day, due follow-ups)] in day order, days without any
        left out (one query, cached)."""
        if self._days is None:
            self._days = self._read_days()
        return self._days

    def _read_days(self) -> list[tuple[date, int]]:
        user = self.user
        employee = user_employee(user)
        if not user.is_head or employee is None:
            return []
        cutoff = rules.follow_up_cutoff(self.today, follow_up_days())
        minus = Value(-1, output_field=IntegerField())
        stored = (
            DueFollowUpDay.objects.filter(
                unit_scope_q(user, "unit"), completed_on__lte=cutoff
            )
            .order_by()
            .values(day=F("completed_on"), n=F("outstanding"))
        )
        own_programs = (
            due_programs()
            .filter(employee=employee, program__ends_on__lte=cutoff)
            .order_by()
            .values(day=F("program__ends_on"), n=minus)
        )
        own_activities = (
            due_activities()
            .filter(employee=employee, day__lte=cutoff)
            .order_by()
            .values(day_=F("day"), n=minus)
        )
        union = stored.union(own_programs, own_activities, all=True)
        sql, params = union.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(_DAYS.format(union=sql), params)  # noqa: S608  # nosec B608
            return [(as_date(day), int(n)) for day, n in cursor.fetchall()]

    def count(self) -> int:
        return sum(n for __, n in self.days())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("FollowUpQueue takes slices only")
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        span = located(self.days(), start, stop)
        if span is None:
            return []
        first, last, skip = span
        rows = follow_up_queue(self.user, self.today, first=first, last=last)
        return list(rows[skip : skip + stop - start])


def located(
    days: list[tuple[date, int]], start: int, stop: int
) -> tuple[date, date, int] | None:
    """The first and last day of ``days`` ([(day, rows)] in order) holding rows
    ``start``..``stop - 1`` of the whole, and how many rows of the first day
    come before row ``start``; ``None`` when there is no such row."""
    if stop <= start:
        return None
    before, first, skip = 0, None, 0
    for day, n in days:
        if first is None and before + n > start:
            first, skip = day, start - before
        before += n
        if first is not None and before >= stop:
            return first, day, skip
    if first is None:
        return None
    return first, days[-1][0], skip


@dataclass
class QueueRow:
    kind: str
    src: int
    employee_id: int
    employee_name: str
    title: str
    completed_on: date
    due_on: date


def as_date(value) -> date:
    # SQLite hands a union's date column back as text.
    return date.fromisoformat(value) if isinstance(value, str) else value


def queue_rows(rows) -> list[QueueRow]:
    days = follow_up_days()
    out = []
    for row in rows:
        done = as_date(row["completed_on"])
        out.append(
            QueueRow(
                kind=row["kind"],
                src=row["src"],
                employee_id=row["person"],
                employee_name=row["person_name"],
                title=row["title"],
                completed_on=done,
                due_on=rules.follow_up_due_on(done, days),
            )
        )
    return out


@dataclass
class FollowUpSubject:
    kind: str
    employee: Employee
    program: Program | None
    activity: Activity | None
    completed_on: date
    due_on: date
    dimensions: list
    indicators: dict = field(default_factory=dict)  # dimension id → [Indicator]
    recorded: FollowUp | None = None

    @property
    def title(self) -> str:
        if self.program is not None:
            return self.program.title
        return str(self.activity.form)


def subject_dimensions(*, program=None, activity=None) -> list[Dimension]:
    """The dimensions a program or activity develops: its own, or else those the
    matrix links to its form (one query)."""
    subject = program or activity
    own = Dimension.objects.filter(
        **({"programs": program} if program else {"activities": activity})
    )
    matrix = Dimension.objects.filter(
        pk__in=FormDimension.objects.filter(form_id=subject.form_id).values(
            "dimension_id"
        )
    )
    exists_own = Exists(
        Program.dimensions.through.objects.filter(program_id=program.pk)
        if program
        else Activity.dimensions.through.objects.filter(activity_id=activity.pk)
    )
    return list(
        Dimension.objects.filter(
            Q(pk__in=own.values("pk")) | (Q(pk__in=matrix.values("pk")) & ~exists_own)
        ).order_by("number")
    )


def follow_up_subject_get_for_user(
    user: User, kind: str, pk: int, employee_pk: int, today: date | None = None
) -> FollowUpSubject:
    """The follow-up of ``employee_pk`` about program / activity ``pk``: 404 when
    the employee is out of the user's scope, did not complete it, or it is not
    due yet (whether the user may record it is ``RECORD_FOLLOW_UP``)."""
    from competencies.models import Indicator

    if kind not in KINDS:
        raise_404()
    today = today or timezone.localdate()
    days = follow_up_days()
    cutoff = rules.follow_up_cutoff(today, days)
    scoped = Q(employee_scope_q(user, "employee")) & Q(employee_id=employee_pk)
    if kind == PROGRAM:
        nomination = get_object_or_404(
            Nomination.objects.select_related("program", "employee__unit"),
            scoped,
            state=Nomination.State.APPROVED,
            outcome=Nomination.Outcome.COMPLETED,
            program_id=pk,
            program__ends_on__lte=cutoff,
        )
        program, activity = nomination.program, None
        employee, completed_on = nomination.employee, program.ends_on
    else:
        attendance = get_object_or_404(
            activity_participations()
            .annotate(day=_activity_day())
            .select_related("activity__form", "employee__unit"),
            scoped,
            activity_id=pk,
            day__lte=cutoff,
        )
        program, activity = None, attendance.activity
        employee, completed_on = attendance.employee, attendance.day
    dimensions = subject_dimensions(program=program, activity=activity)
    indicators: dict[int, list] = {d.pk: [] for d in dimensions}
    for indicator in Indicator.objects.filter(dimension__in=dimensions).order_by(
        "dimension__number", "level", "order", "pk"
    ):
        indicators[indicator.dimension_id].append(indicator)
    recorded = (
        FollowUp.objects.filter(employee=employee, program=program, activity=activity)
        .prefetch_related("observations")
        .first()
    )
    return FollowUpSubject(
        kind=kind,
        employee=employee,
        program=program,
        activity=activity,
        completed_on=completed_on,
        due_on=rules.follow_up_due_on(completed_on, days),
        dimensions=dimensions,
        indicators=indicators,
        recorded=recorded,
    )
