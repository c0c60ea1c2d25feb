from datetime import date

import pytest

from people.tests.factories import EmployeeFactory
from surveys.followups import follow_up_create, follow_up_update, publication_create
from surveys.models import FollowUp
from surveys.tests.factories import import_survey, report_survey


@pytest.fixture
def surveys(org):
    """Kelurahan A (computed, short sample), kelurahan B and the kecamatan
    (reported, Table 2's KEC column) in 2018Q4."""
    rows = [[4, 3, 3, 4, 3, 3, 4, 2, 3], [3, 3, 2, 4, 3, 4, 4, 2, 3]]
    return {
        "a": import_survey(org.kel_a, "2018Q4", rows=rows, population=60),
        "b": import_survey(org.kel_b, "2018Q4", rows=[[4] * 9]),
        "kec": report_survey(
            org.kecamatan,
            "2018Q4",
            total="84.98",
            scores=[
                "91.15",
                "88.61",
                "89.1",
                "84.51",
                "81.07",
                "78.36",
                "78.03",
                "75.25",
                "73.77",
            ],
        ),
    }


def _act(survey, order, by, owner, done_on=None):
    element = survey.element_set.elements.get(order=order)
    follow_up = follow_up_create(
        survey=survey,
        element=element,
        action=f"Perbaikan unsur {order}",
        owner=owner,
        due_on=date(2019, 3, 31),
        by=by,
    )
    if done_on:
        follow_up_update(
            follow_up=follow_up,
            status=FollowUp.Status.DONE,
            done_on=done_on,
            evidence="Notulen",
            by=by,
        )
    return follow_up


@pytest.fixture
def quarters(org, roles, surveys):
    """The PEKPPP fixture computed by hand (``test_pekppp``): follow-ups and
    publications of the kecamatan in 2018Q4 and 2019Q1 and of kelurahan A in
    2018Q4."""
    head = roles.head_kecamatan
    owner = EmployeeFactory(unit=org.kecamatan)
    kec_q4 = surveys["kec"]  # elements 8 (75.25) and 9 (73.77) are weak
    _act(kec_q4, 8, head, owner, date(2019, 1, 10))
    _act(kec_q4, 8, head, owner, date(2019, 1, 5))
    _act(kec_q4, 9, head, owner)
    _act(kec_q4, 1, head, owner, date(2019, 1, 2))
    for channel, day in (("website", 3), ("board", 4), ("website", 9)):
        publication_create(
            survey=kec_q4, channel=channel, published_on=date(2019, 1, day), by=head
        )
    kec_q1 = report_survey(
        org.kecamatan,
        "2019Q1",
        total="83.00",
        scores=["80", "81", "82", "83", "84", "85", "86", "87", "79.5"],
    )
    _act(kec_q1, 9, head, owner, date(2019, 3, 20))  # within the quarter: 0 days
    # Kelurahan A 2018Q4 (computed): elements 2, 3, 5, 8, 9 below 76.61.
    _act(surveys["a"], 3, head, roles.staff_a.employee, date(2019, 2, 9))
    return kec_q4, kec_q1
