"""Reads of 360 rounds and the one scoping rule of the app.

A round is seen by whoever sees its unit (``people.selectors.unit_scope_q``);
a rater's assignment only by the rater; a profile by whoever sees the employee
(themselves, the heads over them, the province), aggregated by SQL and shown
as ``multirater.anonymity`` allows.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from competencies.models import Dimension, weight_text
from competencies.selectors import dimensions, dimensions_with_rater_weights
from multirater import anonymity, weighting
from multirater.models import (
    OTHER_RELATIONS,
    Assignment,
    Rating,
    Relation,
    Response,
    Round,
)
from people.models import Employee, User
from people.selectors import employee_scope_q, unit_scope_q, user_employee
from sosiokultural.rounding import ratio


def rounds_visible_to(user: User) -> QuerySet[Round]:
    return Round.objects.filter(unit_scope_q(user)).select_related("unit")


def round_get_for_user(user: User, pk: int) -> Round:
    return get_object_or_404(rounds_visible_to(user), pk=pk)


def assignments_of_rater(user: User) -> QuerySet[Assignment]:
    """The user's own assignments (nobody else's), open rounds first."""
    employee = user_employee(user)
    if employee is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(rater=employee)
        .select_related("round__unit", "ratee__unit", "ratee__position_type")
        .order_by("done", "-round__year", "-round__quarter", "ratee__name", "pk")
    )


def assignments_due(user: User) -> QuerySet[Assignment]:
    return assignments_of_rater(user).filter(
        done=False, round__status=Round.Status.OPEN
    )


def assignment_get_for_rater(user: User, pk: int) -> Assignment:
    """An assignment of the user's own (anyone else's answers 404)."""
    return get_object_or_404(assignments_of_rater(user), pk=pk)


@dataclass
class Completion:
    relation: str
    label: str
    assigned: int
    done: int


def completion(assignments: QuerySet[Assignment]) -> list[Completion]:
    """Assigned and answered per rater group (one grouped query): the only
    figures anyone sees of a round before it closes."""
    rows = {
        row["relation"]: row
        for row in assignments.order_by()
        .values("relation")
        .annotate(assigned=Count("pk"), answered=Count("pk", filter=Q(done=True)))
    }
    return [
        Completion(
            relation.value,
            relation.label,
            rows.get(relation.value, {}).get("assigned", 0),
            rows.get(relation.value, {}).get("answered", 0),
        )
        for relation in Relation
    ]


def round_ratees(round_: Round, user: User) -> QuerySet[Employee]:
    """The people rated in ``round_`` whom ``user`` sees, by name, each with
    its numbers of raters assigned and answered (counted in SQL)."""
    in_round = Assignment.objects.filter(round=round_, ratee=OuterRef("pk"))
    mine = Q(feedback_received__round=round_)
    return (
        Employee.objects.filter(employee_scope_q(user))
        .filter(Exists(in_round))
        .select_related("unit", "position_type")
        .annotate(
            assigned=Count("feedback_received", filter=mine),
            answered=Count(
                "feedback_received", filter=mine & Q(feedback_received__done=True)
            ),
        )
        .order_by("name", "pk")
    )


def ratee_assignments(round_: Round, ratee: Employee) -> QuerySet[Assignment]:
    """Who rates ``ratee`` (for the opener's editing; never what they answered)."""
    return (
        Assignment.objects.filter(round=round_, ratee=ratee)
        .exclude(relation=Relation.SELF)
        .select_related("rater__unit")
        .order_by("relation", "rater__name", "pk")
    )


# -- the profile ---------------------------------------------------------------


@dataclass
class Cell:
    """One group's figure for one dimension: ``mean`` when shown, else None."""

    count: int
    mean: Decimal | None

    @property
    def shown(self) -> bool:
        return self.mean is not None


@dataclass
class ProfileLine:
    dimension: Dimension
    self_level: int | None
    groups: dict[str, Cell]
    others: Cell
    test_level: int | None = None  # the assessed level, set by the report
    # The weighted 360 score (``multirater.weighting``) where the standard in
    # force defines weights and some group enters; never the test level.
    weighted: Decimal | None = None

    @property
    def head(self) -> Cell:
        return self.groups[Relation.HEAD]

    @property
    def peer(self) -> Cell:
        return self.groups[Relation.PEER]

    @property
    def staff(self) -> Cell:
        return self.groups[Relation.STAFF]


@dataclass(frozen=True)
class WeightPart:
    """A group that entered the weighted score: its weight and its answers."""

    relation: str
    label: str
    weight: Decimal
    count: int

    @property
    def weight_text(self) -> str:
        return weight_text(self.weight)


@dataclass(frozen=True)
class Weighting:
    """The rater-group weights of the version in force on the round's quarter,
    and the groups they combined for this reader (the evidence shown beside
    every weighted score)."""

    standard_name: str
    effective_from: date
    weights: dict[str, Decimal]
    parts: list[WeightPart]
    # Self is weighted above 0 but is not this reader's to see (nor to combine).
    self_left_out: bool

    @property
    def self_weight_text(self) -> str:
        return weight_text(self.weights[Relation.SELF])


@dataclass
class Profile:
    round: Round
    threshold: int
    counts: dict[str, int]
    lines: list[ProfileLine]
    comments: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    self_shown: bool = False
    others_shown: bool = False
    with_test_levels: bool = False
    weighting: Weighting | None = None  # None: the standard defines no weights

    def set_test_levels(self, levels: dict[int, int | None]) -> None:
        """Put the assessed (test) level of each dimension beside the ratings:
        shown next to them, never mixed into them."""
        for line in self.lines:
            line.test_level = levels.get(line.dimension.pk)
        self.with_test_levels = True

    @property
    def answered(self) -> int:
        return sum(n for rel, n in self.counts.items() if rel != Relation.SELF)

    def group_shown(self, relation: str) -> bool:
        return anonymity.group_visible(self.counts.get(relation, 0), self.threshold)


def profile(round_: Round, ratee: Employee, *, viewer: User) -> Profile | None:
    """The 360 profile of ``ratee`` in a closed round as ``viewer`` may see it,
    in four queries whatever the number of answers (None while the round is
    open: figures that change as answers arrive could be compared over time).

    Per dimension: the self-rating (to the employee only), each group's mean
    where the group has at least the round's threshold of answers, and the
    combined figure of all other raters where ``anonymity.others_visible``
    allows. Where the standard in force on the round's quarter defines
    rater-group weights, also the weighted 360 score over the groups shown to
    ``viewer`` (``multirater.weighting``), with the groups, weights and counts
    it used. Comments only of shown groups, without author, sorted by text."""
    if round_.is_open:
        return None
    threshold = round_.min_responses
    own = user_employee(viewer)
    self_shown = own is not None and own.pk == ratee.pk
    responses = Response.objects.filter(round=round_, ratee=ratee)
    counts = {r.value: 0 for r in Relation}
    counts.update(
        dict(
            responses.order_by()
            .values_list("relation")
            .annotate(n=Count("pk"))
            .values_list("relation", "n")
        )
    )
    sums: dict[tuple[int, str], int] = {}
    for dimension_id, relation, total in (
        Rating.objects.filter(response__round=round_, response__ratee=ratee)
        .order_by()
        .values_list("dimension_id", "response__relation")
        .annotate(total=Sum("level"))
        .values_list("dimension_id", "response__relation", "total")
    ):
        sums[dimension_id, relation] = total
    others_counts = {rel.value: counts[rel.value] for rel in OTHER_RELATIONS}
    others_shown = anonymity.others_visible(others_counts, threshold)
    others_n = sum(others_counts.values())
    # The version in force on the quarter's last day, as a report of that
    # quarter reads it (one query with the dimensions).
    dims, in_force = dimensions_with_rater_weights(round_.period.end)
    used = []
    if in_force is not None:
        used = weighting.groups_used(
            counts, in_force.weights, threshold, self_shown=self_shown
        )
    lines = []
    for dimension in dims:
        groups = {}
        for rel in OTHER_RELATIONS:
            n = counts[rel.value]
            shown = anonymity.group_visible(n, threshold)
            total = sums.get((dimension.pk, rel.value), 0)
            groups[rel.value] = Cell(n, ratio(total, n, 2) if shown else None)
        others_total = sum(
            sums.get((dimension.pk, rel.value), 0) for rel in OTHER_RELATIONS
        )
        self_total = sums.get((dimension.pk, Relation.SELF.value))
        weighted = None
        if used:
            weighted = weighting.weighted_score(
                {
                    rel: Fraction(sums.get((dimension.pk, rel), 0), counts[rel])
                    for rel in used
                },
                in_force.weights,
            )
        lines.append(
            ProfileLine(
                dimension=dimension,
                self_level=self_total if self_shown and counts[Relation.SELF] else None,
                groups=groups,
                others=Cell(
                    others_n, ratio(others_total, others_n, 2) if others_shown else None
                ),
                weighted=weighted,
            )
        )
    shown_relations = [
        rel.value
        for rel in OTHER_RELATIONS
        if anonymity.group_visible(counts[rel.value], threshold)
    ]
    if self_shown:
        shown_relations.append(Relation.SELF.value)
    labels = dict(Relation.choices)
    comments = [
        (labels[relation], text)
        # ``or [""]``: one query whether any group is shown or not (an empty
        # ``__in`` is answered without asking the database).
        for text, relation in responses.filter(relation__in=shown_relations or [""])
        .exclude(comment="")
        .order_by("comment", "relation")
        .values_list("comment", "relation")
    ]
    return Profile(
        round=round_,
        threshold=threshold,
        counts=counts,
        lines=lines,
        comments=comments,
        self_shown=self_shown,
        others_shown=others_shown,
        weighting=_weighting(in_force, used, counts, self_shown=self_shown),
    )


def _weighting(in_force, used: list[str], counts, *, self_shown: bool):
    if in_force is None:
        return None
    labels = dict(Relation.choices)
    return Weighting(
        standard_name=in_force.standard_name,
        effective_from=in_force.effective_from,
        weights=in_force.weights,
        parts=[
            WeightPart(rel, labels[rel], in_force.weights[rel], counts[rel])
            for rel in used
        ],
        self_left_out=not self_shown and in_force.weights[Relation.SELF] > 0,
    )


def latest_profile(ratee: Employee, *, viewer: User) -> Profile | None:
    """The profile of the last closed round that rated ``ratee``."""
    latest = (
        Round.objects.filter(status=Round.Status.CLOSED, responses__ratee=ratee)
        .order_by("-closed_at", "-pk")
        .first()
    )
    return profile(latest, ratee, viewer=viewer) if latest else None


def rating_blocks() -> list[tuple[Dimension, list[tuple]]]:
    """Every dimension with the scale and each level's behavioural indicators
    (the standard's own text), in three queries."""
    from django.db.models import Prefetch

    from competencies.models import Indicator
    from competencies.selectors import level_blocks, levels

    scale = list(levels())
    ordered = Indicator.objects.order_by("level", "order", "pk")
    return [
        (d, [(b.level, b.indicators) for b in level_blocks(d, scale)])
        for d in dimensions().prefetch_related(Prefetch("indicators", queryset=ordered))
    ]


def round_of_ratee(ratee: Employee, pk: int) -> Round:
    """A round that rates ``ratee`` (already in the reader's scope), else 404."""
    return get_object_or_404(
        Round.objects.filter(
            Exists(
                Assignment.objects.filter(
                    round=OuterRef("pk"), ratee=ratee, relation=Relation.SELF
                )
            )
        ).select_related("unit"),
        pk=pk,
    )
