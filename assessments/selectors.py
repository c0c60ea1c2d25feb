"""Reads of competency tests and the scoping rule of this app (built on
``people.selectors.employee_scope_q``): staff see their own attempts and results,
heads their unit subtree, BPSDM and administrators everything."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from assessments.models import (
    Attempt,
    DimensionResult,
    Instrument,
    Item,
    LatestLevel,
    ReleaseJob,
    Result,
    TestWindow,
)
from assessments.permissions import RATE_AND_RELEASE
from assessments.rollups import in_force_q
from people.models import Employee, User
from people.permissions import can, is_signed_in
from people.selectors import employee_scope_q, user_employee
from sosiokultural.queries import count_per_row


def latest_levels(employee_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """{(employee_id, dimension_id): current level} in one query; employees never
    assessed (or with no released result) are simply absent."""
    return {
        (row["employee_id"], row["dimension_id"]): row["level"]
        for row in LatestLevel.objects.filter(
            employee_id__in=list(employee_ids)
        ).values("employee_id", "dimension_id", "level")
    }


def levels_in_force(on: date | None = None) -> QuerySet:
    """Level rows (``employee``, ``dimension``, ``level``) in force on ``on``: one
    per employee × dimension assessed by then. ``None`` = now (``LatestLevel``);
    a date = the released ``DimensionResult`` rows whose validity interval holds
    it (an indexed range filter, no anti-join)."""
    if on is None:
        return LatestLevel.objects.all()
    return DimensionResult.objects.filter(in_force_q(on))


def insufficient_evidence(employee_ids: Iterable[int]) -> set[tuple[int, int]]:
    """{(employee_id, dimension_id)} without a current level whose released
    results include one without enough answers ("bukti belum cukup" rather
    than "belum diuji"), in one query."""
    has_level = LatestLevel.objects.filter(
        employee_id=OuterRef("result__employee_id"),
        dimension_id=OuterRef("dimension_id"),
    )
    return set(
        DimensionResult.objects.filter(
            result__employee_id__in=list(employee_ids),
            result__status=Result.Status.RELEASED,
            level__isnull=True,
        )
        .filter(~Exists(has_level))
        .order_by()
        .values_list("result__employee_id", "dimension_id")
        .distinct()
    )


def level_history(
    employee_ids: Iterable[int],
) -> list[tuple[int, int, date, int]]:
    """Released levels across test rounds, one query:
    [(employee_id, dimension_id, assessed_on, level)] oldest first."""
    return list(
        DimensionResult.objects.filter(
            result__employee_id__in=list(employee_ids),
            result__status=Result.Status.RELEASED,
        )
        .order_by("result__employee_id", "result__assessed_on", "result_id")
        .values_list(
            "result__employee_id", "dimension_id", "result__assessed_on", "level"
        )
    )


# -- the bank (BPSDM/admin pages; no unit scope) -----------------------------------


def items_list() -> QuerySet[Item]:
    return Item.objects.select_related("dimension").prefetch_related("options")


def instruments_list() -> QuerySet[Instrument]:
    return Instrument.objects.annotate(item_count=Count("instrument_items")).order_by(
        "code", "-version"
    )


def instruments_schedulable() -> QuerySet[Instrument]:
    return Instrument.objects.filter(status=Instrument.Status.PUBLISHED).order_by(
        "code", "-version"
    )


# -- windows and attempts ----------------------------------------------------------


def windows_visible_to(user: User) -> QuerySet[TestWindow]:
    """BPSDM/admin: all windows; heads: windows with a participant in their
    subtree; staff: none (they use "my tests")."""
    windows = TestWindow.objects.select_related("instrument", "unit")
    if not user.is_authenticated or not user.is_active:
        return windows.none()
    if user.sees_all_units:
        return windows
    if not user.is_head:
        return windows.none()
    in_scope = Attempt.objects.filter(
        employee_scope_q(user, "employee"), window=OuterRef("pk")
    )
    return windows.filter(Exists(in_scope))


def windows_listed_for(user: User) -> QuerySet[TestWindow]:
    """``windows_visible_to`` newest first, each with its ``participants`` (every
    attempt of the window) and how many have ``submitted``."""
    return (
        windows_visible_to(user)
        .annotate(
            participants=count_per_row(Attempt.objects.all(), "window"),
            submitted=count_per_row(
                Attempt.objects.filter(status=Attempt.Status.SUBMITTED), "window"
            ),
        )
        .order_by("-opens_at", "-pk")
    )


def window_get_for_user(user: User, pk: int) -> TestWindow:
    return get_object_or_404(windows_visible_to(user), pk=pk)


def attempts_visible_to(user: User) -> QuerySet[Attempt]:
    return Attempt.objects.filter(employee_scope_q(user, "employee")).select_related(
        "employee__unit", "window__instrument"
    )


def attempt_get_for_user(user: User, pk: int) -> Attempt:
    return get_object_or_404(attempts_visible_to(user), pk=pk)


def my_attempts(user: User) -> QuerySet[Attempt]:
    """The logged-in employee's own assignments (what they may take)."""
    employee = user_employee(user) if user.is_authenticated else None
    if employee is None:
        return Attempt.objects.none()
    return (
        Attempt.objects.filter(employee=employee)
        .select_related("window__instrument", "result")
        .order_by("-window__opens_at", "-pk")
    )


def attempt_get_for_taker(user: User, pk: int) -> Attempt:
    """Only the employee themself may take a test: anyone else gets 404."""
    return get_object_or_404(my_attempts(user), pk=pk)


# -- results -----------------------------------------------------------------------


def results_visible_to(user: User) -> QuerySet[Result]:
    return Result.objects.filter(employee_scope_q(user, "employee")).select_related(
        "employee__unit", "employee__position_type", "instrument", "attempt__window"
    )


def result_get_for_user(user: User, pk: int) -> Result:
    return get_object_or_404(results_visible_to(user), pk=pk)


def report_employee_get_for_user(user: User, pk: int) -> Employee:
    """The employee of a report page: the project's employee scope (404 outside)."""
    return get_object_or_404(
        Employee.objects.filter(employee_scope_q(user)).select_related(
            "unit", "position_type"
        ),
        pk=pk,
    )


def results_of_employee(employee: Employee) -> QuerySet[Result]:
    return (
        Result.objects.filter(employee=employee)
        .select_related("instrument", "attempt__window")
        .prefetch_related("dimension_results__dimension")
        .order_by("-assessed_on", "-pk")
    )


def results_releasable_by(user: User, window: TestWindow) -> QuerySet[Result]:
    """The scored results of ``window`` that ``user`` may release, in SQL
    (``RELEASE_RESULT`` of each: in the user's scope, never their own)."""
    if not can(user, RATE_AND_RELEASE):
        return Result.objects.none()
    return (
        Result.objects.filter(
            employee_scope_q(user, "employee"),
            attempt__window=window,
            status=Result.Status.SCORED,
        )
        .exclude(employee__user=user)
        .order_by("pk")
    )


def release_jobs_visible_to(user: User) -> QuerySet[ReleaseJob]:
    """A release job is its requester's alone."""
    if not is_signed_in(user):
        return ReleaseJob.objects.none()
    return ReleaseJob.objects.filter(requested_by=user).select_related("window")


def release_job_get_for_user(user: User, pk: int) -> ReleaseJob:
    return get_object_or_404(release_jobs_visible_to(user), pk=pk)
