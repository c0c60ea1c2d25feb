"""The weighted 360 score (pure): how a version of the standard that defines
rater-group weights (``competencies.RaterGroupWeights``) combines the groups of
one person's profile, per dimension:

    Σ(weight × mean of the group) ÷ Σ(weight)

over the groups the reader is shown, and only those with a weight above 0. A
group below the round's threshold is hidden (``multirater.anonymity``) and never
enters: the score is then a function of figures already on the page, so it
reveals nothing of a hidden group. The self-rating is shown to the employee
only, so only the employee's own score can include it (anyone else could take
the shown groups away from that score and read the self-rating back).

The means enter exact (a group's sum ÷ its number of answers, not the printed
rounding) and only the score is rounded, half up to two decimals. Without
weights nothing is combined; the assessed (test) level never depends on this.
"""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from multirater import anonymity
from multirater.models import OTHER_RELATIONS, Relation
from sosiokultural.rounding import exact, round_half_up

PLACES = 2


def groups_used(
    counts: Mapping[str, int],
    weights: Mapping[str, Decimal],
    threshold: int,
    *,
    self_shown: bool,
) -> list[str]:
    """The groups that enter the score, in the order of ``Relation``: weighted
    above 0, answered, and shown to the reader (self only to the employee,
    the others from the threshold on)."""
    used = []
    for relation in Relation:
        group = relation.value
        if weights.get(group, 0) <= 0 or not counts.get(group, 0):
            continue
        if relation == Relation.SELF:
            if self_shown:
                used.append(group)
        elif relation in OTHER_RELATIONS and anonymity.group_visible(
            counts[group], threshold
        ):
            used.append(group)
    return used


def weighted_score(
    means: Mapping[str, Fraction], weights: Mapping[str, Decimal]
) -> Decimal | None:
    """Σ(weight × mean) ÷ Σ(weight) over the groups of ``means``, half up to two
    decimals; None when no group of ``means`` has a weight above 0."""
    parts = [
        (exact(weights[group]), mean)
        for group, mean in means.items()
        if weights.get(group, 0) > 0
    ]
    total = sum(weight for weight, __ in parts)
    if not parts or total <= 0:
        return None
    return round_half_up(sum(weight * mean for weight, mean in parts) / total, PLACES)
