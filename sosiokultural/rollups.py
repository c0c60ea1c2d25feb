"""What every roll-up's ``--check`` shares: the comparison of its stored rows
with a recomputation from the sources (``rebuild_rollups``)."""

from collections.abc import Hashable, Mapping
from typing import Any


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
