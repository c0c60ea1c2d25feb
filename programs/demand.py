"""Demand for external programs — the one computation, in SQL: for each external
form, how many employees have a gap (> 0) in at least one dimension that the form
develops (matrix, FormDimension). Used by the programs demand page and by the
reports (aggregate page fragment and its export).

An employee counts once per form however many of its dimensions show a gap;
employees without an assessed level in a dimension have no known gap there.
``gap_dimensions``/``form_counts`` state the same rule in Python for tests.

Current levels of a scope given as units (and a position type) are read from the
``assessments.LevelProfileCount`` roll-up — employees counted per unit ×
position type × their levels in the six dimensions, so "has a gap in one of these
dimensions" is a condition on one narrow row and the count a sum over at most one
row per distinct profile (``profile_gap_counts``); levels as of a past date, or a
scope that filters individual employees (gender, status), are one pass over the
level rows grouped by employee (``gap_counts``).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)

from assessments.models import LevelProfileCount
from assessments.models.results import PROFILE_NUMBERS
from assessments.selectors import levels_in_force
from competencies.gaps import gap
from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    RequiredLevel,
)
from competencies.selectors import standard_in_force
from people.models import Employee, Unit
from people.tree import subtrees_q
from programs.models import Program

# -- the rule in Python (the reference the SQL reproduces) ----------------------------


def gap_dimensions(
    *,
    employees: Iterable[tuple[int, int]],
    dimension_ids: Iterable[int],
    required: Mapping[tuple[int, int], int],
    levels: Mapping[tuple[int, int], int],
) -> dict[int, set[int]]:
    """{employee_id: dimensions with a gap > 0} from (employee_id,
    position_type_id) pairs. Pure."""
    dimension_ids = list(dimension_ids)
    return {
        employee_id: {
            d
            for d in dimension_ids
            if (
                gap(required.get((position_type_id, d)), levels.get((employee_id, d)))
                or 0
            )
            > 0
        }
        for employee_id, position_type_id in employees
    }


def demand_counts(
    *, gaps: Mapping[int, set[int]], form_dimensions: Mapping[int, set[int]]
) -> dict[int, int]:
    """{form_id: employees with a gap in at least one of the form's dimensions}."""
    return {
        form_id: sum(1 for dims in gaps.values() if dims & developed)
        for form_id, developed in form_dimensions.items()
    }


# -- the computation ------------------------------------------------------------------


@dataclass(frozen=True)
class DemandRow:
    form: DevelopmentForm
    employees: int  # with a gap in at least one dimension the form develops
    dimension_ids: list[int]
    dimension_names: list[str] = field(default_factory=list)
    programs: int = 0  # offerings of the form not yet ended
    seats: int = 0  # their seats (offerings with a seat limit)
    unlimited: int = 0  # offerings without a seat limit


@dataclass(frozen=True)
class Demand:
    rows: list[DemandRow]  # external forms in matrix order
    with_gap: int  # employees with a gap in any dimension
    employees: int | None = None  # active employees in scope (when counted)
    assessed: int | None = None  # of them, with at least one level (when counted)


def gap_counts(
    *,
    employees: QuerySet[Employee],
    levels_on: date | None,
    standard_id: int | None,
    dimension_sets: list[tuple[int, ...]],
) -> tuple[dict[tuple[int, ...], int], int]:
    """({set of dimensions: employees with a gap in at least one of them},
    employees with any gap). One query: the gap rows (level below the
    required level of the standard, joined per position type and dimension)
    grouped by employee with a flag per set, summed."""
    if standard_id is None:
        return dict.fromkeys(dimension_sets, 0), 0
    relation = "employee__position_type__required_levels"
    rows = (
        levels_in_force(levels_on)
        .filter(employee__in=employees)
        .annotate(
            req=FilteredRelation(
                relation,
                condition=Q(
                    **{
                        f"{relation}__standard_id": standard_id,
                        f"{relation}__dimension_id": F("dimension_id"),
                    }
                ),
            )
        )
        .filter(level__lt=F("req__level"))
    )
    flags = {
        f"s{i}": Max(
            Case(When(dimension_id__in=list(dims), then=Value(1)), default=Value(0))
        )
        for i, dims in enumerate(dimension_sets)
    }
    counts = (
        rows.order_by()
        .values("employee_id")
        .annotate(any=Max(Value(1)), **flags)
        .aggregate(
            n=Sum("any"),
            **{f"t{i}": Sum(f"s{i}") for i in range(len(dimension_sets))},
        )
    )
    by_set = {dims: counts[f"t{i}"] or 0 for i, dims in enumerate(dimension_sets)}
    return by_set, counts["n"] or 0


def profile_gap_counts(
    *,
    profiles: Q,
    standard_id: int | None,
    dimension_sets: list[tuple[int, ...]],
) -> tuple[dict[tuple[int, ...], int], int] | None:
    """``gap_counts`` of the current levels read from the ``LevelProfileCount``
    rows matching ``profiles`` (a filter on unit and position type): one query
    for the standard's required levels, one conditional SUM per set of
    dimensions. None (nothing read beyond the required levels) when the standard
    requires a dimension outside the profile's columns (numbered 1–6)."""
    if standard_id is None:
        return dict.fromkeys(dimension_sets, 0), 0
    by_level: dict[tuple[int, int, int], list[int]] = {}
    for position_type_id, dimension_id, number, level in RequiredLevel.objects.filter(
        standard_id=standard_id
    ).values_list("position_type_id", "dimension_id", "dimension__number", "level"):
        if number not in PROFILE_NUMBERS:
            return None
        by_level.setdefault((dimension_id, number, level), []).append(position_type_id)
    # A gap in a dimension: a level (≥ 1) below the level its position requires.
    gap_in: dict[int, Q] = {}
    for (dimension_id, number, level), position_types in sorted(by_level.items()):
        q = Q(
            position_type_id__in=sorted(position_types),
            **{f"level_{number}__gte": 1, f"level_{number}__lt": level},
        )
        gap_in[dimension_id] = gap_in[dimension_id] | q if dimension_id in gap_in else q

    def any_gap(dimension_ids) -> Q | None:
        qs = [gap_in[d] for d in sorted(dimension_ids) if d in gap_in]
        if not qs:
            return None
        q = qs[0]
        for other in qs[1:]:
            q |= other
        return q

    wanted = {"n": any_gap(gap_in)} | {
        f"t{i}": any_gap(dims) for i, dims in enumerate(dimension_sets)
    }
    sums = {
        name: Sum("employees", filter=q) for name, q in wanted.items() if q is not None
    }
    counts = {}
    if sums:
        counts = LevelProfileCount.objects.filter(profiles).aggregate(**sums)
    by_set = {dims: counts.get(f"t{i}") or 0 for i, dims in enumerate(dimension_sets)}
    return by_set, counts.get("n") or 0


def program_demand(
    *,
    employees: QuerySet[Employee],
    levels_on: date | None,
    standard_id: int | None,
    offers_on: date | None = None,
    profiles: Q | None = None,
) -> Demand:
    """Per external form (matrix order): employees of ``employees`` (already
    scoped and filtered) with a gap in at least one dimension the form develops,
    levels in force on ``levels_on`` (None = now) against the standard
    ``standard_id``. With ``offers_on``, also the offers of BPSDM not yet ended on
    that day. ``profiles``, for current levels, is the same scope as a filter on
    ``LevelProfileCount`` (unit, position type): the counts are then read from
    the roll-up. Three queries (forms, their cells with the dimension, the
    counts; with ``profiles`` one more, the required levels), and one for the
    offers."""
    forms = list(
        DevelopmentForm.objects.filter(provider=DevelopmentForm.Provider.EXTERNAL)
        .prefetch_related(
            Prefetch(
                "links",
                queryset=FormDimension.objects.select_related("dimension").order_by(
                    "dimension__number"
                ),
            )
        )
        .order_by("order", "pk")
    )
    links = {form.pk: list(form.links.all()) for form in forms}
    dims_of = {
        pk: sorted(link.dimension_id for link in rows) for pk, rows in links.items()
    }
    sets = sorted({tuple(dims) for dims in dims_of.values() if dims})
    counted = None
    if profiles is not None and levels_on is None:
        counted = profile_gap_counts(
            profiles=profiles, standard_id=standard_id, dimension_sets=sets
        )
    if counted is None:
        counted = gap_counts(
            employees=employees,
            levels_on=levels_on,
            standard_id=standard_id,
            dimension_sets=sets,
        )
    by_set, with_gap = counted
    offers = {}
    if offers_on is not None:
        offers = {
            row["form_id"]: row
            for row in Program.objects.filter(form__in=forms, ends_on__gte=offers_on)
            .order_by()
            .values("form_id")
            .annotate(
                n=Count("pk"),
                seats=Sum("capacity"),
                unlimited=Count("pk", filter=Q(unlimited_seats=True)),
            )
        }
    rows = [
        DemandRow(
            form=form,
            employees=by_set.get(tuple(dims_of[form.pk]), 0),
            dimension_ids=dims_of[form.pk],
            dimension_names=[link.dimension.label for link in links[form.pk]],
            programs=offers.get(form.pk, {}).get("n", 0),
            seats=offers.get(form.pk, {}).get("seats") or 0,
            unlimited=offers.get(form.pk, {}).get("unlimited", 0),
        )
        for form in forms
    ]
    return Demand(rows=rows, with_gap=with_gap)


def demand(*, units: Iterable[Unit] = (), on: date) -> Demand:
    """The programs demand page: active employees of the selected units (each
    with its subtree; none selected = every unit), current levels, the standard
    in force on ``on``, and how many employees are in scope and assessed. A
    constant number of queries whatever the number of units, employees or forms;
    the gaps, and the assessed when every dimension has a profile column, from
    the ``LevelProfileCount`` roll-up."""
    employees = Employee.objects.filter(is_active=True)
    profiles = Q()
    units = list(units)
    if units:
        employees = employees.filter(subtrees_q(units))
        profiles = subtrees_q(units)
    standard = standard_in_force(on)
    result = program_demand(
        employees=employees,
        levels_on=None,
        standard_id=standard.pk if standard else None,
        profiles=profiles,
    )
    if Dimension.objects.exclude(number__in=PROFILE_NUMBERS).exists():
        assessed = (
            levels_in_force(None)
            .filter(employee__in=employees)
            .values("employee_id")
            .distinct()
            .count()
        )
    else:
        # Every level lies in a profile column: the assessed employees are those
        # the roll-up counts.
        assessed = (
            LevelProfileCount.objects.filter(profiles).aggregate(n=Sum("employees"))[
                "n"
            ]
            or 0
        )
    return Demand(
        rows=result.rows,
        with_gap=result.with_gap,
        employees=employees.count(),
        assessed=assessed,
    )
