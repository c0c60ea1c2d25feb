"""The permission matrix: every URL pattern of the project, requested (GET) by
every role, answers exactly as the one table declares (``testsupport.urltable``).

A new URL pattern without a row fails the test with "add a row for <name>". The
objects requested (``testsupport/matrix_world.py``) belong to kelurahan A; the
roles of kelurahan B are the outsiders. Writes are tested by each app; here a
POST-only view must refuse a GET with 405 (after the login and role checks that
come first).
"""

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import resolve, reverse

from testsupport.matrix_interop import INTEROP_INSPECTOR_POSTS
from testsupport.urltable import ROLES, TABLE, url_patterns


def test_every_url_pattern_has_a_row():
    patterns = list(url_patterns())
    names = {name for name, __ in patterns}
    problems = [
        f"add a name and a row for the URL pattern {route!r}"
        for name, route in patterns
        if name is None
    ]
    problems += [
        f"add a row for {name}" for name, __ in patterns if name and name not in TABLE
    ]
    problems += [
        f"remove the row for {name} (no such URL)"
        for name in TABLE
        if name not in names
    ]
    assert not problems, "\n".join(problems)


def test_every_url_answers_every_role_as_declared(world, clients, _quiet_refusals):
    login_url = resolve_url(settings.LOGIN_URL)
    problems = []
    for name, route in url_patterns():
        if name not in TABLE:
            problems.append(f"add a row for {name}")
            continue
        build_kwargs, expected = TABLE[name]
        url = reverse(name, kwargs=build_kwargs(world))
        if resolve(url).route != route:
            problems.append(f"{name}: {url} does not resolve to {route!r}")
            continue
        for role in ROLES:
            response = clients[role].get(url)
            status = response.status_code
            if status != expected[role]:
                problems.append(
                    f"{name} {url} as {role}: {status}, expected {expected[role]}"
                )
            elif status == 302:
                to_login = response["Location"].startswith(f"{login_url}?next=")
                if to_login != (role == "anonymous"):
                    problems.append(
                        f"{name} {url} as {role}: redirected to {response['Location']}"
                    )
    assert not problems, "\n".join(problems)


# POSTs the inspectorate may make, with the answer: none changes a record.
INSPECTOR_POSTS = {
    "logout": 302,  # signing out
    "notices:read_all": 302,  # marking one's own notices read
    "surveys:follow_ups": 403,  # the page reads; adding an action there writes
    "multirater:raters": 403,  # the page reads; adding a rater there writes
    "reports:province_export": 302,  # an export only reads
    # A POST to a large export's URL asks for it as a background job (it reads).
    "people:employee_export": 302,
    "activities:export": 302,
    "ledger:unit_export": 302,
    "reports:unit_export": 302,
    # Only the employee takes their own test: for anyone else it is not there.
    "assessments:start": 404,
    "assessments:answer": 404,
    "assessments:page_save": 404,
    "assessments:submit": 404,
    # A read page whose POST recomputes: reading yes, recomputing no.
    "assessments:instrument_analysis": 403,
    **INTEROP_INSPECTOR_POSTS,
}


def _writes(expected: dict[str, int]) -> bool:
    """A page the inspectorate may not use (403) or a POST-only action (405)."""
    return expected["inspector"] in {403, 405}


def test_the_inspectorate_changes_nothing(world, roles, clients, _quiet_refusals):
    """Every write URL of the table, POSTed by the inspectorate, answers 403 (a
    form page, a decision, an upload, a deletion …), never a success or a server
    error; a read page answers the POST as it answers a GET."""
    problems = []
    client = clients["inspector"]
    for name, (build_kwargs, expected) in TABLE.items():
        url = reverse(name, kwargs=build_kwargs(world))
        client.force_login(roles.inspector)  # "logout" signs out
        status = client.post(url, {}).status_code
        if name in INSPECTOR_POSTS:
            wanted = INSPECTOR_POSTS[name]
        elif _writes(expected):
            wanted = 403
        else:  # a read page answers a POST as a GET, or refuses it
            wanted = expected["inspector"]
            if status == 405:
                continue
        if status != wanted:
            problems.append(f"POST {name} {url} as inspector: {status}, not {wanted}")
    assert not problems, "\n".join(problems)
