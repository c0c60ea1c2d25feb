"""The unit's competency development beside its IKM: development activities and JP in
a quarter (from the JP ledger) and the mean gap per sociocultural dimension.

The paper reads Table 2's low "info/pengaduan" and "persyaratan" scores as a matter of
sociocultural competence (how staff inform applicants and handle complaints), so the
survey page shows both together. The link is shown, not computed: no correlation is
claimed from a handful of quarters.

Employees are counted by their current unit (the subtree of the surveyed unit); JP
come from ``ledger.models.JPEntry`` dated within the quarter, summed in minutes and
converted once per JP length (``ledger.jp.jp_total``). JP compliance beside it is
``ledger.selectors.unit_compliance`` on the quarter's last day (or today, for the
running quarter): the one definition every page uses.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import get_language

from competencies.gaps import gap
from competencies.models import DevelopmentForm, Dimension
from competencies.selectors import required_levels
from ledger.jp import jp_total
from ledger.models import JPEntry
from ledger.selectors import Compliance, reckoning, unit_compliance
from people.models import Employee, Unit
from people.tree import subtree_q
from sosiokultural.periods import Period
from sosiokultural.rounding import round_half_up


@dataclass(frozen=True)
class FormRow:
    form: DevelopmentForm | None
    source: str  # internal / external
    activities: int  # distinct ledger sources (an activity or a completed program)
    participants: int
    jp: Decimal

    @property
    def label(self) -> str:
        return self.form.label if self.form else ""


@dataclass(frozen=True)
class GapRow:
    dimension: Dimension
    employees: int  # with both a required and an assessed level
    below: int  # with a gap above zero
    mean_gap: Decimal | None  # rounded half up to 2 decimals

    @property
    def label(self) -> str:
        if (get_language() or "id").startswith("en") and self.dimension.name_en:
            return self.dimension.name_en
        return self.dimension.name


@dataclass(frozen=True)
class Development:
    unit: Unit
    period: Period
    employees: int
    participants: int
    activities: int
    jp: Decimal
    forms: list[FormRow]
    gaps: list[GapRow]
    compliance: Compliance

    @property
    def jp_per_employee(self) -> Decimal | None:
        if not self.employees:
            return None
        return round_half_up(Fraction(self.jp) / self.employees, 2)


def mean_gaps(
    *,
    employees: list[tuple[int, int]],
    required: dict[tuple[int, int], int],
    assessed: dict[tuple[int, int], int],
    dimension_ids: list[int],
) -> dict[int, tuple[int, int, Decimal | None]]:
    """{dimension_id: (counted, with a gap, mean gap)} over ``employees``
    [(employee_id, position_type_id)]; an employee counts for a dimension when both
    the required and the assessed level are known. The mean is exact, rounded once."""
    result = {}
    for dimension_id in dimension_ids:
        gaps = []
        for employee_id, position_type_id in employees:
            value = gap(
                required.get((position_type_id, dimension_id)),
                assessed.get((employee_id, dimension_id)),
            )
            if value is not None:
                gaps.append(value)
        mean = round_half_up(Fraction(sum(gaps), len(gaps)), 2) if gaps else None
        result[dimension_id] = (len(gaps), sum(1 for g in gaps if g > 0), mean)
    return result


def _latest_levels(employee_ids: list[int]) -> dict[tuple[int, int], int]:
    # Imported here: the competency tests app is optional for this page.
    from assessments.selectors import latest_levels

    return latest_levels(employee_ids)


def unit_development(
    unit: Unit, period: Period, *, today: date | None = None
) -> Development:
    """Development of ``unit`` and its sub-units in ``period`` (constant queries)."""
    today = today or timezone.localdate()
    staff = list(
        Employee.objects.filter(subtree_q(unit), is_active=True).values_list(
            "pk", "position_type_id"
        )
    )
    entries = JPEntry.objects.filter(
        subtree_q(unit, "employee__unit"),
        occurred_on__gte=period.start,
        occurred_on__lte=period.end,
    )
    by_form: dict[tuple, list] = {}
    for g in (
        entries.values("form_id", "source", "minutes_per_jp")
        .annotate(minutes=Sum("minutes"))
        .order_by()
    ):
        key = (g["form_id"], g["source"])
        by_form.setdefault(key, []).append((g["minutes"], g["minutes_per_jp"]))
    counts = {
        (g["form_id"], g["source"]): g
        for g in entries.values("form_id", "source")
        .annotate(
            activities=Count("source_key", distinct=True),
            participants=Count("employee_id", distinct=True),
        )
        .order_by()
    }
    participants = entries.aggregate(n=Count("employee_id", distinct=True))["n"]
    form_ids = {form_id for form_id, __ in by_form if form_id}
    forms = DevelopmentForm.objects.in_bulk(form_ids) if form_ids else {}
    rows = [
        FormRow(
            form=forms.get(form_id),
            source=source,
            activities=counts[(form_id, source)]["activities"],
            participants=counts[(form_id, source)]["participants"],
            jp=jp_total(parts),
        )
        for (form_id, source), parts in by_form.items()
    ]
    rows.sort(
        key=lambda r: (
            r.source,
            r.form.order if r.form else 999,
            r.label,
        )
    )
    dimensions = list(Dimension.objects.order_by("number"))
    gaps_by_dimension = mean_gaps(
        employees=staff,
        required=required_levels(period.end),
        assessed=_latest_levels([pk for pk, __ in staff]) if staff else {},
        dimension_ids=[d.pk for d in dimensions],
    )
    return Development(
        unit=unit,
        period=period,
        employees=len(staff),
        participants=participants or 0,
        activities=sum(r.activities for r in rows),
        jp=jp_total(part for parts in by_form.values() for part in parts),
        forms=rows,
        gaps=[GapRow(d, *gaps_by_dimension[d.pk]) for d in dimensions],
        compliance=unit_compliance(unit, reckoning(min(period.end, today))),
    )


def jp_by_period(unit: Unit, periods: list[Period]) -> dict[Period, Decimal]:
    """{period: JP of the unit subtree} in one query (minutes grouped by day, then
    bucketed into quarters and converted once per quarter)."""
    if not periods:
        return {}
    first = min(p.start for p in periods)
    last = max(p.end for p in periods)
    parts: dict[Period, list] = defaultdict(list)
    wanted = set(periods)
    for day, length, total in (
        JPEntry.objects.filter(
            subtree_q(unit, "employee__unit"),
            occurred_on__gte=first,
            occurred_on__lte=last,
        )
        .values("occurred_on", "minutes_per_jp")
        .annotate(total=Sum("minutes"))
        .order_by()
        .values_list("occurred_on", "minutes_per_jp", "total")
    ):
        period = Period.of(day if isinstance(day, date) else date.fromisoformat(day))
        if period in wanted:
            parts[period].append((total, length))
    return {p: jp_total(parts.get(p, [])) for p in periods}
