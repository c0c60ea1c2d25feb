"""Reads of competency tests and the scoping rule of this app (built on
``people.selectors.employee_scope_q``)."""

from collections.abc import Iterable

from assessments.models import LatestLevel


def latest_levels(employee_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """{(employee_id, dimension_id): current level} in one query; employees never
    assessed (or with no released result) are simply absent."""
    return {
        (row["employee_id"], row["dimension_id"]): row["level"]
        for row in LatestLevel.objects.filter(
            employee_id__in=list(employee_ids)
        ).values("employee_id", "dimension_id", "level")
    }
