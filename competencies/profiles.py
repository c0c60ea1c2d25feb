"""Expected profiles as lists of outcomes (pure functions, no database)."""

from collections.abc import Iterable


def merged_profile(profiles: Iterable[Iterable[str]]) -> list[str]:
    """The outcomes of several matrix cells as one list, in first-seen order and
    without repeats: the paper prints one profile per dimension row and side, and
    the cells of a row share it unless BPSDM has given one its own."""
    seen: dict[str, None] = {}
    for items in profiles:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)
