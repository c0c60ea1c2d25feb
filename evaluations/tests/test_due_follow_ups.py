"""The follow-up queue's roll-up ``DueFollowUpDay`` (per unit, kind and day, the
participations with no follow-up recorded) and the queue paged from it: the
writers keep it equal to a recomputation after any sequence of writes, and every
page holds exactly the rows of the unbounded union, in its order."""

from contextlib import suppress
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activities.models import Attendance
from activities.services import (
    activity_delete,
    activity_record,
    activity_unverify,
    activity_update,
    activity_verify,
    attendance_set,
)
from activities.tests.factories import at
from activities.tests.factories import form as development_form
from evaluations.models import DueFollowUpDay
from evaluations.rollups import due_follow_ups_drift
from evaluations.selectors import (
    FollowUpQueue,
    follow_up_queue,
    follow_up_subject_get_for_user,
    located,
)
from evaluations.services import follow_up_record
from evaluations.tests.factories import completed, ended_program, self_study
from people.models import Employee
from people.services import employee_update
from people.tests.factories import EmployeeFactory
from programs.models import Nomination
from programs.services import (
    nomination_approve,
    nomination_complete,
    nomination_completion_clear,
    program_update,
)
from programs.tests.factories import NominationFactory, program_fields
from testsupport import employees_bulk_move

pytestmark = pytest.mark.django_db


def _rows() -> dict:
    return {
        (row.unit_id, row.kind, row.completed_on): row.outstanding
        for row in DueFollowUpDay.objects.all()
    }


def _record_follow_up(head, kind, pk, employee) -> None:
    subject = follow_up_subject_get_for_user(head, kind, pk, employee.pk)
    follow_up_record(
        subject=subject,
        outcomes={d.pk: "partly" for d in subject.dimensions},
        by=head,
    )


def _queue(user) -> list[tuple]:
    """The unbounded union, whole: the reference."""
    return [
        (r["kind"], r["src"], r["person"], str(r["completed_on"]))
        for r in follow_up_queue(user)
    ]


def _paged(user, start: int, stop: int) -> list[tuple]:
    return [
        (r["kind"], r["src"], r["person"], str(r["completed_on"]))
        for r in FollowUpQueue(user)[start:stop]
    ]


# -- the writers, one by one -----------------------------------------------------------


def test_each_writer_keeps_the_due_follow_ups(org, roles):
    kel_a, kel_b = org.kel_a.pk, org.kel_b.pk
    colleague = EmployeeFactory(unit=org.kel_a)
    study = self_study(roles.head_a, colleague, days_ago=120)
    day = timezone.localtime(study.started_at).date()
    assert _rows() == {(kel_a, "kegiatan", day): 1}

    program = ended_program(100)
    nomination = completed(program, colleague, roles.bpsdm)
    assert _rows() == {
        (kel_a, "kegiatan", day): 1,
        (kel_a, "program", program.ends_on): 1,
    }
    # Outcome cleared, then not completed: not due; completed again: due.
    cleared = nomination_completion_clear(nomination=nomination, by=roles.bpsdm)
    assert (kel_a, "program", program.ends_on) not in _rows()
    nomination_complete(
        nomination=cleared,
        by=roles.bpsdm,
        outcome="not_completed",
        attendance_percent=40,
        today=program.ends_on,
    )
    assert (kel_a, "program", program.ends_on) not in _rows()
    nomination_complete(
        nomination=cleared,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=100,
        today=program.ends_on,
    )
    assert _rows()[(kel_a, "program", program.ends_on)] == 1

    # The program's end day moves: its completions with it.
    program.refresh_from_db()
    new_end = program.ends_on + timedelta(days=2)
    program_update(
        program=program,
        by=roles.bpsdm,
        **program_fields(program, ends_on=new_end, unlimited_seats=True),
    )
    assert _rows() == {
        (kel_a, "kegiatan", day): 1,
        (kel_a, "program", new_end): 1,
    }

    # The activity un-verified (by the head above), verified again.
    activity_unverify(activity=study, actor=roles.head_kecamatan)
    assert _rows() == {(kel_a, "program", new_end): 1}
    activity_verify(activity=study, verifier=roles.head_kecamatan)
    assert _rows()[(kel_a, "kegiatan", day)] == 1

    # The employee moves, then is deactivated: the queue shows both alike.
    employee_update(employee=Employee.objects.get(pk=colleague.pk), unit=org.kel_b)
    assert _rows() == {
        (kel_b, "kegiatan", day): 1,
        (kel_b, "program", new_end): 1,
    }
    employee_update(employee=Employee.objects.get(pk=colleague.pk), is_active=False)
    assert len(_rows()) == 2

    # Recorded: no longer due.
    _record_follow_up(roles.head_kecamatan, "program", program.pk, colleague)
    assert _rows() == {(kel_b, "kegiatan", day): 1}
    assert due_follow_ups_drift() == []


def test_a_group_activity_follows_its_attendance_and_day(org, roles):
    people = [EmployeeFactory(unit=org.kel_a), EmployeeFactory(unit=org.kel_b)]
    gathering = _gathering(roles.head_kecamatan, people, at(date(2025, 3, 3), 8))
    a, b = org.kel_a.pk, org.kel_b.pk
    on = date(2025, 3, 3)
    assert _rows() == {(a, "kegiatan", on): 1, (b, "kegiatan", on): 1}
    attendance_set(
        activity=gathering,
        actor=roles.head_kecamatan,
        employee_id=people[1].pk,
        status="absent",
    )
    assert _rows() == {(a, "kegiatan", on): 1}
    # Another day, and only the second attendee.
    later = at(date(2025, 3, 5), 8)
    activity_update(
        activity=gathering,
        actor=roles.head_kecamatan,
        started_at=later,
        duration_minutes=60,
        unit=org.kecamatan,
        attendance={people[1].pk: "present"},
        detail={"event": "Makan bersama"},
    )
    assert _rows() == {(b, "kegiatan", date(2025, 3, 5)): 1}
    activity_delete(activity=gathering, actor=roles.head_kecamatan)
    assert _rows() == {}
    assert due_follow_ups_drift() == []


def test_rebuild_rollups_reports_and_repairs_its_drift(org, roles, capsys):
    for days_ago in (100, 120):
        self_study(roles.head_a, EmployeeFactory(unit=org.kel_a), days_ago=days_ago)
    call_command("rebuild_rollups", "--check")
    stored = _rows()
    first = DueFollowUpDay.objects.order_by("completed_on").first()
    DueFollowUpDay.objects.filter(pk=first.pk).update(outstanding=7)
    DueFollowUpDay.objects.exclude(pk=first.pk).delete()
    with pytest.raises(CommandError, match="2 baris"):
        call_command("rebuild_rollups", "--check")
    assert "DueFollowUpDay: 2 baris menyimpang" in capsys.readouterr().out
    call_command("rebuild_rollups")
    call_command("rebuild_rollups", "--check")
    assert _rows() == stored


# -- any sequence of writes ------------------------------------------------------------

# Days of the activities and programs: some long due, some not yet (the cutoff is
# 90 days ago), ties on purpose.
DAYS_AGO = [150, 120, 95, 91, 90, 60]


def _gathering(recorder, people, started_at):
    return activity_record(
        recorder=recorder,
        form=development_form("gathering"),
        unit=recorder.employee.unit,
        started_at=started_at,
        duration_minutes=10,
        attendance={p.pk: "present" for p in people},
        detail={"event": "Makan bersama"},
    )


def _active(pool, who) -> list[Employee]:
    active = set(
        Employee.objects.filter(
            pk__in=[pool[i].pk for i in who], is_active=True
        ).values_list("pk", flat=True)
    )
    return [pool[i] for i in sorted(who) if pool[i].pk in active]


def _slot(n: int, days_ago: int):
    # One start time per recording step: one person is never in two
    # activities at once, whatever day an activity is moved to.
    return at(timezone.localdate() - timedelta(days=days_ago), 7 + n // 4, (n % 4) * 15)


people_sets = st.frozensets(st.integers(0, 3), min_size=1)
day = st.integers(0, len(DAYS_AGO) - 1)
step = st.one_of(
    st.tuples(st.just("record"), people_sets, day),
    st.tuples(st.just("reattend"), st.integers(0, 20), people_sets, day),
    st.tuples(st.just("toggle"), st.integers(0, 20), st.integers(0, 3)),
    st.tuples(st.just("unverify"), st.integers(0, 20)),
    st.tuples(st.just("drop"), st.integers(0, 20)),
    st.tuples(
        st.just("outcome"),
        st.integers(0, 1),  # program
        st.integers(0, 3),  # employee
        st.sampled_from(["completed", "not_completed", "clear"]),
    ),
    st.tuples(st.just("end"), st.integers(0, 1), day),
    st.tuples(st.just("follow"), st.integers(0, 40)),
    st.tuples(st.just("move"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("active"), st.integers(0, 2), st.booleans()),
    st.tuples(
        st.just("bulk_move"), st.lists(st.integers(0, 2), min_size=3, max_size=3)
    ),
)


def _outcome(program, employee, outcome, bpsdm) -> None:
    """Record (or clear) the outcome of the employee's approved nomination,
    nominated and approved first when there is none."""
    nomination = Nomination.objects.filter(
        program=program, employee=employee, state="approved"
    ).first()
    if nomination is None:
        nomination = NominationFactory(program=program, employee=employee)
        nomination_approve(nomination_id=nomination.pk, by=bpsdm)
        nomination.refresh_from_db()
    if outcome == "clear":
        if nomination.outcome:
            nomination_completion_clear(nomination=nomination, by=bpsdm)
        return
    nomination_complete(
        nomination=nomination,
        by=bpsdm,
        outcome=outcome,
        attendance_percent=100 if outcome == "completed" else 40,
    )


def _assert_queue_pages(user) -> None:
    whole = _queue(user)
    assert FollowUpQueue(user).count() == len(whole)
    for size in (1, 2, 3):
        for start in range(0, len(whole) + size, size):
            assert _paged(user, start, start + size) == whole[start : start + size]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_due_follow_ups_equal_recomputation_after_any_writes(org, roles, steps):
    recorder, bpsdm = roles.head_kecamatan, roles.bpsdm
    units = [org.kel_a, org.kel_b, org.kecamatan]
    try:
        with transaction.atomic():
            movers = [EmployeeFactory(unit=units[i % 2]) for i in range(3)]
            # Head A takes part too: his queue never shows himself.
            pool = [*movers, roles.head_a.employee]
            programs = [ended_program(DAYS_AGO[0]), ended_program(DAYS_AGO[3])]
            # Something for every write to act on: two gatherings of everyone
            # (one due, one not yet) and both programs completed by two people.
            activities = [
                _gathering(recorder, pool, _slot(40 + n, DAYS_AGO[d]))
                for n, d in enumerate((1, 5))
            ]
            for program in programs:
                for employee in (pool[0], pool[3]):
                    _outcome(program, employee, "completed", bpsdm)
            for n, (op, *args) in enumerate(steps):
                if op == "record":
                    who, d = args
                    people = _active(pool, who)
                    if people:
                        activities.append(
                            _gathering(recorder, people, _slot(n, DAYS_AGO[d]))
                        )
                elif op == "reattend" and activities:
                    which, who, d = args
                    activity = activities[which % len(activities)]
                    activity.refresh_from_db()
                    people = _active(pool, who)
                    if not people:
                        continue
                    local = timezone.localtime(activity.started_at)
                    target = timezone.localdate() - timedelta(days=DAYS_AGO[d])
                    activity_update(
                        activity=activity,
                        actor=recorder,
                        # Another day, the same time of day (its own slot).
                        started_at=at(target, local.hour, local.minute),
                        duration_minutes=activity.duration_minutes,
                        unit=activity.unit,
                        attendance={p.pk: "present" for p in people},
                        detail={"event": "Makan bersama"},
                    )
                elif op == "toggle" and activities:
                    which, who = args
                    activity = activities[which % len(activities)]
                    row = Attendance.objects.filter(
                        activity=activity, employee=pool[who]
                    ).first()
                    if row is not None:
                        attendance_set(
                            activity=activity,
                            actor=recorder,
                            employee_id=pool[who].pk,
                            status="absent" if row.status == "present" else "present",
                        )
                elif op == "unverify" and activities:
                    (which,) = args
                    activity = activities[which % len(activities)]
                    activity.refresh_from_db()
                    # BPSDM decides: no head above the recorder's own unit.
                    if activity.status == "verified":
                        activity_unverify(activity=activity, actor=bpsdm)
                    elif activity.status == "submitted":
                        activity_verify(activity=activity, verifier=bpsdm)
                elif op == "drop" and activities:
                    (which,) = args
                    activity = activities.pop(which % len(activities))
                    activity_delete(activity=activity, actor=recorder)
                elif op == "outcome":
                    program, who, outcome = args
                    _outcome(programs[program], pool[who], outcome, bpsdm)
                elif op == "end":
                    which, d = args
                    program = programs[which]
                    program.refresh_from_db()
                    ends = timezone.localdate() - timedelta(days=DAYS_AGO[d])
                    program_update(
                        program=program,
                        by=bpsdm,
                        **program_fields(
                            program,
                            starts_on=ends - timedelta(days=4),
                            ends_on=ends,
                            registration_opens_on=ends - timedelta(days=40),
                            registration_closes_on=ends - timedelta(days=10),
                            unlimited_seats=True,
                        ),
                    )
                elif op == "follow":
                    # The n-th row of the kecamatan head's queue, if any.
                    (which,) = args
                    rows = list(follow_up_queue(recorder))
                    if rows:
                        row = rows[which % len(rows)]
                        # Not due any more, or not the head's to record.
                        with suppress(Http404, PermissionDenied):
                            _record_follow_up(
                                recorder,
                                row["kind"],
                                row["src"],
                                Employee.objects.get(pk=row["person"]),
                            )
                elif op == "move":
                    who, unit = args
                    employee = Employee.objects.get(pk=movers[who].pk)
                    employee_update(employee=employee, unit=units[unit])
                elif op == "active":
                    who, active = args
                    employee = Employee.objects.get(pk=movers[who].pk)
                    employee_update(employee=employee, is_active=active)
                elif op == "bulk_move":
                    (targets,) = args
                    employees_bulk_move(movers, [units[t] for t in targets])
            assert due_follow_ups_drift() == []
            assert 0 not in set(
                DueFollowUpDay.objects.values_list("outstanding", flat=True)
            )
            for head in (roles.head_kecamatan, roles.head_a):
                _assert_queue_pages(head)
            raise Rollback
    except Rollback:
        pass


class Rollback(Exception):
    pass


# -- the queue paged from the roll-up --------------------------------------------------


def test_located_finds_the_days_of_a_slice():
    d = [date(2025, 1, n) for n in (1, 2, 3)]
    days = list(zip(d, [2, 3, 1], strict=True))
    assert located(days, 0, 2) == (d[0], d[0], 0)
    assert located(days, 1, 3) == (d[0], d[1], 1)
    assert located(days, 2, 5) == (d[1], d[1], 0)
    assert located(days, 4, 10) == (d[1], d[2], 2)
    assert located(days, 5, 6) == (d[2], d[2], 0)
    assert located(days, 6, 8) is None
    assert located([], 0, 25) is None


@pytest.fixture
def crowded(org, roles):
    """Sixty due follow-ups of kelurahan A over days with ties (three
    gatherings of one day, programs ending on the same days), some of head A
    himself, and some not due yet."""
    people = [
        EmployeeFactory(unit=org.kel_a, name=f"Pegawai {n:02d}") for n in range(6)
    ]
    own = roles.head_a.employee
    for n, days_ago in enumerate([150, 150, 150, 120, 100, 95, 91, 60]):
        attendees = people[n % 3 : n % 3 + 4] + ([own] if n % 2 else [])
        _gathering(roles.head_kecamatan, attendees, _slot(n, days_ago))
    for days_ago in (150, 120, 30):
        program = ended_program(days_ago)
        for person in [*people[:3], own]:
            completed(program, person, roles.bpsdm)
    return people


def test_queue_pages_are_the_unions_pages(crowded, roles):
    head = roles.head_a
    whole = _queue(head)
    # Seven gatherings due of four colleagues each, two programs of three.
    assert len(whole) == 7 * 4 + 2 * 3
    assert roles.head_a.employee.pk not in {row[2] for row in whole}
    queue = FollowUpQueue(head)
    assert queue.count() == len(whole)
    paginator = Paginator(FollowUpQueue(head), 10)
    assert paginator.num_pages == 4
    # First, middle, last and beyond the last (the last page, as get_page does).
    for number, expected in ((1, whole[:10]), (2, whole[10:20]), (4, whole[30:])):
        page = paginator.get_page(number)
        assert [
            (r["kind"], r["src"], r["person"], str(r["completed_on"]))
            for r in page.object_list
        ] == expected
    assert paginator.get_page(9).number == 4
    for start in range(0, 40):
        assert _paged(head, start, start + 7) == whole[start : start + 7]
    # The head above sees head A's own too.
    above = _queue(roles.head_kecamatan)
    # Head A's own: three of the gatherings and both programs.
    assert len(above) == len(whole) + 3 + 2
    _assert_queue_pages(roles.head_kecamatan)


def test_queue_is_empty_for_who_has_none(roles, crowded):
    for user in (roles.staff_a, roles.bpsdm, roles.head_b):
        assert FollowUpQueue(user).count() == 0
        assert FollowUpQueue(user)[0:25] == []


def test_queue_page_costs_the_same_queries_at_two_sizes(
    crowded, org, roles, client, django_assert_num_queries
):
    client.force_login(roles.head_a)
    urls = ["/evaluasi/tindak-lanjut/", "/evaluasi/tindak-lanjut/?page=2"]
    for url in urls:
        client.get(url)
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts[url] = len(captured.captured_queries)
    program = ended_program(110)
    for __ in range(30):
        completed(program, EmployeeFactory(unit=org.kel_a), roles.bpsdm)
    for url in urls:
        with django_assert_num_queries(counts[url]):
            response = client.get(url)
        assert len(response.context["rows"]) == 25
