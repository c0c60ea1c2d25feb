"""The roll-ups (validity intervals, ``LatestLevel``, ``LevelCount`` and the
activities' ``AttendeeUnit``) stay equal to a from-scratch recomputation after any
sequence of the writes that move them: release, re-score, employee move (one and
in bulk), position change, (de)activation, recording, editing and deleting an
activity's attendance."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activities.models import AttendeeUnit
from activities.rollups import attendee_units_drift
from activities.services import activity_delete, activity_record, activity_update
from activities.tests.factories import form as development_form
from activities.tests.factories import past
from assessments.models import (
    DimensionResult,
    Instrument,
    LatestLevel,
    LevelCount,
    LevelProfileCount,
    Result,
)
from assessments.models.results import PROFILE_FIELDS
from assessments.rollups import (
    intervals_of,
    level_counts_fresh,
    level_snapshots_ensure,
    rollups_drift,
    rollups_rebuild,
    year_start_changes,
)
from assessments.selectors import levels_in_force
from assessments.services import latest_levels_refresh, result_release
from assessments.tests.factories import submitted_attempt
from competencies.bootstrap import reference_load
from evaluations.rollups import due_follow_ups_drift, program_changes_drift
from ledger.rollups import form_year_changes_drift
from people.models import Employee, PositionType
from people.services import employee_update
from people.tests.factories import EmployeeFactory
from programs.services import nomination_approve
from programs.tests.factories import NominationFactory, past_program
from testsupport import employees_bulk_move

START = date(2025, 1, 6)


class Rollback(Exception):
    pass


@pytest.fixture
def world(org, roles):
    return make_world(org)


def make_world(org):
    """Two dimensions, a published instrument, three units (two villages and
    their kecamatan), three employees (in the villages) and two position types."""
    framework = reference_load()
    dims = sorted(framework.dimensions.values(), key=lambda d: d.number)[:2]
    instrument = Instrument.objects.create(
        code="uji-rollup",
        name="Uji",
        time_limit_minutes=30,
        status=Instrument.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    units = [org.kel_a, org.kel_b, org.kecamatan]
    employees = [EmployeeFactory(unit=units[i % 2]) for i in range(3)]
    positions = list(PositionType.objects.order_by("pk")[:2])
    return dims, instrument, units, employees, positions


@pytest.fixture
def recorder(roles):
    """The head over every unit of ``world``: records and edits its activities."""
    return roles.head_kecamatan


ATTENDANCE_STATUSES = ["present", "excused", "absent"]


def _attendance(who: frozenset[int], employees) -> dict[int, str]:
    # Active employees only (nobody records the inactive); the lowest is present
    # (an activity needs one), the others vary.
    active = set(
        Employee.objects.filter(
            pk__in=[e.pk for e in employees], is_active=True
        ).values_list("pk", flat=True)
    )
    ordered = sorted(i for i in who if employees[i].pk in active)
    return {
        employees[i].pk: "present" if n == 0 else ATTENDANCE_STATUSES[i % 3]
        for n, i in enumerate(ordered)
    }


def _briefing_record(recorder, employees, who, day: int):
    return activity_record(
        recorder=recorder,
        form=development_form("briefing"),
        unit=recorder.employee.unit,
        started_at=past(days=day),
        duration_minutes=10,
        attendance=_attendance(who, employees),
        summary="Briefing.",
        detail={"agenda_kind": "other"},
    )


def _scored(instrument, employee, on: date, levels) -> Result:
    attempt = submitted_attempt(instrument, employee, on)
    result = Result.objects.create(
        attempt=attempt,
        employee=employee,
        instrument=instrument,
        assessed_on=on,
        scored_at=attempt.started_at,
    )
    _levels_write(result, levels)
    return result


def _levels_write(result: Result, levels) -> None:
    # As ``result_scores_write`` does: the rows of the result are replaced.
    result.dimension_results.all().delete()
    DimensionResult.objects.bulk_create(
        DimensionResult(
            result=result,
            employee_id=result.employee_id,
            dimension=dim,
            test_score=Decimal(level),
            score=Decimal(level),
            level=level,
        )
        for dim, level in levels
    )


level = st.integers(min_value=1, max_value=5)
attendees = st.frozensets(st.integers(0, 2), min_size=1)
step = st.one_of(
    st.tuples(
        st.just("release"),
        st.integers(0, 2),  # employee
        st.integers(0, 6),  # test date: START + 30 days × n (ties happen)
        level,
        level,
        st.booleans(),  # released now, or left scored
    ),
    st.tuples(st.just("rescore"), st.integers(0, 20), level, level),
    st.tuples(st.just("move"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("position"), st.integers(0, 2), st.integers(0, 1)),
    st.tuples(st.just("active"), st.integers(0, 2), st.booleans()),
    # Activities: recorded with a set of the employees, attendance changed,
    # deleted; employees moved in bulk (the import's writer).
    st.tuples(st.just("record"), attendees),
    st.tuples(st.just("reattend"), st.integers(0, 20), attendees),
    st.tuples(st.just("drop"), st.integers(0, 20)),
    st.tuples(
        st.just("bulk_move"), st.lists(st.integers(0, 2), min_size=3, max_size=3)
    ),
    # A new snapshot day (past-quarter counts), between or on test dates.
    st.tuples(st.just("snapshot"), st.integers(0, 13)),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_rollups_equal_recomputation_after_any_writes(world, recorder, roles, steps):
    dims, instrument, units, employees, positions = world
    try:
        with transaction.atomic():
            # A snapshot day from the start, so every writer keeps its counts.
            level_snapshots_ensure([START + timedelta(days=45)])
            # A program all three take part in, started among the test dates.
            program = past_program(starts_on=START + timedelta(days=75))
            for employee in employees:
                nomination = NominationFactory(program=program, employee=employee)
                nomination_approve(nomination_id=nomination.pk, by=roles.bpsdm)
            released: list[Result] = []
            activities = []
            for n, (op, *args) in enumerate(steps):
                if op == "release":
                    who, day, l1, l2, release = args
                    result = _scored(
                        instrument,
                        employees[who],
                        START + timedelta(days=30 * day),
                        [(dims[0], l1), (dims[1], l2)],
                    )
                    if release:
                        assert result_release(result=result, by=None)
                        released.append(result)
                elif op == "rescore" and released:
                    which, l1, l2 = args
                    result = released[which % len(released)]
                    with transaction.atomic():  # the re-score's own transaction
                        _levels_write(result, [(dims[0], l1), (dims[1], l2)])
                        latest_levels_refresh(employee_id=result.employee_id)
                elif op == "move":
                    who, unit = args
                    employee = Employee.objects.get(pk=employees[who].pk)
                    employee_update(employee=employee, unit=units[unit])
                elif op == "position":
                    who, position = args
                    employee = Employee.objects.get(pk=employees[who].pk)
                    employee_update(
                        employee=employee, position_type=positions[position]
                    )
                elif op == "active":
                    who, active = args
                    employee = Employee.objects.get(pk=employees[who].pk)
                    employee_update(employee=employee, is_active=active)
                elif op == "record" and _attendance(args[0], employees):
                    # One day each: one person is in one activity at a time.
                    (who,) = args
                    activity = _briefing_record(recorder, employees, who, n + 1)
                    activities.append(activity)
                elif (
                    op == "reattend" and activities and _attendance(args[1], employees)
                ):
                    which, who = args
                    activity = activities[which % len(activities)]
                    activity_update(
                        activity=activity,
                        actor=recorder,
                        started_at=activity.started_at,
                        duration_minutes=activity.duration_minutes,
                        unit=activity.unit,
                        attendance=_attendance(who, employees),
                        summary="Briefing.",
                        detail={"agenda_kind": "other"},
                    )
                elif op == "drop" and activities:
                    (which,) = args
                    activity = activities.pop(which % len(activities))
                    activity_delete(activity=activity, actor=recorder)
                elif op == "bulk_move":
                    (targets,) = args
                    employees_bulk_move(employees, [units[t] for t in targets])
                elif op == "snapshot":
                    level_snapshots_ensure([START + timedelta(days=15 * args[0])])
            assert rollups_drift() == {
                "intervals": [],
                "LatestLevel": [],
                "LevelCount": [],
                "LevelProfileCount": [],
                "LevelChangeStep": [],
                "LevelCountAt": [],
                "YearStartChange": [],
            }
            assert _profiles() == _profiles_reference()
            assert attendee_units_drift() == []
            # The participants' changes per internal form (the briefings'
            # entries × the changes since 1 January, per unit).
            assert form_year_changes_drift() == []
            # And per program (the participants' change since its start day).
            assert program_changes_drift() == []
            # And the follow-up queue's due follow-ups per unit (moves).
            assert due_follow_ups_drift() == []
            assert 0 not in set(
                AttendeeUnit.objects.values_list("attendees", flat=True)
            )
            # "As of D" by interval equals the latest released row on or before D.
            for day in range(0, 8):
                on = START + timedelta(days=30 * day - 1)
                assert _as_of(on) == _as_of_reference(on)
            raise Rollback
    except Rollback:
        pass


def _profiles() -> dict:
    return {
        tuple(row[:-1]): row[-1]
        for row in LevelProfileCount.objects.values_list(
            "unit_id", "position_type_id", *PROFILE_FIELDS, "employees"
        )
    }


def _profiles_reference() -> dict:
    """The profile counts from the current levels, in Python."""
    levels: dict[int, list[int]] = {}
    for emp, number, level in LatestLevel.objects.values_list(
        "employee_id", "dimension__number", "level"
    ):
        levels.setdefault(emp, [0] * 6)[number - 1] = level
    out: dict[tuple, int] = {}
    for emp in Employee.objects.filter(is_active=True, pk__in=levels):
        key = (emp.unit_id, emp.position_type_id, *levels[emp.pk])
        out[key] = out.get(key, 0) + 1
    return out


def _as_of(on: date) -> dict:
    return {
        (e, d): lv
        for e, d, lv in levels_in_force(on).values_list(
            "employee_id", "dimension_id", "level"
        )
    }


def _as_of_reference(on: date) -> dict:
    out = {}
    for e, d, lv in (
        DimensionResult.objects.filter(
            result__status=Result.Status.RELEASED, result__assessed_on__lte=on
        )
        .order_by("result__assessed_on", "result_id")
        .values_list("employee_id", "dimension_id", "level")
    ):
        out[(e, d)] = lv
    return out


def test_intervals_of_orders_by_date_then_result():
    rows = [
        (1, date(2025, 3, 1), 9),
        (2, date(2025, 1, 1), 5),
        (3, date(2025, 3, 1), 7),
    ]
    assert intervals_of(rows) == {
        2: (date(2025, 1, 1), date(2025, 3, 1)),
        3: (date(2025, 3, 1), date(2025, 3, 1)),  # superseded the same day: empty
        1: (date(2025, 3, 1), None),
    }


def test_year_start_changes_from_intervals_and_current_levels():
    intervals = {
        1: [(date(2023, 5, 1), date(2025, 3, 1), 2), (date(2025, 3, 1), None, 4)],
        2: [(date(2024, 6, 1), date(2024, 6, 1), 1), (date(2024, 6, 1), None, 3)],
        3: [(date(2023, 5, 1), date(2027, 2, 1), 2)],  # withdrawn in 2027
    }
    latest = {1: 4, 2: 3}  # nothing current on 3: never compared
    assert year_start_changes(intervals, latest) == [
        # 1 January 2023: nothing in force yet — no row.
        (2024, False, {1: 2}),
        (2025, False, {1: 2, 2: 0}),
        (2026, False, {1: 0, 2: 0}),
        (2027, False, {1: 0, 2: 0}),
        (2028, True, {1: 0, 2: 0}),  # and every later year
    ]
    assert year_start_changes({}, latest) == []
    # Only a level superseded the day it began: no year has one in force.
    assert year_start_changes({1: [(date(2025, 2, 1), date(2025, 2, 1), 3)]}, {}) == []


def test_release_writes_intervals_and_counts(world):
    dims, instrument, units, employees, positions = world
    first = _scored(instrument, employees[0], date(2025, 1, 6), [(dims[0], 2)])
    second = _scored(instrument, employees[0], date(2025, 4, 7), [(dims[0], 4)])
    result_release(result=second, by=None)
    result_release(result=first, by=None)  # released later, tested earlier
    rows = dict(
        DimensionResult.objects.values_list("result_id", "valid_from").order_by()
    )
    assert rows == {first.pk: date(2025, 1, 6), second.pk: date(2025, 4, 7)}
    assert DimensionResult.objects.get(result=first).valid_to == date(2025, 4, 7)
    assert DimensionResult.objects.get(result=second).valid_to is None
    employee = employees[0]
    assert list(
        LevelCount.objects.values_list(
            "unit_id", "position_type_id", "dimension_id", "level", "employees"
        )
    ) == [(employee.unit_id, employee.position_type_id, dims[0].pk, 4, 1)]


def test_employee_move_moves_the_counts(world):
    dims, instrument, units, employees, positions = world
    employee = employees[0]
    result_release(
        result=_scored(instrument, employee, date(2025, 1, 6), [(dims[0], 3)]), by=None
    )
    employee_update(employee=employee, unit=units[1])
    assert list(LevelCount.objects.values_list("unit_id", "employees")) == [
        (units[1].pk, 1)
    ]
    employee_update(employee=employee, is_active=False)
    assert not LevelCount.objects.exists()
    assert level_counts_fresh() == {}


def test_one_open_interval_per_employee_and_dimension(world):
    dims, instrument, units, employees, positions = world
    a = _scored(instrument, employees[0], date(2025, 1, 6), [(dims[0], 3)])
    b = _scored(instrument, employees[0], date(2025, 2, 6), [(dims[0], 3)])
    DimensionResult.objects.filter(result=a).update(valid_from=date(2025, 1, 6))
    with pytest.raises(IntegrityError), transaction.atomic():
        DimensionResult.objects.filter(result=b).update(valid_from=date(2025, 2, 6))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraint")
def test_overlapping_intervals_refused_on_postgresql(world):
    dims, instrument, units, employees, positions = world
    a = _scored(instrument, employees[0], date(2025, 1, 6), [(dims[0], 3)])
    b = _scored(instrument, employees[0], date(2025, 2, 6), [(dims[0], 3)])
    DimensionResult.objects.filter(result=a).update(
        valid_from=date(2025, 1, 6), valid_to=date(2025, 3, 1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        DimensionResult.objects.filter(result=b).update(
            valid_from=date(2025, 2, 6), valid_to=date(2025, 4, 1)
        )


def test_rebuild_rollups_reports_and_repairs_drift(world, capsys):
    dims, instrument, units, employees, positions = world
    result_release(
        result=_scored(instrument, employees[0], date(2025, 1, 6), [(dims[0], 3)]),
        by=None,
    )
    assert level_snapshots_ensure([date(2025, 3, 31)]) == [date(2025, 3, 31)]
    assert level_snapshots_ensure([date(2025, 3, 31)]) == []
    call_command("rebuild_rollups", "--check")
    LevelCount.objects.update(employees=7)
    LatestLevel.objects.update(level=1)
    DimensionResult.objects.update(valid_to=date(2025, 2, 1))
    # The profile roll-up is compared with a recomputation from the (now wrong)
    # current levels: its stored row and the recomputed one both drift. The
    # change steps of 6 January (change 0 stored, 1 − 3 now) and 1 February (a
    # closing step now) drift, and the change from 1 January 2026 (0 stored, no
    # level in force then now), and the count as of 31 March (no level then now).
    with pytest.raises(CommandError, match="10 baris"):
        call_command("rebuild_rollups", "--check")
    out = capsys.readouterr().out
    assert "LevelCount: 2 baris menyimpang" in out
    assert "LevelProfileCount: 2 baris menyimpang" in out
    assert "LevelChangeStep: 2 baris menyimpang" in out
    assert "YearStartChange: 1 baris menyimpang" in out
    assert "LevelCountAt: 1 baris menyimpang" in out
    call_command("rebuild_rollups")
    assert "intervals 1," in capsys.readouterr().out  # the one row it repaired
    call_command("rebuild_rollups", "--check")
    assert rollups_rebuild() == {
        "intervals": 0,  # every interval right: nothing rewritten
        "LatestLevel": 1,
        "LevelCount": 1,
        "LevelProfileCount": 1,
        "LevelChangeStep": 1,
        "LevelCountAt": 1,
        "YearStartChange": 1,
    }
    assert list(
        LevelProfileCount.objects.values_list(*PROFILE_FIELDS, "employees")
    ) == [(3, 0, 0, 0, 0, 0, 1)]


def test_interval_rebuild_rewrites_only_what_is_wrong(world):
    """Three releases of one employee and dimension and one result not released,
    their intervals scrambled as far as the constraints let them drift (the
    open interval moved to the oldest row, the two later ones cleared, the
    unreleased row given one): the rebuild brings each back to its
    recomputation, clearing before setting, so that on PostgreSQL no step meets
    the one-open-interval or the non-overlap constraint; a second rebuild
    rewrites nothing."""
    dims, instrument, units, employees, positions = world
    days = [date(2025, 1, 6), date(2025, 4, 7), date(2025, 7, 7)]
    released = []
    for day in days:
        result = _scored(instrument, employees[1], day, [(dims[0], 2)])
        result_release(result=result, by=None)
        released.append(result)
    _scored(instrument, employees[1], date(2025, 8, 4), [(dims[0], 5)])

    def intervals():
        return list(
            DimensionResult.objects.filter(employee=employees[1])
            .order_by("result__assessed_on")
            .values_list("valid_from", "valid_to")
        )

    right = [(days[0], days[1]), (days[1], days[2]), (days[2], None), (None, None)]
    assert intervals() == right
    rows = list(
        DimensionResult.objects.filter(employee=employees[1]).order_by(
            "result__assessed_on"
        )
    )
    DimensionResult.objects.filter(pk__in=[rows[1].pk, rows[2].pk]).update(
        valid_from=None, valid_to=None
    )
    DimensionResult.objects.filter(pk=rows[0].pk).update(valid_to=None)
    DimensionResult.objects.filter(pk=rows[3].pk).update(
        valid_from=date(2024, 12, 2), valid_to=date(2024, 12, 30)
    )
    assert intervals() == [
        (days[0], None),
        (None, None),
        (None, None),
        (date(2024, 12, 2), date(2024, 12, 30)),
    ]
    assert rollups_rebuild()["intervals"] == 4
    assert intervals() == right
    assert rollups_rebuild()["intervals"] == 0
