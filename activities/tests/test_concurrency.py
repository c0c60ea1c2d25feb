"""Two heads deciding on the same submitted activity at the same moment: the row
lock on the activity lets exactly one decision through, so JP is credited once.
Exercised on PostgreSQL with real parallel transactions."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from activities.models import Activity
from activities.services import activity_reject, activity_verify
from activities.tests.factories import record_briefing
from ledger.models import JPEntry
from people.tests.factories import EmployeeFactory
from testsupport import in_parallel

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_heads_deciding_at_once_only_one_wins(transactional_db, roles):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite serialises all writers, so SELECT … FOR UPDATE "
            "under parallel transactions cannot be exercised there"
        )
    from competencies.bootstrap import reference_load

    reference_load()
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    results = in_parallel(
        [
            lambda: activity_verify(activity=activity, verifier=roles.head_a),
            lambda: activity_verify(activity=activity, verifier=roles.head_kecamatan),
            lambda: activity_reject(
                activity=activity, verifier=roles.head_a, reason="Tidak lengkap"
            ),
        ]
    )
    decided = [r for r in results if isinstance(r, Activity)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert (len(decided), len(refused)) == (1, 2)
    assert refused[0].messages == ["Kegiatan ini tidak sedang menunggu verifikasi."]
    activity.refresh_from_db()
    expected_entries = 1 if activity.status == Activity.Status.VERIFIED else 0
    assert JPEntry.objects.filter(source_key=f"activity:{activity.pk}").count() == (
        expected_entries
    )


def test_one_briefing_sent_three_times_at_once_is_recorded_once(
    transactional_db, roles, org
):
    """A phone's outbox and a second tap crossing: the client key lets one
    recording through and hands the others the same activity."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: parallel transactions (see above)")
    import uuid

    from activities.services import activity_record
    from activities.tests.factories import form, past
    from competencies.bootstrap import reference_load

    reference_load()
    key = uuid.uuid4()
    started_at = past()

    def send():
        return activity_record(
            recorder=roles.head_a,
            form=form("briefing"),
            unit=org.kel_a,
            started_at=started_at,
            duration_minutes=10,
            attendance={roles.staff_a.employee.pk: "present"},
            detail={"agenda_kind": "setia_motivation"},
            client_key=key,
        )

    results = in_parallel([send, send, send])
    assert {r.pk for r in results if isinstance(r, Activity)} == {
        Activity.objects.get().pk
    }
    assert all(isinstance(r, Activity) for r in results), results
    assert JPEntry.objects.count() == 1


def test_two_colleagues_recording_at_once_do_not_deadlock(
    transactional_db, roles, org, monkeypatch
):
    """Two staff of one unit record a briefing at the same moment, each present
    and the other on the roster as absent. Each recording locks its present
    attendee for the overlap check, and each inserts an attendance row of the
    other, whose foreign-key check takes a key-share lock on that employee at
    commit: a plain FOR UPDATE there made PostgreSQL abort one of them with a
    deadlock (a 500 under the load test), and so did locking the present
    attendee first and the others later (the attendee-unit roll-up locks every
    attendee). Each recording now locks all its attendees at once, in id order,
    so the second waits for the first. The barrier lets both reach the point
    after their lock if they can (the interleaving that deadlocked); when the
    second is held at the lock, the first goes on after a short wait."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: parallel transactions (see above)")
    import contextlib
    import threading

    from activities.services import recording
    from activities.tests.factories import past
    from competencies.bootstrap import reference_load
    from people.tests.factories import UserFactory

    reference_load()
    colleague = UserFactory(
        username="staf.a2", employee=EmployeeFactory(unit=org.kel_a)
    )
    both_locked = threading.Barrier(2)
    real = recording.overlapping_attendances

    def after_both_locked(**kwargs):
        # Broken: the other recording waits for our lock (no interleaving).
        with contextlib.suppress(threading.BrokenBarrierError):
            both_locked.wait(timeout=3)
        return real(**kwargs)

    monkeypatch.setattr(recording, "overlapping_attendances", after_both_locked)
    me, other = roles.staff_a.employee, colleague.employee

    def record(user, present, absent, hour):
        return record_briefing(
            user, present=[present], absent=[absent], started_at=past(2, hour=hour)
        )

    results = in_parallel(
        [
            lambda: record(roles.staff_a, me, other, 19),
            lambda: record(colleague, other, me, 20),
        ]
    )
    assert all(isinstance(r, Activity) for r in results), results
    assert Activity.objects.count() == 2
