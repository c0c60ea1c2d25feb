"""Small query building blocks shared by the apps' selectors."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_per_row(rows: QuerySet, outer: str) -> Coalesce:
    """How many of ``rows`` have ``outer`` (a foreign key) pointing at each row
    of the query this annotates, 0 when none: a correlated scalar subquery, so
    a page of rows counts only its own rows after the LIMIT, never by grouping
    every related row of the whole list first."""
    counted = (
        rows.filter(**{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
