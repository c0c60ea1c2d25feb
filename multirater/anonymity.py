"""Which figures of a 360 profile may be shown (pure).

A group of raters (head, peers, staff) is shown when at least ``threshold``
(never below 3) of them answered; a smaller group shows "fewer than N raters"
and nothing else.

A combined "all others" figure would undo that by subtraction: others × n minus
the shown groups is the hidden groups' sum. And whoever reads the profile may be
one of those hidden raters (the head who rated is also the head who reads): they
know their own answer and can take it away too. So the combined figure is shown
only when the hidden groups hold no answer at all, or at least ``threshold + 1``
answers (one reader's own answer removed, still ``threshold`` unknown ones).
"""

from collections.abc import Mapping


def group_visible(count: int, threshold: int) -> bool:
    return count >= threshold


def hidden_count(counts: Mapping[str, int], threshold: int) -> int:
    """Answers in groups that have some, but fewer than ``threshold``."""
    return sum(n for n in counts.values() if 0 < n < threshold)


def others_visible(counts: Mapping[str, int], threshold: int) -> bool:
    """Whether the combined figure of the groups ``counts`` (self excluded) may
    be shown (see the module's docstring)."""
    total = sum(counts.values())
    hidden = hidden_count(counts, threshold)
    return total >= threshold and (hidden == 0 or hidden >= threshold + 1)
