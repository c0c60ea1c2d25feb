"""Bounds for what users type, in one place.

- ``column_range(Model, "field")``: the range of an integer column as PostgreSQL
  stores it (SQLite would take more), for form fields that are not generated from
  the model (a ModelForm's own fields are already checked by the model field's
  validators).
- ``query_int`` / ``query_text``: read a query-string value that a view uses to
  filter or page, answering the default for anything malformed or out of range
  instead of letting it reach the database.

Control characters are refused for every request by
``sosiokultural.middleware.RequestLimitsMiddleware``.
"""

from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import QueryDict


def column_range(model, field_name: str) -> tuple[int, int]:
    field = model._meta.get_field(field_name)
    return BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]


def column_max(model, field_name: str) -> int:
    return column_range(model, field_name)[1]


INT_MAX = BaseDatabaseOperations.integer_field_ranges["IntegerField"][1]


def query_int(
    query: QueryDict,
    name: str,
    default: int | None = None,
    *,
    min_value: int = 0,
    max_value: int = INT_MAX,
) -> int | None:
    text = (query.get(name) or "").strip()
    if not text or len(text) > 12:
        return default
    try:
        value = int(text)
    except ValueError:
        return default
    return value if min_value <= value <= max_value else default


def query_text(query: QueryDict, name: str, *, max_length: int = 200) -> str:
    return (query.get(name) or "").strip()[:max_length]
