"""The trail as people read it: named actions, a before → after row per field in
local time, select filters (date range, actor, unit, kind) and SQL pagination."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from audit.labels import changes
from audit.models import AuditEvent
from audit.services import audit_record
from multirater.tests.factories import open_round
from people.tests.factories import UserFactory
from programs.tests.factories import NominationFactory

pytestmark = pytest.mark.django_db


def test_trail_names_the_action_and_tabulates_each_field(roles, login):
    nomination = NominationFactory(employee=roles.staff_a.employee)
    audit_record(
        actor=roles.bpsdm,
        action="nomination.waitlisted",
        target=nomination,
        before={"state": "nominated"},
        after={"state": "waitlisted", "decided_at": "2026-12-02T07:05:00+00:00"},
    )
    response = login(roles.bpsdm).get("/audit/")
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert (row["action"], row["kind"]) == (
        "Nominasi masuk daftar tunggu",
        "Usulan peserta",
    )
    assert [(c.label, c.before, c.after) for c in row["changes"]] == [
        ("Status", "Diusulkan kepala unit", "Daftar tunggu"),
        ("Diputuskan", "—", "2 Des 2026 14.05"),  # 07:05 UTC is 14.05 WIB
    ]
    html = response.content.decode()
    assert "<strong>Nominasi masuk daftar tunggu</strong>" in html
    assert "<code>nomination.waitlisted</code>" not in html
    assert "{&#x27;state&#x27;" not in html


def test_trail_in_english_when_switched(roles, login):
    audit_record(actor=roles.admin, action="standard.create", target=roles.staff_a)
    client = login(roles.bpsdm)
    client.cookies["django_language"] = "en"
    [row] = client.get("/audit/").context["rows"]
    assert row["action"] == "Competency standard created"


def test_changes_of_a_plain_value_and_of_nothing(roles):
    event = audit_record(actor=None, action="x.y", target=roles.staff_a)
    assert changes(event) == []


def test_changes_keep_the_capitals_of_a_field_label(roles):
    nomination = NominationFactory(employee=roles.staff_a.employee)
    event = audit_record(
        actor=roles.bpsdm,
        action="nomination.complete",
        target=nomination,
        after={"certificate_number": "STTPP/1", "attendance_percent": 100},
    )
    assert [(c.label, c.before, c.after) for c in changes(event)] == [
        ("Nomor STTPP", "—", "STTPP/1"),
        ("Kehadiran (%)", "—", "100"),
    ]


def test_trail_filters_by_kind_actor_unit_and_dates(org, roles, login):
    nomination = NominationFactory(employee=roles.staff_a.employee)
    by_head = audit_record(
        actor=roles.head_a, action="nomination.nominated", target=nomination
    )
    by_bpsdm = audit_record(
        actor=roles.bpsdm, action="nomination.approved", target=nomination
    )
    standard = audit_record(
        actor=roles.admin, action="standard.create", target=roles.staff_a
    )
    AuditEvent.objects.filter(pk=standard.pk).update(
        at=datetime(2026, 1, 5, 23, 30, tzinfo=ZoneInfo("UTC"))  # 6 Jan in WIB
    )
    client = login(roles.bpsdm)

    def shown(query: str) -> list[int]:
        response = client.get(f"/audit/?{query}")
        assert response.status_code == 200
        return [row["event"].pk for row in response.context["rows"]]

    assert shown("target_type=programs.nomination") == [by_bpsdm.pk, by_head.pk]
    assert shown("actor=KEPALA.A") == [by_head.pk]
    assert shown(f"unit={org.kecamatan.pk}") == [by_head.pk]
    assert shown(f"unit={org.kel_b.pk}") == []
    assert shown("start=2026-01-06&end=2026-01-06") == [standard.pk]
    assert shown("action=nomination.approved") == [by_bpsdm.pk]


def test_trail_refuses_unknown_filter_values_with_a_message(roles, login):
    response = login(roles.bpsdm).get("/audit/?action=drop.table&unit=999999")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"action", "unit"}


def test_trail_pages_in_sql_at_two_sizes(roles, login, django_assert_num_queries):
    client = login(roles.bpsdm)
    for size in (3, 60):
        AuditEvent.objects.all().delete()
        for _i in range(size):
            audit_record(
                actor=roles.admin, action="standard.update", target=roles.staff_a
            )
        # the same number whatever the size: the page is one LIMIT query
        with django_assert_num_queries(7):
            response = client.get("/audit/")
        assert len(response.context["rows"]) == min(size, 25)


def test_trail_refuses_heads_staff_and_strangers(roles, login, client):
    assert client.get("/audit/").status_code == 302
    assert login(roles.head_a).get("/audit/").status_code == 403
    assert login(roles.staff_a).get("/audit/pelaku/?actor=ke").status_code == 403


def test_actor_type_ahead_suggests_a_few_logins(roles, login):
    for i in range(25):
        UserFactory(username=f"kepala.x{i:02d}")
    client = login(roles.bpsdm)
    assert client.get("/audit/pelaku/?actor=k").context["users"].count() == 0
    response = client.get("/audit/pelaku/?actor=kepala.a")
    assert response.status_code == 200
    assert [u.username for u in response.context["users"]] == ["kepala.a"]
    many = client.get("/audit/pelaku/?actor=kepala.x").context["users"]
    assert len(many) == 20


def test_changes_name_a_reverse_relation_by_its_key(roles):
    """An event that notes a count under a reverse relation's name (a round's
    ``responses``) is tabulated under that name, never a server error."""
    round_ = open_round(roles.head_a.employee.unit, roles.head_a)
    event = audit_record(
        actor=roles.bpsdm,
        action="round.close",
        target=round_,
        before={"status": "open"},
        after={"status": "closed", "responses": 12},
    )
    rows = [(c.before, c.after) for c in changes(event)]
    assert rows[-1] == ("—", "12")
    assert changes(event)[-1].label == "responses"
