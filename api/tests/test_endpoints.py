"""Every endpoint reads with the pages' scoping rule; writes go through the
services. Staff B and head B are the outsiders of kelurahan A."""

import json
from datetime import datetime

import pytest
import time_machine
from django.core.cache import cache

from activities.models import Activity
from activities.tests.factories import past, record_briefing, record_personal
from ledger.models import JPEntry
from ledger.services import jp_credit_set
from people.tests.factories import EmployeeFactory

NOW = "2025-06-16 09:00 +0700"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_employees_follow_the_scoping_rule(org, roles, api):
    own = roles.staff_a.employee.pk
    assert ids(api(roles.staff_a).get("/api/v1/employees/")) == [own]
    head_a = ids(api(roles.head_a).get("/api/v1/employees/"))
    assert sorted(head_a) == sorted([own, roles.head_a.employee.pk])
    everyone = ids(api(roles.bpsdm).get("/api/v1/employees/"))
    assert len(everyone) == 5
    assert api(roles.staff_b).get(f"/api/v1/employees/{own}/").status_code == 404
    assert api(roles.head_b).get(f"/api/v1/employees/{own}/").status_code == 404
    assert api(roles.head_kecamatan).get(f"/api/v1/employees/{own}/").status_code == (
        200
    )


def test_employee_unit_filter_outside_scope_is_404(org, roles, api):
    client = api(roles.head_a)
    assert client.get(f"/api/v1/employees/?unit={org.kel_b.pk}").status_code == 404
    assert client.get("/api/v1/employees/?unit=abc").status_code == 400
    kecamatan = api(roles.head_kecamatan)
    in_b = ids(kecamatan.get(f"/api/v1/employees/?unit={org.kel_b.pk}"))
    assert sorted(in_b) == sorted([roles.staff_b.employee.pk, roles.head_b.employee.pk])


def test_units_follow_the_scoping_rule(org, roles, api):
    assert ids(api(roles.staff_a).get("/api/v1/units/")) == [org.kel_a.pk]
    # in tree order: the kecamatan, then its kelurahan (by path)
    units = ids(api(roles.head_kecamatan).get("/api/v1/units/"))
    assert units[0] == org.kecamatan.pk
    assert sorted(units[1:]) == sorted([org.kel_a.pk, org.kel_b.pk])
    assert api(roles.staff_b).get(f"/api/v1/units/{org.kel_a.pk}/").status_code == 404


@time_machine.travel(NOW)
def test_personal_approach_notes_never_appear(org, roles, api):
    note = "Catatan rahasia tentang beban kerja"
    activity = record_personal(roles.head_a, roles.staff_a.employee, note=note)
    for user in (roles.staff_a, roles.head_a, roles.head_kecamatan, roles.bpsdm):
        client = api(user)
        listing = client.get("/api/v1/activities/")
        detail = client.get(f"/api/v1/activities/{activity.pk}/")
        assert detail.status_code == 200
        assert note not in listing.content.decode()
        assert note not in detail.content.decode()
        assert detail.json()["summary"] == ""
    assert api(roles.staff_b).get(f"/api/v1/activities/{activity.pk}/").status_code == (
        404
    )


@time_machine.travel(NOW)
def test_activity_drafts_are_seen_by_their_recorder_only(roles, api):
    draft = record_briefing(roles.staff_a, present=[roles.staff_a.employee], draft=True)
    assert draft.pk in ids(api(roles.staff_a).get("/api/v1/activities/"))
    assert draft.pk not in ids(api(roles.head_a).get("/api/v1/activities/"))
    assert api(roles.head_a).get(f"/api/v1/activities/{draft.pk}/").status_code == 404


def briefing_body(unit, employees, **extra) -> dict:
    return {
        "unit": unit.pk,
        "started_at": "2025-06-16T07:45:00+07:00",
        "duration_minutes": 10,
        "agenda_kind": "setia_motivation",
        "attendance": [{"employee": e.pk, "status": "present"} for e in employees],
        **extra,
    }


@time_machine.travel(NOW)
def test_staff_records_a_briefing_that_waits_for_the_head(org, roles, api):
    response = api(roles.staff_a, "read_write").post(
        "/api/v1/activities/briefings/",
        briefing_body(org.kel_a, [roles.staff_a.employee], summary="Yel SETIA"),
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    activity = Activity.objects.get(pk=body["id"])
    assert (activity.form.code, activity.status, activity.recorded_by) == (
        "briefing",
        "submitted",
        roles.staff_a,
    )
    assert (body["present_count"], body["summary"], body["status"]) == (
        1,
        "Yel SETIA",
        "submitted",
    )
    assert activity.briefing.agenda_kind == "setia_motivation"


@time_machine.travel(NOW)
def test_head_records_a_verified_briefing_with_chosen_dimensions(org, roles, api):
    response = api(roles.head_a, "read_write").post(
        "/api/v1/activities/briefings/",
        briefing_body(
            org.kel_a,
            [roles.staff_a.employee],
            dimensions=["empati-sosial"],
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "verified"
    assert response.json()["dimensions"] == ["empati-sosial"]


@time_machine.travel(NOW)
def test_briefing_errors_are_400_with_messages(org, roles, api):
    client = api(roles.staff_a, "read_write")
    outside = client.post(
        "/api/v1/activities/briefings/",
        briefing_body(org.kel_b, [roles.staff_b.employee]),
        format="json",
    )
    assert outside.status_code == 400
    assert outside.json() == {
        "unit": ["Unit di luar cakupan Anda."],
        "attendance": ["1 peserta berada di luar cakupan Anda."],
    }
    future = client.post(
        "/api/v1/activities/briefings/",
        briefing_body(
            org.kel_a, [roles.staff_a.employee], started_at="2030-01-01T07:00:00Z"
        ),
        format="json",
    )
    assert future.status_code == 400
    assert list(future.json()) == ["started_at"]
    unknown = client.post(
        "/api/v1/activities/briefings/",
        briefing_body(org.kel_a, [roles.staff_a.employee], dimensions=["nope"]),
        format="json",
    )
    assert unknown.json() == {"dimensions": ["Dimensi tidak dikenal: ['nope']"]}
    assert Activity.objects.count() == 0


def test_bpsdm_and_readonly_tokens_may_not_record(org, roles, api):
    body = briefing_body(org.kel_a, [roles.staff_a.employee])
    for client in (api(roles.bpsdm, "read_write"), api(roles.staff_a, "read")):
        response = client.post("/api/v1/activities/briefings/", body, format="json")
        assert response.status_code == 403
    assert Activity.objects.count() == 0


@time_machine.travel(NOW)
def test_jp_standings_use_the_ledger(org, roles, api):
    employee = roles.staff_a.employee
    jp_credit_set(
        source_key="test:1",
        source="internal",
        occurred_on=datetime(2025, 3, 1).date(),
        description="Briefing",
        credits={employee.pk: 100},
    )
    response = api(roles.staff_a).get("/api/v1/jp-standings/?year=2025")
    assert response.json()["results"] == [
        {
            "employee": employee.pk,
            "name": employee.name,
            "unit": org.kel_a.pk,
            "minutes": "100.00",
            "jp": "2.22",
            "minimum": 20,
            "required": True,
            "percent": 11,
            "missing": "17.78",
            "behind": True,
        }
    ]
    assert api(roles.staff_a).get("/api/v1/jp-standings/?year=2024").json()["results"][
        0
    ]["jp"] == ("0.00")
    assert api(roles.staff_a).get("/api/v1/jp-standings/?year=1").status_code == 400
    entries = api(roles.head_a).get(f"/api/v1/jp-entries/?employee={employee.pk}")
    assert [row["minutes"] for row in entries.json()["results"]] == ["100.00"]
    assert api(roles.staff_b).get("/api/v1/jp-entries/").json() == {
        "next": None,
        "previous": None,
        "results": [],
    }


def _credit(key: str, day: str, credits: dict) -> None:
    jp_credit_set(
        source_key=key,
        source="internal",
        occurred_on=datetime.strptime(day, "%Y-%m-%d").date(),
        description="Briefing",
        credits=credits,
    )


def _follow(client, url: str) -> list[list[int]]:
    """The ids of every page from ``url`` on, following ``next``."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"next", "previous", "results"}  # no total count
        pages.append([row["id"] for row in body["results"]])
        url = body["next"]
    return pages


def test_jp_entries_page_by_cursor_newest_first_and_scoped(org, roles, api):
    a, b = roles.staff_a.employee.pk, roles.staff_b.employee.pk
    # Credited in this order; the days are not the order (an old day credited
    # late comes first: it is the latest credit).
    _credit("test:1", "2025-03-01", {a: 30, b: 30})
    _credit("test:2", "2025-03-01", {a: 45})
    _credit("test:3", "2024-11-05", {a: 60, b: 60})
    _credit("test:4", "2025-05-02", {b: 90})
    newest_first = list(
        JPEntry.objects.order_by("-pk").values_list("pk", "employee_id")
    )
    assert len(newest_first) == 6
    mine = [pk for pk, emp in newest_first if emp == a]

    pages = _follow(api(roles.bpsdm), "/api/v1/jp-entries/?page_size=4")
    assert pages == [
        [pk for pk, __ in newest_first[:4]],
        [pk for pk, __ in newest_first[4:]],
    ]
    assert _follow(api(roles.head_a), "/api/v1/jp-entries/?page_size=2") == [
        mine[:2],
        mine[2:],
    ]
    assert _follow(api(roles.head_kecamatan), "/api/v1/jp-entries/?year=2024") == [
        [
            pk
            for pk, __ in newest_first
            if JPEntry.objects.get(pk=pk).occurred_on.year == 2024
        ]
    ]
    # ``previous`` leads back to the first page.
    client = api(roles.bpsdm)
    second = client.get(client.get("/api/v1/jp-entries/?page_size=4").json()["next"])
    back = client.get(second.json()["previous"]).json()
    assert [row["id"] for row in back["results"]] == [pk for pk, __ in newest_first[:4]]
    assert client.get("/api/v1/jp-entries/?cursor=nonsense").status_code == 404


def test_aggregate_report_is_for_heads_and_up(org, roles, api):
    assert api(roles.staff_a).get("/api/v1/reports/aggregate/").status_code == 403
    head = api(roles.head_a).get("/api/v1/reports/aggregate/")
    assert head.status_code == 200
    assert head.json()["unit"] == org.kel_a.pk
    assert head.json()["employees"] == 2
    outside = api(roles.head_a).get(f"/api/v1/reports/aggregate/?unit={org.kel_b.pk}")
    assert outside.status_code == 404
    bad = api(roles.bpsdm).get("/api/v1/reports/aggregate/?period=2999-Q1")
    assert bad.status_code == 400
    province = api(roles.bpsdm).get("/api/v1/reports/aggregate/").json()
    assert province["unit"] is None
    assert province["employees"] == 5
    assert [row["unit"] for row in province["rows"]] == [org.bpsdm.pk, org.province.pk]


def test_lists_are_paginated(org, roles, api):
    for __ in range(3):
        EmployeeFactory(unit=org.kel_a)
    page = api(roles.head_a).get("/api/v1/employees/?page_size=2").json()
    assert (page["count"], len(page["results"])) == (5, 2)
    assert page["next"].endswith("page=2&page_size=2")
    assert api(roles.head_a).get("/api/v1/employees/?page=9").status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_list_query_counts_do_not_grow(
    org, roles, api, size, django_assert_num_queries
):
    for day in range(size):
        present = [EmployeeFactory(unit=org.kel_a)]
        record_briefing(roles.head_a, present=present, started_at=past(days=day + 1))
    client = api(roles.bpsdm)
    client.get("/api/v1/units/")  # the token's first use is recorded once
    # token, count, page (+ the ledger's sums for the standings)
    with django_assert_num_queries(3):
        client.get("/api/v1/employees/")
    with django_assert_num_queries(5):
        client.get("/api/v1/jp-standings/?year=2025")
    # token, count, page, the dimensions of the page
    with django_assert_num_queries(4):
        client.get("/api/v1/activities/")


def test_throttling_answers_429(roles, api, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import UserRateThrottle

    cache.clear()
    rates = dict(api_settings.DEFAULT_THROTTLE_RATES, user="3/minute")
    UserRateThrottle.THROTTLE_RATES = rates
    try:
        client = api(roles.staff_a)
        codes = [client.get("/api/v1/units/").status_code for __ in range(4)]
    finally:
        UserRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        cache.clear()
    assert codes == [200, 200, 200, 429]


def test_json_only(roles, api):
    response = api(roles.staff_a).get("/api/v1/units/")
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["count"] == 1


@time_machine.travel(NOW)
def test_briefing_roster_is_its_unit_and_others_come_as_named_guests(org, roles, api):
    client = api(roles.head_kecamatan, "read_write")
    body = briefing_body(org.kel_a, [roles.staff_a.employee, roles.staff_b.employee])
    refused = client.post("/api/v1/activities/briefings/", body, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "attendance": [
            "1 peserta bukan pegawai unit ini; tambahkan sebagai tamu bila ikut hadir."
        ]
    }
    assert not Activity.objects.exists()
    body["guests"] = [roles.staff_b.employee.pk]
    accepted = client.post("/api/v1/activities/briefings/", body, format="json")
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["present_count"] == 2
