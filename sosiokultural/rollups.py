"""What every roll-up shares: the lock its writers take on the units they
rewrite (``units_lock``), and its ``--check``'s comparison of the stored rows
with a recomputation from the sources (``rebuild_rollups``)."""

from collections.abc import Hashable, Iterable, Mapping
from typing import Any


def units_lock(unit_ids: Iterable[int] | None = None) -> None:
    """Lock these ``Unit`` rows (all of them when ``None``), in pk order, inside
    the caller's transaction: every roll-up writer locks the units it rewrites
    through this one query, so two writers serialise on a shared unit and,
    locking in the same order, never deadlock."""
    from people.models import Unit

    units = Unit.objects.select_for_update().order_by("pk")
    if unit_ids is not None:
        units = units.filter(pk__in=list(unit_ids))
    list(units.values_list("pk"))


def drift(
    stored: Mapping[Hashable, Any], fresh: Mapping[Hashable, Any], *, missing=None
) -> list[tuple]:
    """[(key, stored value, fresh value)], sorted, for every key whose values
    differ; a key absent from one side reads as ``missing`` there."""
    return sorted(
        (key, stored.get(key, missing), fresh.get(key, missing))
        for key in stored.keys() | fresh.keys()
        if stored.get(key, missing) != fresh.get(key, missing)
    )
