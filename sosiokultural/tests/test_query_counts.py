"""Every URL pattern of the permission matrix costs the same number of queries
whatever the size of the data: each URL of the matrix's table (same objects,
same URLs) is requested by every role that may open it (200, or a redirect that
is not to the login page), once with the world plus one more of every kind of
row (``matrix_growth``) and once with eleven more, and the two counts must be
equal. A page that loops over rows in Python (one query per employee, unit,
activity …) fails here.

Pages that still grow are listed in ``KNOWN_UNBOUNDED`` with the counts measured
at both sizes, so they stay visible: the test also fails when one of them stops
growing (remove it from the list) or when any other page starts to.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from sosiokultural.tests.matrix_growth import grow
from testsupport.urltable import ROLES, TABLE, url_patterns

pytestmark = pytest.mark.django_db

SMALL, LARGE = 1, 11  # more rows of every kind per kelurahan, on top of the world

# {(url name, role): (queries at SMALL, queries at LARGE)}: pages whose query
# count still grows with the data, as measured on SQLite. Each is a bug to fix;
# fixing one makes this test fail until its line is removed.
KNOWN_UNBOUNDED: dict[tuple[str, str], tuple[int, int]] = {
    # None today. A page listed here as (name, role): (queries at the small size,
    # queries at the large one) is allowed to grow until it is fixed.
}


def _requests(world) -> tuple[list[tuple[str, str, list[str]]], list[str]]:
    """[(name, url, roles that may open it)] for every pattern, and the problems
    (a pattern without a row, a row whose URL resolves elsewhere)."""
    requests, problems = [], []
    for name, route in url_patterns():
        if name not in TABLE:
            problems.append(f"add a row for {name} to the permission matrix")
            continue
        build_kwargs, expected = TABLE[name]
        url = reverse(name, kwargs=build_kwargs(world))
        if resolve(url).route != route:
            problems.append(f"{name}: {url} does not resolve to {route!r}")
            continue
        allowed = [
            role
            for role in ROLES
            if expected[role] == 200 or (expected[role] == 302 and role != "anonymous")
        ]
        requests.append((name, url, allowed))
    return requests, problems


def _measure(clients, requests) -> dict[tuple[str, str], tuple[int, int]]:
    """{(name, role): (status, queries)}, a streamed body read to its end (its
    queries run while it is read)."""
    out = {}
    for name, url, allowed in requests:
        for role in allowed:
            # The log keeps the last 9,000 queries only: empty it, or a full log
            # would count 0.
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                response = clients[role].get(url)
                if response.streaming:
                    for __ in response.streaming_content:
                        pass
            out[name, role] = (response.status_code, len(queries))
    return out


def test_every_url_pattern_is_measured(world):
    requests, problems = _requests(world)
    assert not problems, "\n".join(problems)
    assert {name for name, __, __ in requests} == {name for name, __ in url_patterns()}


def test_every_url_costs_the_same_queries_at_two_sizes(
    org, roles, world, clients, _quiet_refusals
):
    grow(world, org, roles, SMALL)
    requests, problems = _requests(world)
    # The first request of a page may fill caches or make its object once
    # (a certificate issued, a notice read): count from the second.
    _measure(clients, requests)
    small = _measure(clients, requests)
    grow(world, org, roles, LARGE - SMALL)
    large = _measure(clients, requests)

    measured = {}
    for key, (status, queries) in small.items():
        status_large, queries_large = large[key]
        if status != status_large:
            problems.append(f"{key}: status {status} then {status_large}")
        measured[key] = (queries, queries_large)
    growing = {
        key: counts for key, counts in measured.items() if counts[0] != counts[1]
    }
    problems += [
        f"{name} as {role}: {a} queries with {SMALL} more rows, {b} with {LARGE}"
        for (name, role), (a, b) in sorted(growing.items())
        if (name, role) not in KNOWN_UNBOUNDED
    ]
    problems += [
        f"{name} as {role} no longer grows ({measured.get((name, role))}): "
        "remove it from KNOWN_UNBOUNDED"
        for name, role in sorted(KNOWN_UNBOUNDED)
        if (name, role) not in growing
    ]
    assert not problems, "\n".join(problems)
