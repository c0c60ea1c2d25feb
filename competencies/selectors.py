"""Reads of the framework. The framework is public within the app: every logged-in
role may read it; only BPSDM admins and administrators write it."""

from datetime import date

from django.db.models import Prefetch, QuerySet

from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    RequiredLevel,
    Standard,
)


def dimensions() -> QuerySet[Dimension]:
    return Dimension.objects.order_by("number")


def standard_in_force(on: date) -> Standard | None:
    """The standard whose effective date is the latest on or before ``on``."""
    return (
        Standard.objects.filter(effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )


def required_levels(on: date) -> dict[tuple[int, int], int]:
    """{(position_type_id, dimension_id): level} of the standard in force on ``on``."""
    standard = standard_in_force(on)
    if standard is None:
        return {}
    return {
        (r.position_type_id, r.dimension_id): r.level
        for r in RequiredLevel.objects.filter(standard=standard)
    }


def forms_for_dimension(
    dimension_id: int, provider: str | None = None
) -> QuerySet[DevelopmentForm]:
    forms = DevelopmentForm.objects.filter(links__dimension_id=dimension_id)
    if provider:
        forms = forms.filter(provider=provider)
    return forms.order_by("provider", "order")


def matrix() -> QuerySet[Dimension]:
    """Dimensions with their matrix cells (form + expected profile) prefetched."""
    return dimensions().prefetch_related(
        Prefetch(
            "links",
            queryset=FormDimension.objects.select_related("form").order_by(
                "form__provider", "form__order"
            ),
        )
    )
