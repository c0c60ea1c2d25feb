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
