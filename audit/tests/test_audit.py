from datetime import date
from decimal import Decimal

import pytest

from audit.models import AuditEvent
from audit.services import audit_record, snapshot

pytestmark = pytest.mark.django_db


def test_audit_record_stores_before_and_after(roles, org):
    employee = roles.staff_a.employee
    event = audit_record(
        actor=roles.head_a,
        action="employee.update",
        target=employee,
        before={"placed_on": date(2020, 1, 6), "jp": Decimal("2.22")},
        after=snapshot(employee, ["name", "unit", "placed_on"]),
        note="koreksi",
    )
    event.refresh_from_db()
    assert event.actor == roles.head_a
    assert event.target_type == "people.employee"
    assert event.target_id == str(employee.pk)
    assert event.before == {"placed_on": "2020-01-06", "jp": "2.22"}
    assert event.after == {
        "name": employee.name,
        "unit": org.kel_a.pk,
        "placed_on": "2020-01-06",
    }


def test_audit_page_only_for_bpsdm_and_admin(roles, login):
    audit_record(actor=roles.admin, action="x.y", target=roles.staff_a.employee)
    assert login(roles.bpsdm).get("/audit/").status_code == 200
    assert login(roles.admin).get("/audit/").status_code == 200
    assert login(roles.head_a).get("/audit/").status_code == 403
    assert login(roles.staff_a).get("/audit/").status_code == 403


def test_audit_page_filters(roles, login):
    audit_record(actor=roles.admin, action="standard.create", target=roles.staff_a)
    audit_record(actor=roles.bpsdm, action="nomination.approve", target=roles.staff_b)
    response = login(roles.bpsdm).get("/audit/?action=standard.create")
    assert [row["event"].action for row in response.context["rows"]] == [
        "standard.create"
    ]
    assert AuditEvent.objects.count() == 2


def test_audit_page_query_count(roles, login, django_assert_max_num_queries):
    for i in range(20):
        audit_record(actor=roles.admin, action=f"a.{i}", target=roles.staff_a)
    client = login(roles.admin)
    with django_assert_max_num_queries(8):
        assert client.get("/audit/").status_code == 200


def test_trail_ordering_newest_first(roles):
    first = audit_record(actor=roles.admin, action="a.1", target=roles.staff_a)
    second = audit_record(actor=roles.admin, action="a.2", target=roles.staff_a)
    assert list(AuditEvent.objects.all()) == [second, first]
