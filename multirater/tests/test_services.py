import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from multirater.assignments import PEER_LIMIT, STAFF_LIMIT
from multirater.models import Assignment, Rating, Relation, Response, Round
from multirater.services import (
    assignment_add,
    assignment_remove,
    round_close,
)
from multirater.tests.factories import SELF, answer, colleague, open_round
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _pairs(round_, relation):
    return set(
        round_.assignments.filter(relation=relation).values_list("ratee", "rater")
    )


def test_round_opens_with_default_raters(org, roles):
    a = roles.staff_a.employee
    others = [colleague(org.kel_a, f"P{i}").pk for i in range(6)]
    head_a = roles.head_a.employee
    round_ = open_round(org.kecamatan, roles.bpsdm)
    kel_a_staff = sorted([a.pk, *others])
    # Everyone active of the kecamatan and both kelurahan rates themselves.
    assert {r for r, __ in _pairs(round_, Relation.SELF)} == {
        a.pk,
        *others,
        head_a.pk,
        roles.head_b.employee.pk,
        roles.staff_b.employee.pk,
        roles.head_kecamatan.employee.pk,
    }
    heads = dict(_pairs(round_, Relation.HEAD))
    assert heads[a.pk] == head_a.pk  # their unit's head
    assert heads[head_a.pk] == roles.head_kecamatan.employee.pk  # the head above
    assert roles.head_kecamatan.employee.pk not in heads  # nobody above in the round
    # Peers: the next four of the unit by id, wrapping round; never a head.
    peers = _pairs(round_, Relation.PEER)
    n = len(kel_a_staff)
    expected = {
        (kel_a_staff[i], kel_a_staff[(i + k) % n])
        for i in range(n)
        for k in range(1, PEER_LIMIT + 1)
    }
    assert {p for p in peers if p[0] in kel_a_staff} == expected
    assert all(r != head_a.pk for __, r in peers)
    # Staff of head A: the first six non-heads of kelurahan A by id.
    staff = {r for h, r in _pairs(round_, Relation.STAFF) if h == head_a.pk}
    assert staff == set(kel_a_staff[:STAFF_LIMIT])
    # Kelurahan B has one non-head: no peers, one staff rater for head B.
    assert {
        r for h, r in _pairs(round_, Relation.STAFF) if h == roles.head_b.employee.pk
    } == {roles.staff_b.employee.pk}
    assert round_.status == Round.Status.OPEN


def test_inactive_employees_are_not_rated_nor_raters(org, roles):
    gone = EmployeeFactory(unit=org.kel_a, is_active=False)
    round_ = open_round(org.kel_a, roles.bpsdm)
    assert not round_.assignments.filter(ratee=gone).exists()
    assert not round_.assignments.filter(rater=gone).exists()


def test_threshold_below_three_is_refused_by_validation_and_database(org, roles):
    with pytest.raises(ValidationError) as error:
        open_round(org.kel_a, roles.bpsdm, threshold=2)
    assert "min_responses" in error.value.error_dict
    assert Round.objects.count() == 0  # nothing written
    round_ = open_round(org.kel_a, roles.bpsdm)
    with pytest.raises(IntegrityError), transaction.atomic():
        Round.objects.filter(pk=round_.pk).update(min_responses=2)


def test_raters_are_added_and_removed_while_open(org, roles):
    round_ = open_round(org.kel_a, roles.bpsdm)
    ratee = roles.staff_a.employee
    guest = roles.staff_b.employee
    added = assignment_add(
        round_=round_, ratee=ratee, rater=guest, relation=Relation.PEER, by=roles.head_a
    )
    assert (added.rater, added.relation, added.done) == (guest, "peer", False)
    with pytest.raises(ValidationError, match="sudah menjadi penilai"):
        assignment_add(
            round_=round_, ratee=ratee, rater=guest, relation="staff", by=roles.head_a
        )
    with pytest.raises(ValidationError):
        assignment_add(
            round_=round_, ratee=ratee, rater=ratee, relation="peer", by=roles.head_a
        )
    with pytest.raises(ValidationError):
        assignment_add(
            round_=round_, ratee=ratee, rater=guest, relation="self", by=roles.head_a
        )
    assignment_remove(assignment=added, by=roles.head_a)
    assert not Assignment.objects.filter(pk=added.pk).exists()
    own = round_.assignments.get(ratee=ratee, relation=Relation.SELF)
    with pytest.raises(ValidationError):
        assignment_remove(assignment=own, by=roles.head_a)


def test_a_rater_who_answered_cannot_be_removed(org, roles):
    round_ = open_round(org.kel_a, roles.bpsdm)
    ratee = roles.staff_a.employee
    head = round_.assignments.get(ratee=ratee, relation=Relation.HEAD)
    answer(head, SELF)
    with pytest.raises(ValidationError, match="sudah mengisi"):
        assignment_remove(assignment=head, by=roles.bpsdm)


def test_an_answer_is_stored_without_its_rater(org, roles):
    round_ = open_round(org.kel_a, roles.bpsdm)
    ratee = roles.staff_a.employee
    head = round_.assignments.get(ratee=ratee, relation=Relation.HEAD)
    response = answer(head, [1, 2, 3, 4, 5, 1], "  Baik  ")
    head.refresh_from_db()
    assert head.done is True
    assert (response.ratee, response.relation, response.comment) == (
        ratee,
        "head",
        "Baik",
    )
    assert sorted(
        Rating.objects.filter(response=response).values_list("level", flat=True)
    ) == [
        1,
        1,
        2,
        3,
        4,
        5,
    ]
    fields = {f.name for f in Response._meta.get_fields()}
    assert fields == {"id", "round", "ratee", "relation", "comment", "ratings"}


def test_rating_is_validated(org, roles):
    round_ = open_round(org.kel_a, roles.bpsdm)
    own = round_.assignments.get(ratee=roles.staff_a.employee, relation=Relation.SELF)
    with pytest.raises(ValidationError) as error:
        answer(own, [1, 2, 3, 4, 5, 6])
    assert len(error.value.error_dict) == 1
    with pytest.raises(ValidationError):
        answer(own, [1, 2, 3, 4, 5, 0])
    assert Response.objects.count() == 0
    # Only the rater answers, and only once.
    from multirater.services import response_submit

    with pytest.raises(ValidationError, match="Hanya penilai"):
        response_submit(assignment=own, levels={}, comment="", by=roles.head_a)
    answer(own, SELF)
    with pytest.raises(ValidationError, match="sudah dikirim"):
        answer(own, SELF)
    assert Response.objects.count() == 1


def test_closing_freezes_the_round(org, roles):
    round_ = open_round(org.kel_a, roles.bpsdm)
    ratee = roles.staff_a.employee
    own = round_.assignments.get(ratee=ratee, relation=Relation.SELF)
    peer = round_.assignments.get(ratee=ratee, relation=Relation.HEAD)
    closed = round_close(round_=round_, by=roles.head_a)
    assert closed.status == "closed" and closed.closed_at is not None
    with pytest.raises(ValidationError, match="ditutup"):
        answer(own, SELF)
    with pytest.raises(ValidationError, match="ditutup"):
        assignment_remove(assignment=peer, by=roles.bpsdm)
    with pytest.raises(ValidationError, match="ditutup"):
        assignment_add(
            round_=round_,
            ratee=ratee,
            rater=roles.staff_b.employee,
            relation="peer",
            by=roles.bpsdm,
        )
    with pytest.raises(ValidationError, match="ditutup"):
        round_close(round_=round_, by=roles.bpsdm)
    assert Response.objects.count() == 0
