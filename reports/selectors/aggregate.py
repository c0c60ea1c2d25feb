"""Gap aggregates computed in the database.

Every figure comes from two GROUP BY queries over the subtree of a unit (one
indexed ``path LIKE 'prefix%'``): current (or as-of) levels grouped by (row key,
position type, dimension, level), and active employees grouped by (row key,
position type). The row key is the first ``key_len`` characters of the
employee's unit path, i.e. the child unit of the selected unit that contains the
employee, so one query aggregates every child's whole subtree at once.
``reports.gapstats.combine`` then joins those few grouped rows with the required
levels of the standard in force; nothing iterates over employees.

Levels "now" are ``assessments.LatestLevel``; levels as of a past date are the
latest released ``DimensionResult`` per (employee, dimension) with a test date on
or before it (ties broken by result id, as ``LatestLevel`` does).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Substr

from assessments.models import DimensionResult, LatestLevel, Result
from competencies.models import DevelopmentForm, RequiredLevel, Standard
from competencies.selectors import levels_of, standard_in_force
from people.models import Employee, Unit
from programs.models import Program
from reports.gapstats import Stats, combine, total
from reports.periods import Period

SEGMENT = 7  # "000123/": one level of people.Unit.path


@dataclass(frozen=True)
class Filters:
    dimension_id: int | None = None
    position_type_id: int | None = None
    gender: str = ""
    employment_status: str = ""

    def as_params(self) -> dict:
        return {
            "dimension": self.dimension_id,
            "position_type": self.position_type_id,
            "gender": self.gender,
            "employment_status": self.employment_status,
        }


def employee_q(prefix: str, path: str, filters: Filters) -> Q:
    """Active employees of the subtree at ``path`` ("" = everywhere) matching
    ``filters``; ``prefix`` is the lookup path to the employee ("" for
    Employee itself)."""
    q = Q(**{f"{prefix}is_active": True})
    if path:
        q &= Q(**{f"{prefix}unit__path__startswith": path})
    if filters.position_type_id:
        q &= Q(**{f"{prefix}position_type_id": filters.position_type_id})
    if filters.gender:
        q &= Q(**{f"{prefix}gender": filters.gender})
    if filters.employment_status:
        q &= Q(**{f"{prefix}employment_status": filters.employment_status})
    return q


def levels_as_of(on: date) -> QuerySet[DimensionResult]:
    """Per (employee, dimension), the released result row in force on ``on``."""
    in_force = Q(result__status=Result.Status.RELEASED, result__assessed_on__lte=on)
    later = DimensionResult.objects.filter(
        in_force,
        result__employee_id=OuterRef("result__employee_id"),
        dimension_id=OuterRef("dimension_id"),
    ).filter(
        Q(result__assessed_on__gt=OuterRef("result__assessed_on"))
        | Q(
            result__assessed_on=OuterRef("result__assessed_on"),
            result_id__gt=OuterRef("result_id"),
        )
    )
    return DimensionResult.objects.filter(in_force).filter(~Exists(later)).order_by()


def _levels(period: Period, path: str, filters: Filters) -> tuple[QuerySet, str]:
    """(level rows in scope, lookup prefix of their employee)."""
    if period.is_now:
        prefix, rows = "employee__", LatestLevel.objects.all()
    else:
        prefix, rows = "result__employee__", levels_as_of(period.on)
    rows = rows.filter(employee_q(prefix, path, filters))
    if filters.dimension_id:
        rows = rows.filter(dimension_id=filters.dimension_id)
    return rows, prefix


def grouped_levels(
    *, path: str, key_len: int, filters: Filters, period: Period
) -> list[tuple[str, int, int, int, int]]:
    """[(row key, position_type_id, dimension_id, level, employees)]."""
    rows, prefix = _levels(period, path, filters)
    return list(
        rows.order_by()
        .values_list(
            Substr(f"{prefix}unit__path", 1, key_len),
            f"{prefix}position_type_id",
            "dimension_id",
            "level",
        )
        .annotate(n=Count("*"))
    )


def grouped_employees(
    *, path: str, key_len: int, filters: Filters
) -> list[tuple[str, int, int]]:
    """[(row key, position_type_id, active employees)]."""
    return list(
        Employee.objects.filter(employee_q("", path, filters))
        .order_by()
        .values_list(Substr("unit__path", 1, key_len), "position_type_id")
        .annotate(n=Count("*"))
    )


def scope_stats(
    *,
    path: str,
    key_len: int,
    filters: Filters,
    period: Period,
    required: dict[tuple[int, int], int],
    dimension_ids: list[int],
) -> dict[str, dict[int, Stats]]:
    """Two queries: {row key: {dimension_id: Stats}}."""
    return combine(
        level_rows=grouped_levels(
            path=path, key_len=key_len, filters=filters, period=period
        ),
        employee_rows=grouped_employees(path=path, key_len=key_len, filters=filters),
        required=required,
        dimension_ids=dimension_ids,
    )


def subtree_stats(
    *,
    path: str,
    filters: Filters,
    period: Period,
    required: dict[tuple[int, int], int],
    dimension_ids: list[int],
) -> dict[int, Stats]:
    """{dimension_id: Stats} of one whole subtree ("" = every unit)."""
    rows = scope_stats(
        path=path,
        key_len=len(path),
        filters=filters,
        period=period,
        required=required,
        dimension_ids=dimension_ids,
    )
    # The key is the whole path ("" for every unit): one row at most.
    return rows.get(path) or {d: Stats() for d in dimension_ids}


# -- program demand ---------------------------------------------------------------


def gap_rows(*, path: str, filters: Filters, period: Period, standard_id: int | None):
    """The level rows in scope whose level is below the required level of the
    standard ``standard_id`` for the employee's position (a semi-join on the
    small RequiredLevel table)."""
    rows, prefix = _levels(period, path, filters)
    if standard_id is None:
        return rows.none(), prefix
    below = RequiredLevel.objects.filter(
        standard_id=standard_id,
        position_type_id=OuterRef(f"{prefix}position_type_id"),
        dimension_id=OuterRef("dimension_id"),
        level__gt=OuterRef("level"),
    )
    return rows.filter(Exists(below)), prefix


@dataclass(frozen=True)
class DemandRow:
    form: DevelopmentForm
    employees: int  # with a gap in at least one dimension the form develops
    dimension_ids: list[int]
    programs: int  # offerings of the form not yet ended
    seats: int


def program_demand(
    *,
    path: str,
    filters: Filters,
    period: Period,
    standard_id: int | None,
    today: date,
) -> list[DemandRow]:
    """Per external form: employees in scope with a gap in at least one dimension
    the matrix links to the form (distinct employees), and the seats BPSDM
    offers. Three queries: forms with their cells, the distinct counts (one
    COUNT(DISTINCT) per distinct set of dimensions, in one pass), the offers."""
    forms = list(
        DevelopmentForm.objects.filter(provider=DevelopmentForm.Provider.EXTERNAL)
        .prefetch_related("links")
        .order_by("order", "pk")
    )
    dims_of = {
        form.pk: sorted(link.dimension_id for link in form.links.all())
        for form in forms
    }
    sets = sorted({tuple(dims) for dims in dims_of.values() if dims})
    rows, prefix = gap_rows(
        path=path, filters=filters, period=period, standard_id=standard_id
    )
    employee = "employee_id" if prefix == "employee__" else "result__employee_id"
    counts = (
        rows.aggregate(
            **{
                f"s{i}": Count(
                    employee, distinct=True, filter=Q(dimension_id__in=list(dims))
                )
                for i, dims in enumerate(sets)
            }
        )
        if sets
        else {}
    )
    by_set = {dims: counts[f"s{i}"] or 0 for i, dims in enumerate(sets)}
    offers = {
        row["form_id"]: row
        for row in Program.objects.filter(form__in=forms, ends_on__gte=today)
        .order_by()
        .values("form_id")
        .annotate(n=Count("pk"), seats=Sum("capacity"))
    }
    out = [
        DemandRow(
            form=form,
            employees=by_set.get(tuple(dims_of[form.pk]), 0),
            dimension_ids=dims_of[form.pk],
            programs=offers.get(form.pk, {}).get("n", 0),
            seats=offers.get(form.pk, {}).get("seats") or 0,
        )
        for form in forms
    ]
    return sorted(out, key=lambda r: (-r.employees, r.form.order, r.form.pk))


# -- the page -----------------------------------------------------------------------


@dataclass
class AggregateRow:
    unit: Unit | None  # None: the employees placed in the selected unit itself
    key: str
    employees: int
    by_dimension: dict[int, Stats]
    all_dimensions: Stats
    has_children: bool = False


def child_rows(
    *, parent: Unit | None, units: QuerySet[Unit]
) -> tuple[list[Unit], set[int]]:
    """The children of ``parent`` (the top units for None) among ``units``, and
    which of them have children of their own (two queries)."""
    children = list(
        units.filter(parent=parent).order_by("code")
        if parent
        else units.filter(parent__isnull=True).order_by("code")
    )
    parents = set(units.filter(parent__in=children).values_list("parent_id", flat=True))
    expected = (len(parent.path) if parent else 0) + SEGMENT
    for child in children:
        if len(child.path) != expected:
            # Unit ids of 7+ digits would break the fixed-width row key.
            raise ValueError(f"unit path segment of {child.pk} is not 7 characters")
    return children, parents


def required_for(on: date) -> tuple[Standard | None, dict[tuple[int, int], int]]:
    """The standard in force on ``on`` and its required levels (two queries)."""
    standard = standard_in_force(on)
    return standard, levels_of(standard)


def aggregate_rows(
    *,
    parent: Unit | None,
    children: list[Unit],
    with_children: set[int],
    filters: Filters,
    period: Period,
    required: dict[tuple[int, int], int],
    dimension_ids: list[int],
) -> list[AggregateRow]:
    """One row per child (its whole subtree) plus, when any, a row for the
    employees placed directly in ``parent``. Two queries."""
    path = parent.path if parent else ""
    stats = scope_stats(
        path=path,
        key_len=len(path) + SEGMENT,
        filters=filters,
        period=period,
        required=required,
        dimension_ids=dimension_ids,
    )

    def row(unit: Unit | None, key: str) -> AggregateRow:
        by_dim = stats.get(key) or {d: Stats() for d in dimension_ids}
        employees = next(iter(by_dim.values())).employees if by_dim else 0
        return AggregateRow(
            unit=unit,
            key=key,
            employees=employees,
            by_dimension=by_dim,
            all_dimensions=total(by_dim.values()),
            has_children=bool(unit and unit.pk in with_children),
        )

    rows = [row(child, child.path) for child in children]
    if parent and parent.path in stats:
        rows.insert(0, row(None, parent.path))
    return rows
