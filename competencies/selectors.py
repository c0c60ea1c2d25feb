"""Reads of the framework.

The framework (standard, forms, matrix, SETIA) is reference data without a unit
scope: every logged-in role reads all of it, so these reads take no user. Only
BPSDM admins and administrators write it (``competencies.permissions``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from competencies.models import (
    RATER_GROUPS,
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    ProficiencyLevel,
    RaterGroupWeights,
    RequiredLevel,
    SetiaValue,
    Standard,
)
from competencies.profiles import merged_profile
from competencies.standards import changed_cells
from people.models import PositionType


def dimensions() -> QuerySet[Dimension]:
    return Dimension.objects.order_by("number")


def _in_force_first(on: date) -> QuerySet[Standard]:
    """The standards in effect by ``on``, the one in force first: the rule of
    "the standard in force on a date", as a query others can nest."""
    return Standard.objects.filter(effective_from__lte=on).order_by("-effective_from")


def standard_in_force(on: date) -> Standard | None:
    """The standard whose effective date is the latest on or before ``on``."""
    return _in_force_first(on).first()


def required_levels(on: date) -> dict[tuple[int, int], int]:
    """{(position_type_id, dimension_id): level} of the standard in force on ``on``."""
    return levels_of(standard_in_force(on))


def forms_for_dimension(
    dimension_id: int, provider: str | None = None
) -> QuerySet[DevelopmentForm]:
    forms = DevelopmentForm.objects.filter(links__dimension_id=dimension_id)
    if provider:
        forms = forms.filter(provider=provider)
    return forms.order_by("provider", "order")


def _cells() -> QuerySet[FormDimension]:
    return FormDimension.objects.select_related("form").order_by(
        "form__provider", "form__order"
    )


def matrix() -> QuerySet[Dimension]:
    """Dimensions with their matrix cells (form + expected profile) prefetched."""
    return dimensions().prefetch_related(Prefetch("links", queryset=_cells()))


# -- the standard browser -----------------------------------------------------------


def dimensions_overview() -> QuerySet[Dimension]:
    """Dimensions with their SETIA values and how many forms of each provider
    develop them (one query plus one prefetch)."""
    return (
        dimensions()
        .annotate(
            internal_forms=Count(
                "links",
                filter=Q(links__form__provider=DevelopmentForm.Provider.INTERNAL),
                distinct=True,
            ),
            external_forms=Count(
                "links",
                filter=Q(links__form__provider=DevelopmentForm.Provider.EXTERNAL),
                distinct=True,
            ),
            indicator_count=Count("indicators", distinct=True),
        )
        .prefetch_related(Prefetch("setia_values", queryset=SetiaValue.objects.all()))
    )


def dimension_get(code: str) -> Dimension:
    """One dimension with everything its page shows; unknown code → 404."""
    return get_object_or_404(
        dimensions().prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.order_by("level", "order", "pk"),
            ),
            Prefetch("links", queryset=_cells()),
            Prefetch("setia_values", queryset=SetiaValue.objects.all()),
        ),
        code=code,
    )


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("dimension").order_by(
        "dimension__number", "level", "order", "pk"
    )


def levels() -> QuerySet[ProficiencyLevel]:
    return ProficiencyLevel.objects.order_by("level")


def setia_values() -> QuerySet[SetiaValue]:
    return SetiaValue.objects.prefetch_related(
        Prefetch("dimensions", queryset=dimensions())
    )


@dataclass(frozen=True)
class LevelBlock:
    """One level of a dimension with its indicators, for the browser."""

    level: ProficiencyLevel
    indicators: list[Indicator]


def level_blocks(
    dimension: Dimension, scale: list[ProficiencyLevel]
) -> list[LevelBlock]:
    """The scale with the dimension's (prefetched) indicators under each level."""
    by_level: dict[int, list[Indicator]] = {}
    for indicator in dimension.indicators.all():
        by_level.setdefault(indicator.level, []).append(indicator)
    return [LevelBlock(level, by_level.get(level.level, [])) for level in scale]


# -- the matrix -----------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    """A row of Tables 4 and 5: a dimension, its internal and external cells, and
    the expected profile of each side."""

    dimension: Dimension
    internal: list[FormDimension]
    external: list[FormDimension]

    @property
    def internal_profile(self) -> list[str]:
        return merged_profile(cell.profile_items for cell in self.internal)

    @property
    def external_profile(self) -> list[str]:
        return merged_profile(cell.profile_items for cell in self.external)


def matrix_rows() -> list[MatrixRow]:
    """Tables 4 and 5, row by row (two queries)."""
    rows = []
    for dimension in matrix():
        cells = list(dimension.links.all())
        rows.append(
            MatrixRow(
                dimension=dimension,
                internal=[c for c in cells if c.form.is_internal],
                external=[c for c in cells if not c.form.is_internal],
            )
        )
    return rows


@dataclass(frozen=True)
class MatrixSideRow:
    dimension: Dimension
    cells: list[FormDimension]
    profile: list[str]


def matrix_side(rows: list[MatrixRow], provider: str) -> list[MatrixSideRow]:
    """One table of the paper: Table 4 (internal) or Table 5 (external)."""
    internal = provider == DevelopmentForm.Provider.INTERNAL
    return [
        MatrixSideRow(
            dimension=row.dimension,
            cells=row.internal if internal else row.external,
            profile=row.internal_profile if internal else row.external_profile,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class MatrixGrid:
    """The matrix as a check grid: every form a column (internal first, forms no
    row maps included), every dimension a row."""

    forms: list[DevelopmentForm]
    rows: list[tuple[Dimension, list[bool]]]


def matrix_grid(rows: list[MatrixRow]) -> MatrixGrid:
    """One query (the forms) on top of ``matrix_rows()``."""
    forms = sorted(
        DevelopmentForm.objects.all(), key=lambda f: (not f.is_internal, f.order)
    )
    grid = []
    for row in rows:
        linked = {cell.form_id for cell in row.internal + row.external}
        grid.append((row.dimension, [form.pk in linked for form in forms]))
    return MatrixGrid(forms=forms, rows=grid)


def forms_catalogue() -> QuerySet[DevelopmentForm]:
    return DevelopmentForm.objects.order_by("provider", "order").prefetch_related(
        Prefetch(
            "links",
            queryset=FormDimension.objects.select_related("dimension").order_by(
                "dimension__number"
            ),
        )
    )


def form_get(code: str) -> DevelopmentForm:
    return get_object_or_404(forms_catalogue(), code=code)


def cell_get(pk: int) -> FormDimension:
    return get_object_or_404(
        FormDimension.objects.select_related("form", "dimension"), pk=pk
    )


def indicator_get(pk: int) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("dimension"), pk=pk)


def level_get(level: int) -> ProficiencyLevel:
    return get_object_or_404(ProficiencyLevel, level=level)


def setia_value_get(code: str) -> SetiaValue:
    return get_object_or_404(SetiaValue, code=code)


# -- standards (versions of the required levels) ------------------------------------


def standards() -> QuerySet[Standard]:
    """Every version, newest effective date first."""
    return Standard.objects.order_by("-effective_from")


def standard_get(pk: int) -> Standard:
    return get_object_or_404(Standard, pk=pk)


def position_types() -> QuerySet[PositionType]:
    return PositionType.objects.order_by("order", "name")


@dataclass(frozen=True)
class GridCell:
    level: int | None
    # Differs from the version before (or is new): what this version changed.
    changed: bool = False


@dataclass(frozen=True)
class LevelGrid:
    """The required levels of one version: rows = position types, columns =
    dimensions; a cell's level is ``None`` where the version sets none."""

    standard: Standard | None
    previous: Standard | None
    dimensions: list[Dimension]
    rows: list[tuple[PositionType, list[GridCell]]]


def previous_standard(standard: Standard | None) -> Standard | None:
    """The version that was in force just before ``standard``."""
    if standard is None:
        return None
    return (
        Standard.objects.filter(effective_from__lt=standard.effective_from)
        .order_by("-effective_from")
        .first()
    )


def level_grid(standard: Standard | None) -> LevelGrid:
    """Five queries whatever the size: dimensions, position types, the previous
    version, and the levels of both versions."""
    dims = list(dimensions())
    positions = list(position_types())
    previous = previous_standard(standard)
    values = levels_of(standard)
    changed = changed_cells(levels_of(previous), values) if previous else set()
    rows = [
        (
            position,
            [
                GridCell(
                    values.get((position.pk, d.pk)), (position.pk, d.pk) in changed
                )
                for d in dims
            ],
        )
        for position in positions
    ]
    return LevelGrid(standard=standard, previous=previous, dimensions=dims, rows=rows)


def required_for_dimension(
    standard: Standard | None, dimension: Dimension
) -> list[RequiredLevel]:
    """The levels one version requires of each position type for one dimension."""
    if standard is None:
        return []
    return list(
        RequiredLevel.objects.filter(standard=standard, dimension=dimension)
        .select_related("position_type")
        .order_by("position_type__order", "position_type__name")
    )


def levels_of(standard: Standard | None) -> dict[tuple[int, int], int]:
    """{(position_type_id, dimension_id): level} of one version (empty for None)."""
    if standard is None:
        return {}
    return {
        (r.position_type_id, r.dimension_id): r.level
        for r in RequiredLevel.objects.filter(standard=standard)
    }


# -- 360 rater-group weights (part of a version) -------------------------------------


def rater_weights_of(standard: Standard | None) -> RaterGroupWeights | None:
    """The 360 rater-group weights of one version; None where it defines none."""
    if standard is None:
        return None
    return RaterGroupWeights.objects.filter(standard=standard).first()


@dataclass(frozen=True)
class WeightsInForce:
    """The 360 rater-group weights of the version in force on a date, with the
    version they come from (what a weighted score names as its source)."""

    standard_id: int
    standard_name: str
    effective_from: date
    weights: dict[str, Decimal]  # {group: weight}, in ``RATER_GROUPS`` order


def dimensions_with_rater_weights(
    on: date,
) -> tuple[list[Dimension], WeightsInForce | None]:
    """The dimensions, and the 360 weights of the version in force on ``on``
    (None when that version defines none, or no version is in force then).

    One query: the weights ride on the dimension rows as uncorrelated subqueries
    (computed once by the database), so the 360 profile that needs both costs
    no more queries than it did before weights existed."""
    in_force = _in_force_first(on).values("pk")[:1]
    weights = RaterGroupWeights.objects.filter(standard=Subquery(in_force))
    columns = {
        "rw_standard": "standard_id",
        "rw_name": "standard__name",
        "rw_from": "standard__effective_from",
        **{f"rw_{group}": f"{group}_weight" for group in RATER_GROUPS},
    }
    rows = list(
        dimensions().annotate(
            **{
                alias: Subquery(weights.values(column)[:1])
                for alias, column in columns.items()
            }
        )
    )
    first = rows[0] if rows else None
    if first is None or first.rw_standard is None:
        return rows, None
    return rows, WeightsInForce(
        standard_id=first.rw_standard,
        standard_name=first.rw_name,
        effective_from=first.rw_from,
        weights={group: getattr(first, f"rw_{group}") for group in RATER_GROUPS},
    )
