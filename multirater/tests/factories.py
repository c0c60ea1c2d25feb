"""A 360 round over kelurahan A of the shared fixtures, built through the
services: ``rated_round(org, roles, peers=n)`` gives staff A exactly ``n`` peers,
head A as their head, and the answers of ``answers`` submitted."""

from dataclasses import dataclass

from competencies.bootstrap import reference_load
from competencies.models import Dimension
from multirater.models import Assignment, Relation, Round
from multirater.services import (
    assignment_add,
    assignment_remove,
    response_submit,
    round_close,
    round_open,
)
from people.tests.factories import EmployeeFactory, UserFactory
from sosiokultural.periods import Period


def colleague(unit, name: str):
    """An employee with a login in ``unit``."""
    return UserFactory(employee=EmployeeFactory(unit=unit, name=name)).employee


def open_round(unit, by, *, threshold: int = 3, title: str = "Putaran 360 uji"):
    reference_load()
    return round_open(
        unit=unit,
        period=Period(2026, 4),
        title=title,
        min_responses=threshold,
        by=by,
    )


def answer(assignment: Assignment, levels: list[int], comment: str = ""):
    dims = list(Dimension.objects.order_by("number").values_list("pk", flat=True))
    return response_submit(
        assignment=assignment,
        levels=dict(zip(dims, levels, strict=True)),
        comment=comment,
        by=assignment.rater.user,
    )


# Distinctive answers (six dimensions): the peers' means with two of them and
# with three are values nobody else's answers give.
SELF = [5, 5, 5, 5, 5, 5]
HEAD = [1, 1, 1, 1, 1, 1]
PEERS = [
    ([4, 2, 5, 1, 4, 2], "Sangat sabar melayani pemohon lansia ZETA-ALFA"),
    ([5, 1, 4, 2, 5, 1], "Perlu lebih tegas menengahi antrean ZETA-BRAVO"),
    ([2, 4, 1, 5, 2, 4], "Ramah kepada pemohon disabilitas ZETA-CHARLIE"),
]


@dataclass
class RatedRound:
    round: Round
    ratee: object  # staff A's employee record
    peers: list  # the peer raters (employees with logins)


def rated_round(org, roles, *, peers: int, close: bool = True) -> RatedRound:
    """Staff A rated by self, head A and exactly ``peers`` colleagues, each
    answering ``PEERS``; closed unless ``close`` is False."""
    raters = [colleague(org.kel_a, f"Rekan {i}") for i in range(peers)]
    round_ = open_round(org.kel_a, roles.bpsdm)
    ratee = roles.staff_a.employee
    # Keep exactly the wanted peers for staff A (the defaults pick by id).
    for a in round_.assignments.filter(ratee=ratee, relation=Relation.PEER):
        assignment_remove(assignment=a, by=roles.bpsdm)
    for rater in raters:
        assignment_add(
            round_=round_,
            ratee=ratee,
            rater=rater,
            relation=Relation.PEER,
            by=roles.bpsdm,
        )
    mine = round_.assignments.filter(ratee=ratee)
    answer(mine.get(relation=Relation.SELF), SELF, "Saya terus belajar ZETA-SELF")
    answer(mine.get(relation=Relation.HEAD), HEAD, "Catatan atasan ZETA-HEAD")
    for i, rater in enumerate(raters):
        levels, comment = PEERS[i % len(PEERS)]
        answer(mine.get(rater=rater), levels, comment if i < len(PEERS) else "")
    if close:
        round_close(round_=round_, by=roles.bpsdm)
        round_.refresh_from_db()
    return RatedRound(round_, ratee, raters)


def grouped_round(
    org,
    roles,
    *,
    heads: list[list[int]],
    peers: list[list[int]],
    own: list[int] | None = SELF,
    period: Period = Period(2026, 4),  # noqa: B008 - a frozen value
) -> RatedRound:
    """Staff A rated, in a closed round of kelurahan A for ``period``, by
    themselves (``own``, None: no self-rating), one head per list of ``heads``
    (head A first, then colleagues assigned as heads) and one peer per list of
    ``peers``; comments name the group and the rater's place in it."""
    reference_load()
    round_ = round_open(
        unit=org.kel_a,
        period=period,
        title="Putaran 360 berbobot",
        min_responses=3,
        by=roles.bpsdm,
    )
    ratee = roles.staff_a.employee
    for a in round_.assignments.filter(ratee=ratee, relation=Relation.PEER):
        assignment_remove(assignment=a, by=roles.bpsdm)
    raters = {Relation.HEAD: [], Relation.PEER: []}
    for relation, levels_lists in ((Relation.HEAD, heads[1:]), (Relation.PEER, peers)):
        for i, __ in enumerate(levels_lists):
            rater = colleague(org.kel_a, f"{relation.label} {i}")
            assignment_add(
                round_=round_,
                ratee=ratee,
                rater=rater,
                relation=relation,
                by=roles.bpsdm,
            )
            raters[relation].append(rater)
    mine = round_.assignments.filter(ratee=ratee)
    if own is not None:
        answer(mine.get(relation=Relation.SELF), own, "Saya terus belajar ZETA-SELF")
    if heads:
        answer(mine.get(rater=roles.head_a.employee), heads[0], "ZETA-HEAD-0")
    for i, levels in enumerate(heads[1:], start=1):
        answer(mine.get(rater=raters[Relation.HEAD][i - 1]), levels, f"ZETA-HEAD-{i}")
    for i, levels in enumerate(peers):
        answer(mine.get(rater=raters[Relation.PEER][i]), levels, f"ZETA-PEER-{i}")
    round_close(round_=round_, by=roles.bpsdm)
    round_.refresh_from_db()
    return RatedRound(round_, ratee, raters[Relation.PEER])
