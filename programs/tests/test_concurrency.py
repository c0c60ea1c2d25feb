"""Capacity under concurrent approvals: a database guarantee (row lock on the
program), so it is exercised on PostgreSQL with real parallel transactions."""

import pytest
from django.db import connection

from people.tests.factories import EmployeeFactory
from programs.models import Nomination
from programs.services import CapacityFull, nomination_approve, nomination_withdraw
from programs.tests.factories import NominationFactory, ProgramFactory
from testsupport import in_parallel

pytestmark = pytest.mark.django_db(transaction=True)


def _require_postgres():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises all "
            "writers, so SELECT … FOR UPDATE under parallel transactions cannot be "
            "exercised there"
        )


def test_concurrent_approvals_approve_exactly_capacity(transactional_db, org, roles):
    _require_postgres()
    capacity, parallel = 3, 8
    program = ProgramFactory(capacity=capacity)
    nominations = [
        NominationFactory(program=program, employee=EmployeeFactory(unit=org.kel_a))
        for __ in range(parallel)
    ]
    results = in_parallel(
        [
            (lambda pk=n.pk: nomination_approve(nomination_id=pk, by=roles.bpsdm))
            for n in nominations
        ]
    )
    approved = [r for r in results if isinstance(r, Nomination)]
    refused = [r for r in results if isinstance(r, CapacityFull)]
    assert (len(approved), len(refused)) == (capacity, parallel - capacity)
    assert program.nominations.filter(state="approved").count() == capacity


def test_concurrent_withdrawal_and_approval_keep_capacity(transactional_db, org, roles):
    """A seat freed by a withdrawal goes to the wait list, while new approvals
    race for it: still never more than capacity."""
    _require_postgres()
    program = ProgramFactory(capacity=2)
    staff = [EmployeeFactory(unit=org.kel_a) for __ in range(6)]
    seated = [NominationFactory(program=program, employee=e) for e in staff[:2]]
    for n in seated:
        nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    waiting = NominationFactory(program=program, employee=staff[2])
    nomination_approve(nomination_id=waiting.pk, by=roles.bpsdm, waitlist_if_full=True)
    racers = [NominationFactory(program=program, employee=e) for e in staff[3:]]
    in_parallel(
        [lambda: nomination_withdraw(nomination_id=seated[0].pk, by=roles.bpsdm)]
        + [
            (lambda pk=n.pk: nomination_approve(nomination_id=pk, by=roles.bpsdm))
            for n in racers
        ]
    )
    assert program.nominations.filter(state="approved").count() == 2
