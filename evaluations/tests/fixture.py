"""A small world built by hand for the effectiveness report: two kelurahan, a
BPSDM program with explicit dimensions (P1), one whose dimensions come from its
form's matrix (P2), three self-development activities (two of one person),
known reaction answers, follow-ups and levels before and after. The expected
figures are computed by hand in ``test_effectiveness``."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from activities.tests.factories import at, record_self_development
from assessments.rollups import intervals_rebuild
from competencies.bootstrap import reference_load
from evaluations.models import Reaction
from evaluations.selectors import ACTIVITY, PROGRAM, follow_up_subject_get_for_user
from evaluations.services import follow_up_record
from people.tests.factories import EmployeeFactory
from programs.services.nominations import nomination_approve, nomination_complete
from programs.tests.factories import NominationFactory, ProgramFactory
from testsupport.province import released_result

YEAR = 2025
# The first test round: in force on 1 January (the form rows' window) and on
# every program's start day (the program rows' window).
BEFORE = date(2024, 12, 10)
AFTER = date(2025, 6, 10)  # the second round: the level now (LatestLevel)

# Levels per employee: (first round, second round), by dimension code.
D1, D2, D4, D6 = (
    "keragaman-budaya",
    "jejaring-sosial",
    "empati-sosial",
    "kepekaan-disabilitas",
)
LEVELS = {
    "a1": ({D1: 2, D2: 2, D4: 1}, {D1: 3, D2: 4, D4: 2}),
    "a2": ({D1: 1, D2: 3, D4: 2}, {D1: 3, D2: 3, D4: 4}),
    "a3": ({}, {D1: 3, D2: 3}),  # no level before: never in a comparison
    "a4": ({D1: 2, D2: 1, D4: 2}, {D1: 2, D2: 2, D4: 3}),
    "a5": ({D1: 3, D2: 3, D4: 3}, {D1: 4, D2: 2, D4: 3}),
    "b1": ({D1: 3, D2: 2}, {D1: 4, D2: 2}),
    "b2": ({D1: 2, D2: 2, D6: 1}, {D1: 3, D2: 2, D6: 2}),
    "b3": ({D6: 2}, {D1: 2, D6: 2}),
}


@dataclass
class Fixture:
    people: dict
    dims: dict
    p1: object
    p2: object
    sd1: object
    sd2: object
    sd3: object


def _participant(program, employee, bpsdm, outcome="completed"):
    nomination = NominationFactory(program=program, employee=employee)
    nomination_approve(nomination_id=nomination.pk, by=bpsdm)
    nomination.refresh_from_db()
    return nomination_complete(
        nomination=nomination,
        by=bpsdm,
        outcome=outcome,
        attendance_percent=100,
        today=program.ends_on,
    )


def _react(employee, answers, **subject):
    relevance, usefulness, facilitator, recommend = answers
    Reaction.objects.create(
        employee=employee,
        relevance=relevance,
        usefulness=usefulness,
        facilitator=facilitator,
        recommend=recommend,
        **subject,
    )


def _follow_up(head, kind, pk, employee, outcomes, dims):
    subject = follow_up_subject_get_for_user(head, kind, pk, employee.pk)
    follow_up_record(
        subject=subject,
        outcomes={dims[code].pk: outcome for code, outcome in outcomes.items()},
        by=head,
    )


@transaction.atomic
def build(org, roles) -> Fixture:
    reference = reference_load()
    dims = reference.dimensions
    forms = reference.forms
    people = {
        name: EmployeeFactory(
            name=name, unit=org.kel_a if name.startswith("a") else org.kel_b
        )
        for name in LEVELS
    }
    for name, (before, after) in LEVELS.items():
        if before:
            released_result(
                people[name], BEFORE, {dims[c]: lv for c, lv in before.items()}
            )
        released_result(people[name], AFTER, {dims[c]: lv for c, lv in after.items()})
    intervals_rebuild()

    p1 = ProgramFactory(
        title="P1 Diklat Komunikasi",
        form=forms["diklat-komunikasi"],
        capacity=10,
        starts_on=date(2025, 3, 3),
        ends_on=date(2025, 3, 7),
        registration_opens_on=date(2025, 1, 1),
        registration_closes_on=date(2025, 2, 20),
    )
    p1.dimensions.set([dims[D1], dims[D2]])
    p2 = ProgramFactory(  # no dimensions of its own: the matrix gives D6
        title="P2 Diklat Disabilitas",
        form=forms["diklat-disabilitas"],
        capacity=10,
        starts_on=date(2025, 4, 7),
        ends_on=date(2025, 4, 9),
        registration_opens_on=date(2025, 1, 1),
        registration_closes_on=date(2025, 3, 20),
    )
    bpsdm = roles.bpsdm
    for name in ("a1", "a2", "a3", "b1"):
        _participant(p1, people[name], bpsdm)
    _participant(p2, people["b2"], bpsdm)
    # Not participants: a rejected request (a4) and a program not finished (a5).
    NominationFactory(
        program=p1,
        employee=people["a4"],
        state="rejected",
        decision_note="Kuota unit penuh.",
    )
    _participant(p2, people["a5"], bpsdm, outcome="not_completed")

    head_a = roles.head_a
    sd1 = record_self_development(
        head_a, employee=people["a4"], started_at=at(date(2025, 5, 5), 13)
    )
    sd2 = record_self_development(
        head_a, employee=people["a5"], started_at=at(date(2025, 5, 6), 13)
    )
    # a4 again: one person in two activities of the form counts once in the
    # level comparison (participations still count twice).
    sd3 = record_self_development(
        head_a, employee=people["a4"], started_at=at(date(2025, 5, 7), 13)
    )
    for activity in (sd1, sd2, sd3):
        activity.dimensions.set([dims[D4]])

    _react(people["a1"], (5, 4, 4, 5), program=p1)
    _react(people["a2"], (4, 4, 3, 5), program=p1)
    _react(people["b1"], (3, 5, 4, 4), program=p1)
    _react(people["b2"], (2, 3, 4, 5), program=p2)
    _react(people["a4"], (4, 4, 4, 4), activity=sd1)
    _react(people["a5"], (5, 5, 5, 3), activity=sd2)

    head_b = roles.head_b
    _follow_up(
        head_a, PROGRAM, p1.pk, people["a1"], {D1: "consistent", D2: "partly"}, dims
    )
    _follow_up(
        head_a, PROGRAM, p1.pk, people["a2"], {D1: "partly", D2: "not_seen"}, dims
    )
    _follow_up(
        head_b, PROGRAM, p1.pk, people["b1"], {D1: "consistent", D2: "consistent"}, dims
    )
    _follow_up(head_b, PROGRAM, p2.pk, people["b2"], {D6: "partly"}, dims)
    _follow_up(head_a, ACTIVITY, sd1.pk, people["a4"], {D4: "consistent"}, dims)
    return Fixture(people=people, dims=dims, p1=p1, p2=p2, sd1=sd1, sd2=sd2, sd3=sd3)


def dec(text: str) -> Decimal:
    return Decimal(text)
