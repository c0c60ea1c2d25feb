from datetime import date
from decimal import Decimal

import pytest

from assessments.models import LatestLevel
from competencies.models import RaterGroupWeights
from competencies.tests.factories import RaterGroupWeightsFactory, StandardFactory
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
    grouped_round,
    open_round,
    rated_round,
)
from sosiokultural.periods import Period

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


@pytest.mark.parametrize(("peers", "weighted"), [(3, False), (6, False), (6, True)])
def test_profile_queries_do_not_grow_with_answers(
    org, roles, peers, weighted, django_assert_num_queries
):
    rated = rated_round(org, roles, peers=peers)
    if weighted:
        _weights_from(date(2026, 10, 1))
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


# -- the weighted 360 score -------------------------------------------------------

# Three heads and three peers of staff A. First dimension: heads 4, 4, 4 (mean
# 4.00), peers 3, 3, 3 (3.00). Second: heads 4, 5, 2 (11/3), peers 1, 2, 2 (5/3).
HEADS = [[4, 4, 5, 5, 1, 1], [4, 5, 5, 5, 1, 1], [4, 2, 5, 5, 1, 1]]
PEERS = [[3, 1, 1, 5, 1, 2], [3, 2, 1, 5, 1, 2], [3, 2, 1, 5, 1, 2]]
# Head 2, peers 1: (2 × 4 + 3) ÷ 3 = 3.67; (2 × 11/3 + 5/3) ÷ 3 = 27/9 = 3.00;
# (2 × 5 + 1) ÷ 3 = 3.67; (2 × 5 + 5) ÷ 3 = 5.00; 1.00; (2 + 2) ÷ 3 = 1.33.
WEIGHTED = ["3.67", "3.00", "3.67", "5.00", "1.00", "1.33"]


def _weights_from(start: date, **weights) -> RaterGroupWeights:
    """A version of the standard in force from ``start`` with 360 weights (by
    default self 0, head 2, peers 1, staff 1)."""
    standard = StandardFactory(effective_from=start)
    return RaterGroupWeightsFactory(standard=standard, **weights)


def _weighted(p) -> list[str]:
    return [str(line.weighted) for line in p.lines]


def _parts(p) -> list[tuple]:
    return [(x.relation, x.weight, x.count) for x in p.weighting.parts]


def test_weighted_score_hand_computed_with_its_evidence(org, roles):
    rated = grouped_round(org, roles, heads=HEADS, peers=PEERS)
    _weights_from(date(2026, 10, 1), self_weight=0, head_weight=2, peer_weight=1)
    levels_before = LatestLevel.objects.count()
    for viewer in (roles.bpsdm, roles.head_a, roles.staff_a):
        p = profile(rated.round, rated.ratee, viewer=viewer)
        assert _weighted(p) == WEIGHTED
        assert _parts(p) == [("head", Decimal("2"), 3), ("peer", Decimal("1"), 3)]
        assert p.weighting.effective_from == date(2026, 10, 1)
        assert p.weighting.self_left_out is False  # self weighs 0
    # The groups' own means stay as they were; the test level is not touched.
    assert _means(p, "head")[:2] == [Decimal("4.00"), Decimal("3.67")]
    assert LatestLevel.objects.count() == levels_before


def test_self_enters_the_employees_own_score_only(org, roles):
    rated = grouped_round(org, roles, heads=HEADS, peers=PEERS)  # self: 5 on all
    _weights_from(date(2026, 10, 1), self_weight=1, head_weight=2, peer_weight=1)
    own = profile(rated.round, rated.ratee, viewer=roles.staff_a)
    # (1 × 5 + 2 × 4 + 1 × 3) ÷ 4 = 4.00; (5 + 22/3 + 5/3) ÷ 4 = 3.50 …
    assert _weighted(own) == ["4.00", "3.50", "4.00", "5.00", "2.00", "2.25"]
    assert _parts(own)[0] == ("self", Decimal("1"), 1)
    assert own.weighting.self_left_out is False
    # The head never sees the self-rating, so it cannot be in their figure
    # (taking the shown groups away from it would give the self-rating back).
    theirs = profile(rated.round, rated.ratee, viewer=roles.head_a)
    assert _weighted(theirs) == WEIGHTED
    assert [x.relation for x in theirs.weighting.parts] == ["head", "peer"]
    assert theirs.weighting.self_left_out is True


def test_a_hidden_group_never_enters_the_score(org, roles):
    """Two heads (below the threshold of 3): the score is the peers' alone."""
    rated = grouped_round(org, roles, heads=HEADS[:2], peers=PEERS)
    _weights_from(date(2026, 10, 1))
    p = profile(rated.round, rated.ratee, viewer=roles.bpsdm)
    assert p.counts["head"] == 2 and not p.group_shown("head")
    assert _weighted(p) == [str(m) for m in _means(p, "peer")]
    assert _weighted(p) == ["3.00", "1.67", "1.00", "5.00", "1.00", "2.00"]
    assert _parts(p) == [("peer", Decimal("1"), 3)]


def test_no_shown_weighted_group_no_score(org, roles):
    rated = grouped_round(org, roles, heads=HEADS[:1], peers=PEERS[:2])
    _weights_from(date(2026, 10, 1))
    p = profile(rated.round, rated.ratee, viewer=roles.bpsdm)
    assert p.weighting is not None and p.weighting.parts == []
    assert _weighted(p) == ["None"] * 6


def test_without_weights_in_force_nothing_is_combined(org, roles):
    rated = grouped_round(org, roles, heads=HEADS, peers=PEERS)
    for viewer in (roles.bpsdm, roles.staff_a):
        p = profile(rated.round, rated.ratee, viewer=viewer)
        assert p.weighting is None
        assert _weighted(p) == ["None"] * 6


def test_weights_of_a_later_version_do_not_apply_to_an_earlier_round(org, roles):
    """The round of 2026Q4 reads the version in force on 31 December 2026."""
    rated = grouped_round(org, roles, heads=HEADS, peers=PEERS)
    _weights_from(date(2027, 1, 1))
    assert profile(rated.round, rated.ratee, viewer=roles.bpsdm).weighting is None
    # A version from the quarter's last day applies …
    _weights_from(date(2026, 12, 31), head_weight=1)
    p = profile(rated.round, rated.ratee, viewer=roles.bpsdm)
    assert p.weighting.effective_from == date(2026, 12, 31)
    assert _weighted(p)[0] == "3.50"  # (4 + 3) ÷ 2
    # … and a round of 2027Q1 reads the 2027 version (head 2, peers 1).
    later = grouped_round(org, roles, heads=HEADS, peers=PEERS, period=Period(2027, 1))
    p = profile(later.round, later.ratee, viewer=roles.bpsdm)
    assert p.weighting.effective_from == date(2027, 1, 1)
    assert _weighted(p) == WEIGHTED


def test_a_version_without_weights_ends_the_earlier_weights(org, roles):
    """Weights are the version's own: a later version without them, in force
    on the quarter's last day, combines nothing."""
    rated = grouped_round(org, roles, heads=HEADS, peers=PEERS)
    _weights_from(date(2026, 10, 1))
    StandardFactory(effective_from=date(2026, 12, 1))
    assert profile(rated.round, rated.ratee, viewer=roles.bpsdm).weighting is None
