"""Nobody decides about their own nomination: a BPSDM admin (or administrator)
with an employee record neither approves, wait-lists or rejects it nor records
its outcome; another one does. The inspectorate reads and decides nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from people.permissions import can
from people.tests.factories import EmployeeFactory
from programs.models import Nomination
from programs.permissions import COMPLETE_NOMINATION, DECIDE_NOMINATION, WITHDRAW
from programs.services import nomination_approve, nomination_complete
from programs.tests.factories import NominationFactory, past_program


@pytest.fixture
def own(org, roles, program):
    """A nomination of the BPSDM admin's own employee record."""
    employee = EmployeeFactory(unit=org.bpsdm, user=roles.bpsdm)
    return NominationFactory(program=program, employee=employee)


def test_bpsdm_does_not_decide_its_own_nomination(login, roles, own):
    client = login(roles.bpsdm)
    assert [n.pk for n in client.get("/program/antrean/").context["page"]] == []
    for action in ("setujui", "tunggu", "tolak"):
        url = f"/program/usulan/{own.pk}/{action}/"
        assert client.post(url, {"note": "Sendiri"}).status_code == 403
    own.refresh_from_db()
    assert own.state == Nomination.State.NOMINATED
    page = client.get(f"/program/usulan/{own.pk}/")
    assert f"/program/usulan/{own.pk}/setujui/" not in page.content.decode()
    with pytest.raises(PermissionDenied):
        nomination_approve(nomination_id=own.pk, by=roles.bpsdm)
    # The administrator decides it.
    assert can(roles.admin, DECIDE_NOMINATION, own)
    queue = login(roles.admin).get("/program/antrean/")
    assert [n.pk for n in queue.context["page"]] == [own.pk]
    assert login(roles.admin).post(
        f"/program/usulan/{own.pk}/setujui/"
    ).status_code == (302)
    own.refresh_from_db()
    assert (own.state, own.decided_by) == (Nomination.State.APPROVED, roles.admin)


def test_bpsdm_does_not_record_the_outcome_of_its_own_nomination(org, roles):
    employee = EmployeeFactory(unit=org.bpsdm, user=roles.bpsdm)
    own = NominationFactory(program=past_program(), employee=employee)
    nomination_approve(nomination_id=own.pk, by=roles.admin)
    assert not can(roles.bpsdm, COMPLETE_NOMINATION, own)
    with pytest.raises(PermissionDenied):
        nomination_complete(
            nomination=own, by=roles.bpsdm, outcome="completed", attendance_percent=100
        )
    nomination_complete(
        nomination=own, by=roles.admin, outcome="completed", attendance_percent=100
    )
    own.refresh_from_db()
    assert own.completed_by == roles.admin


def test_the_inspectorate_sees_nominations_and_decides_nothing(login, roles, program):
    nomination = NominationFactory(program=program, employee=roles.staff_a.employee)
    client = login(roles.inspector)
    assert client.get(f"/program/usulan/{nomination.pk}/").status_code == 200
    assert client.get("/program/antrean/").status_code == 403
    assert not can(roles.inspector, WITHDRAW, nomination)
    url = f"/program/usulan/{nomination.pk}/tarik/"
    assert client.post(url).status_code == 403
    nomination.refresh_from_db()
    assert nomination.state == Nomination.State.NOMINATED
