"""The employee report: required vs current level per dimension, the gap, the
history across test rounds, the matrix's recommended forms where there is a gap,
the development plan of the year with its progress, and the JP of the year.
A fixed number of queries (ten) whatever the size of the database."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assessments.models import DimensionResult, LatestLevel, Result
from competencies.gaps import gap
from competencies.models import DevelopmentForm, Dimension, RequiredLevel, Standard
from competencies.selectors import matrix, standard_in_force
from ledger.selectors import JPStanding, jp_standing, reckoning
from people.models import Employee
from plans.models import DevelopmentPlan, PlanItem
from plans.selectors import PlanProgress, plan_for, plan_items, progress_of


@dataclass(frozen=True)
class DimensionLine:
    dimension: Dimension
    required: int | None
    level: int | None
    assessed_on: date | None
    internal_forms: list[DevelopmentForm] = field(default_factory=list)
    external_forms: list[DevelopmentForm] = field(default_factory=list)
    # No level, but a released test with too few answers in it: "bukti belum
    # cukup" rather than "belum diuji".
    insufficient: bool = False

    @property
    def gap(self) -> int | None:
        return gap(self.required, self.level)

    @property
    def css(self) -> str:
        """The heatmap class of static/css/app.css."""
        if self.level is None:
            return "gap-untested"
        g = self.gap
        return f"gap-{min(g, 4)}" if g is not None else ""


@dataclass(frozen=True)
class HistoryRound:
    result_id: int
    assessed_on: date
    levels: list[int | None]  # one per dimension, in dimension order
    # Per dimension: tested in this round but too few answers for a level.
    insufficient: list[bool] = field(default_factory=list)

    @property
    def cells(self) -> list[tuple[int | None, bool]]:
        return list(zip(self.levels, self.insufficient, strict=True))


@dataclass
class EmployeeReport:
    employee: Employee
    today: date
    year: int
    standard: Standard | None
    lines: list[DimensionLine]
    history: list[HistoryRound]
    plan: DevelopmentPlan | None
    items: list[PlanItem]
    progress: PlanProgress
    jp_standing: JPStanding

    @property
    def dimensions(self) -> list[Dimension]:
        return [line.dimension for line in self.lines]

    @property
    def tested(self) -> int:
        return sum(1 for line in self.lines if line.level is not None)

    @property
    def with_gap(self) -> int:
        return sum(1 for line in self.lines if line.gap)

    @property
    def gap_lines(self) -> list[DimensionLine]:
        return [line for line in self.lines if line.gap]

    @property
    def jp(self) -> Decimal:
        return self.jp_standing.jp

    @property
    def jp_kind(self) -> str:
        return self.jp_standing.kind

    @property
    def jp_minimum(self) -> Decimal | None:
        """The minimum or cap of the employee's status (``None`` without one)."""
        return self.jp_standing.target

    @property
    def jp_percent(self) -> int:
        return self.jp_standing.percent

    @property
    def jp_remaining(self) -> Decimal:
        return self.jp_standing.missing

    def chart_data(self) -> dict:
        """What the radar chart draws (passed with ``json_script``)."""
        return {
            "labels": [line.dimension.label for line in self.lines],
            "required": [line.required for line in self.lines],
            "level": [line.level for line in self.lines],
        }


def required_of_position(standard: Standard | None, position_type_id: int) -> dict:
    if standard is None:
        return {}
    return dict(
        RequiredLevel.objects.filter(
            standard=standard, position_type_id=position_type_id
        ).values_list("dimension_id", "level")
    )


def history_of(employee: Employee, dimensions: list[Dimension]) -> list[HistoryRound]:
    """Released results, oldest first, one row per result."""
    order = {d.pk: i for i, d in enumerate(dimensions)}
    rounds: dict[int, HistoryRound] = {}
    rows = (
        DimensionResult.objects.filter(
            result__employee=employee, result__status=Result.Status.RELEASED
        )
        .order_by("result__assessed_on", "result_id")
        .values_list("result_id", "result__assessed_on", "dimension_id", "level")
    )
    for result_id, assessed_on, dimension_id, level in rows:
        if result_id not in rounds:
            rounds[result_id] = HistoryRound(
                result_id,
                assessed_on,
                [None] * len(dimensions),
                [False] * len(dimensions),
            )
        if dimension_id in order:
            rounds[result_id].levels[order[dimension_id]] = level
            rounds[result_id].insufficient[order[dimension_id]] = level is None
    return list(rounds.values())


def employee_report(
    employee: Employee, *, today: date, plan_year: int | None = None
) -> EmployeeReport:
    """Levels and JP as of ``today``; the plan of ``plan_year`` (this year by
    default)."""
    dimensions = list(matrix())
    standard = standard_in_force(today)
    required = required_of_position(standard, employee.position_type_id)
    current = {
        row.dimension_id: row
        for row in LatestLevel.objects.filter(employee=employee).only(
            "dimension_id", "level", "assessed_on"
        )
    }
    history = history_of(employee, dimensions)
    lacking = {
        dimensions[i].pk
        for round_ in history
        for i, flag in enumerate(round_.insufficient)
        if flag
    }
    lines = []
    for dimension in dimensions:
        latest = current.get(dimension.pk)
        line = DimensionLine(
            dimension=dimension,
            required=required.get(dimension.pk),
            level=latest.level if latest else None,
            assessed_on=latest.assessed_on if latest else None,
            insufficient=latest is None and dimension.pk in lacking,
        )
        if line.gap:
            forms = [cell.form for cell in dimension.links.all()]
            line.internal_forms.extend(f for f in forms if f.is_internal)
            line.external_forms.extend(f for f in forms if not f.is_internal)
        lines.append(line)
    year = plan_year or today.year
    plan = plan_for(employee, year)
    items = plan_items(plan) if plan else []
    return EmployeeReport(
        employee=employee,
        today=today,
        year=year,
        standard=standard,
        lines=lines,
        history=history,
        plan=plan,
        items=items,
        progress=progress_of(items),
        jp_standing=jp_standing(employee, reckoning(today)),
    )
