"""The dashboard of every role reads a fixed number of queries whatever the data
size: every count and sum of its cards is computed in the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.tests.factories import past, record_briefing, roster
from competencies.bootstrap import reference_load

ROLES = ("staff_a", "head_a", "head_kecamatan", "bpsdm", "admin", "inspector")


def _counts(clients) -> dict[str, int]:
    counts = {}
    for name, client in clients.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        counts[name] = len(queries.captured_queries)
    return counts


@pytest.fixture
def framework(db):
    return reference_load()


def test_dashboard_queries_do_not_grow_with_the_data(framework, roles, org, login):
    clients = {name: login(getattr(roles, name)) for name in ROLES}
    record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    _counts(clients)  # warm the per-process caches (standard, dimensions)
    small = _counts(clients)
    people = roster(org.kel_a, 6) + roster(org.kel_b, 6)
    for day in range(2, 7):
        record_briefing(roles.staff_a, present=people[:6], started_at=past(day))
        record_briefing(roles.head_b, present=people[6:], started_at=past(day))
    assert _counts(clients) == small
