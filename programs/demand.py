"""Demand for external programs: for each external form, how many employees have a
gap (> 0) in at least one dimension that the form develops (matrix, FormDimension).

An employee counts once per form however many of its dimensions show a gap;
employees without an assessed level in a dimension have no known gap there.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from competencies.gaps import gap
from competencies.models import DevelopmentForm, FormDimension
from competencies.selectors import required_levels
from people.models import Employee, Unit
from people.tree import subtrees_q
from programs.selectors import latest_levels


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
    result = {}
    for employee_id, position_type_id in employees:
        result[employee_id] = {
            d
            for d in dimension_ids
            if (
                gap(
                    required.get((position_type_id, d)),
                    levels.get((employee_id, d)),
                )
                or 0
            )
            > 0
        }
    return result


def demand_counts(
    *, gaps: Mapping[int, set[int]], form_dimensions: Mapping[int, set[int]]
) -> dict[int, int]:
    """{form_id: employees with a gap in at least one of the form's dimensions}."""
    return {
        form_id: sum(1 for dims in gaps.values() if dims & developed)
        for form_id, developed in form_dimensions.items()
    }


@dataclass(frozen=True)
class DemandRow:
    form: DevelopmentForm
    employees: int
    dimension_names: list[str]


@dataclass(frozen=True)
class Demand:
    rows: list[DemandRow]
    employees: int  # active employees in the selected units
    assessed: int  # of them, with at least one assessed level
    with_gap: int  # of them, with a gap in any dimension


def demand(*, units: Iterable[Unit] = (), on: date) -> Demand:
    """The demand view for the selected units (each with its subtree; none
    selected = every unit), with the standard in force on ``on``. A constant
    number of queries whatever the number of units, employees or forms."""
    employees = Employee.objects.filter(is_active=True)
    units = list(units)
    if units:
        employees = employees.filter(subtrees_q(units))
    pairs = list(employees.values_list("pk", "position_type_id"))
    ids = [pk for pk, __ in pairs]
    levels = latest_levels(ids) if ids else {}
    required = required_levels(on)
    forms = {
        form.pk: form
        for form in DevelopmentForm.objects.filter(
            provider=DevelopmentForm.Provider.EXTERNAL
        ).order_by("order", "pk")
    }
    form_dimensions: dict[int, set[int]] = {pk: set() for pk in forms}
    names: dict[int, list[str]] = {pk: [] for pk in forms}
    for link in (
        FormDimension.objects.filter(form_id__in=forms)
        .select_related("dimension")
        .order_by("dimension__number")
    ):
        form_dimensions[link.form_id].add(link.dimension_id)
        names[link.form_id].append(link.dimension.label)
    all_dimensions = {d for dims in form_dimensions.values() for d in dims}
    all_dimensions |= {d for __, d in required}
    gaps = gap_dimensions(
        employees=pairs,
        dimension_ids=sorted(all_dimensions),
        required=required,
        levels=levels,
    )
    counts = demand_counts(gaps=gaps, form_dimensions=form_dimensions)
    assessed_ids = {employee_id for employee_id, __ in levels}
    return Demand(
        rows=[
            DemandRow(form=form, employees=counts[pk], dimension_names=names[pk])
            for pk, form in forms.items()
        ],
        employees=len(ids),
        assessed=len(assessed_ids & set(ids)),
        with_gap=sum(1 for dims in gaps.values() if dims),
    )
