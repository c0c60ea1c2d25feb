from decimal import Decimal

import pytest

from multirater.selectors import (
    completion,
    latest_profile,
    profile,
    round_ratees,
)
from multirater.services import assignment_add, round_close
from multirater.tests.factories import (
    answer,
    colleague,
    open_round,
    rated_round,
)

pytestmark = pytest.mark.django_db


def _means(p, relation):
    return [line.groups[relation].mean for line in p.lines]


def test_profile_per_group_exact_and_self_only_for_oneself(org, roles):
    rated = rated_round(org, roles, peers=3)
    theirs = profile(rated.round, rated.ratee, viewer=roles.head_a)
    assert theirs.counts == {"self": 1, "head": 1, "peer": 3, "staff": 0}
    assert _means(theirs, "peer") == [
        Decimal("3.67"),
        Decimal("2.33"),
        Decimal("3.33"),
        Decimal("2.67"),
        Decimal("3.67"),
        Decimal("2.33"),
    ]
    assert _means(theirs, "head") == [None] * 6  # one answer: hidden
    assert [line.head.count for line in theirs.lines] == [1] * 6
    assert [line.others.mean for line in theirs.lines] == [None] * 6
    assert [line.self_level for line in theirs.lines] == [None] * 6
    assert theirs.comments == [
        ("Rekan kerja", "Perlu lebih tegas menengahi antrean ZETA-BRAVO"),
        ("Rekan kerja", "Ramah kepada pemohon disabilitas ZETA-CHARLIE"),
        ("Rekan kerja", "Sangat sabar melayani pemohon lansia ZETA-ALFA"),
    ]
    own = profile(rated.round, rated.ratee, viewer=roles.staff_a)
    assert [line.self_level for line in own.lines] == [5] * 6
    assert own.comments[-1] == ("Diri sendiri", "Saya terus belajar ZETA-SELF")
    assert _means(own, "peer") == _means(theirs, "peer")


def test_the_combined_figure_when_enough_are_hidden(org, roles):
    """Head 1, peers 2, staff 2: no group shown, five hidden answers, so the
    combined figure is (1 + 4 + 5 + 2 + 3) / 5 on the first dimension."""
    round_ = open_round(org.kel_a, roles.bpsdm)
    ratee = roles.staff_a.employee
    for relation in ("peer", "peer", "staff", "staff"):
        assignment_add(
            round_=round_,
            ratee=ratee,
            rater=colleague(org.kel_b, relation),
            relation=relation,
            by=roles.bpsdm,
        )
    mine = round_.assignments.filter(ratee=ratee)
    answer(mine.get(relation="head"), [1, 1, 1, 1, 1, 1])
    peers = list(mine.filter(relation="peer").exclude(rater__unit=org.kel_a))
    staff = list(mine.filter(relation="staff"))
    for a, levels in zip(
        peers + staff, [[4] * 6, [5] * 6, [2] * 6, [3] * 6], strict=True
    ):
        answer(a, levels)
    round_close(round_=round_, by=roles.bpsdm)
    round_.refresh_from_db()
    p = profile(round_, ratee, viewer=roles.bpsdm)
    assert p.counts == {"self": 0, "head": 1, "peer": 2, "staff": 2}
    assert [line.others.mean for line in p.lines] == [Decimal("3.00")] * 6
    assert [line.others.count for line in p.lines] == [5] * 6
    assert all(not cell.shown for line in p.lines for cell in line.groups.values())


def test_no_profile_while_the_round_runs(org, roles):
    rated = rated_round(org, roles, peers=3, close=False)
    assert profile(rated.round, rated.ratee, viewer=roles.bpsdm) is None
    assert latest_profile(rated.ratee, viewer=roles.bpsdm) is None
    round_close(round_=rated.round, by=roles.bpsdm)
    latest = latest_profile(rated.ratee, viewer=roles.bpsdm)
    assert latest.round == rated.round and latest.counts["peer"] == 3


@pytest.mark.parametrize("peers", [3, 6])
def test_profile_queries_do_not_grow_with_answers(
    org, roles, peers, django_assert_num_queries
):
    rated = rated_round(org, roles, peers=peers)
    viewer = roles.head_a
    viewer.employee  # noqa: B018 - the login's record, read once per request
    with django_assert_num_queries(4):
        p = profile(rated.round, rated.ratee, viewer=viewer)
    assert p.counts["peer"] == peers


def test_completion_and_ratees_are_counted_in_sql(
    org, roles, django_assert_num_queries
):
    rated = rated_round(org, roles, peers=3, close=False)
    with django_assert_num_queries(1):
        rows = completion(rated.round.assignments.all())
    by = {row.relation: (row.done, row.assigned) for row in rows}
    # Kelurahan A: head A, staff A and three colleagues. Each rates themselves;
    # head A rates the four others and is rated by the kecamatan's head; the
    # four non-heads rate each other (three each); they are head A's staff.
    # Answered: staff A's own, head A's of staff A, staff A's three peers.
    assert by == {"self": (1, 5), "head": (1, 5), "peer": (3, 12), "staff": (0, 4)}
    with django_assert_num_queries(1):
        ratees = {
            e.pk: (e.answered, e.assigned)
            for e in round_ratees(rated.round, roles.head_a)
        }
    assert ratees[rated.ratee.pk] == (5, 5)
    assert ratees[roles.head_a.employee.pk] == (0, 6)
    assert len(ratees) == 5
    assert list(round_ratees(rated.round, roles.staff_b)) == []
