"""Model helpers shared by every app's services."""

from collections.abc import Collection, Mapping
from typing import Any, TypeVar

from django.db.models import Model

M = TypeVar("M", bound=Model)


def set_fields(instance: Model, values: Mapping[str, Any]) -> None:
    """Set each of ``values`` (field name → value) on ``instance``."""
    for name, value in values.items():
        setattr(instance, name, value)


def save_fields(
    instance: M,
    values: Mapping[str, Any],
    *,
    clean: bool = False,
    exclude: Collection[str] | None = None,
) -> M:
    """Set ``values`` on ``instance`` and save it; ``clean`` validates the whole
    model first (``full_clean(exclude=exclude)``).

    A stored row writes only the columns of ``values``, so an edit never writes
    back stale copies of the other columns; a new row is inserted whole."""
    set_fields(instance, values)
    if clean:
        instance.full_clean(exclude=exclude)
    if instance._state.adding:
        instance.save()
    else:
        instance.save(update_fields=list(values))
    return instance
