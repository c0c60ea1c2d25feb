"""The load test's logins (``loadtest_users``) and its after-check
(``loadtest_check``): the same people every run, spread over the units, the
password set, the previous run's briefings gone; jobs and notices counted."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from activities.models import Activity
from activities.tests.factories import past, record_briefing
from competencies.bootstrap import reference_load
from exports.models import Export
from notices.models import Notice
from people.models import User
from people.tests.factories import EmployeeFactory, UserFactory, head_position

pytestmark = pytest.mark.django_db
PASSWORD = "lt-test-password-0123"  # noqa: S105 - a test's own password


@pytest.fixture
def people(org):
    head = head_position()
    made = {
        "head_kec": EmployeeFactory(unit=org.kecamatan, position_type=head),
        "kec1": EmployeeFactory(unit=org.kecamatan),
        "head_a": EmployeeFactory(unit=org.kel_a, position_type=head),
        "a1": EmployeeFactory(unit=org.kel_a),
        "a2": EmployeeFactory(unit=org.kel_a),
        "a3": EmployeeFactory(unit=org.kel_a),
        "head_b": EmployeeFactory(unit=org.kel_b, position_type=head),
        "b1": EmployeeFactory(unit=org.kel_b),
        "gone": EmployeeFactory(unit=org.kel_b, is_active=False),
    }
    # Someone who already has a login is never taken.
    UserFactory(username="staf.b", employee=EmployeeFactory(unit=org.kel_b))
    return made


def _run(monkeypatch, *args) -> list[list[str]]:
    monkeypatch.setenv("LOADTEST_PASSWORD", PASSWORD)
    out = io.StringIO()
    call_command("loadtest_users", *args, stdout=out)
    return [line.split() for line in out.getvalue().splitlines()]


def test_logins_spread_over_units_kelurahan_first(monkeypatch, org, people):
    rows = _run(monkeypatch, "--staff", "4", "--heads", "2", "--bpsdm", "1")
    p = people
    assert rows == [
        ["staf", "lt-staf-001", str(p["a1"].pk), str(org.kel_a.pk)],
        ["staf", "lt-staf-002", str(p["b1"].pk), str(org.kel_b.pk)],
        ["staf", "lt-staf-003", str(p["kec1"].pk), str(org.kecamatan.pk)],
        ["staf", "lt-staf-004", str(p["a2"].pk), str(org.kel_a.pk)],
        ["kepala", "lt-kepala-001", str(p["head_a"].pk), str(org.kel_a.pk)],
        ["kepala", "lt-kepala-002", str(p["head_b"].pk), str(org.kel_b.pk)],
        ["bpsdm", "lt-bpsdm-001", "-", "-"],
    ]
    users = {u.username: u for u in User.objects.filter(username__startswith="lt-")}
    assert {name: users[name].role for name in users} == {
        **{f"lt-staf-00{n}": User.Role.STAFF for n in range(1, 5)},
        "lt-kepala-001": User.Role.HEAD,
        "lt-kepala-002": User.Role.HEAD,
        "lt-bpsdm-001": User.Role.BPSDM,
    }
    assert all(user.check_password(PASSWORD) for user in users.values())


def test_second_run_same_logins_and_previous_briefings_deleted(monkeypatch, people):
    reference_load()
    first = _run(monkeypatch, "--staff", "2", "--heads", "1", "--bpsdm", "1")
    staff = User.objects.get(username="lt-staf-001")
    record_briefing(staff, present=[people["a1"]], started_at=past(3, hour=19))
    record_briefing(staff, present=[people["a1"]], started_at=past(4, hour=19))
    # Someone else's briefing stays.
    other = record_briefing(
        UserFactory(username="staf.a2", employee=people["a3"]),
        present=[people["a3"]],
        started_at=past(3, hour=19),
    )
    assert Activity.objects.count() == 3
    monkeypatch.setenv("LOADTEST_PASSWORD", "another-password-0123")
    out = io.StringIO()
    call_command(
        "loadtest_users", "--staff", "2", "--heads", "1", "--bpsdm", "1", stdout=out
    )
    assert [line.split() for line in out.getvalue().splitlines()] == first
    assert list(Activity.objects.values_list("pk", flat=True)) == [other.pk]
    assert User.objects.filter(username__startswith="lt-").count() == 4
    assert User.objects.get(username="lt-bpsdm-001").check_password(
        "another-password-0123"
    )


def test_more_logins_than_people_gives_what_there_is(monkeypatch, people):
    rows = _run(monkeypatch, "--staff", "50", "--heads", "50", "--bpsdm", "0")
    assert [row[0] for row in rows].count("staf") == 5  # a1 a2 a3 b1 kec1
    assert [row[0] for row in rows].count("kepala") == 3


def test_a_password_is_required(monkeypatch, people):
    monkeypatch.setenv("LOADTEST_PASSWORD", "short")
    with pytest.raises(CommandError, match="LOADTEST_PASSWORD"):
        call_command("loadtest_users", stdout=io.StringIO())
    assert not User.objects.filter(username__startswith="lt-").exists()


def _notice(user, key: str, **fields) -> Notice:
    return Notice.objects.create(
        recipient=user, kind="test", dedupe_key=key, subject="s", body="b", **fields
    )


def _check(since, wait="0") -> str:
    out = io.StringIO()
    call_command(
        "loadtest_check", "--since", since.isoformat(), "--wait", wait, stdout=out
    )
    return out.getvalue()


def test_check_counts_jobs_and_notices_since_the_moment(roles):
    since = timezone.now()
    Export.objects.create(
        kind="people.employees",
        fmt="csv",
        requested_by=roles.bpsdm,
        status="done",
        attempts=2,
        file="exports/test.csv",
    )
    _notice(roles.bpsdm, "a", status="delivered")
    old = _notice(roles.bpsdm, "b")
    Notice.objects.filter(pk=old.pk).update(created_at=since - timedelta(hours=1))
    assert _check(since).splitlines() == [
        "exports   done/2: 1",
        "notices   delivered: 1",
        "channels  none",
        "unfinished 0, failed 0, after 0 s",
    ]


def test_check_fails_while_something_is_unfinished(roles):
    since = timezone.now()
    _notice(roles.bpsdm, "c")
    with pytest.raises(CommandError, match="not every job and notice completed"):
        _check(since)
