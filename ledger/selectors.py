"""Reads of the JP ledger, scoped with the project's rule (people.selectors).

Every JP figure of the project comes from here: one employee's standing, a page
of standings, and **compliance** — the one definition every page uses (ledger
pages, dashboard cards, the unit report, the IKM page's development panel):

- the people counted are the **active** employees in scope, grouped by their
  employment status, each status under the rule in force for it on the
  reference date (``ledger.rules``);
- the **denominator** of "n / m pegawai ≥ minimum" is the number of those whose
  status has a *minimum* in force (PNS and CPNS under the default rules); its
  numerator, those whose JP in their counting window reach it;
- statuses under a *cap* (PPPK) are reported apart: how many are within it and how
  many above it; statuses without a rule (non-ASN) are counted but never in a
  share, never behind, never over.

All of it is computed in SQL over the per-window roll-up ``JPTotal`` (one LEFT
JOIN per basis), so a page costs a fixed number of queries at any size.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ledger import rules
from ledger.models import JPEntry, JPRule, JPTotal
from people.models import Employee, Unit
from people.selectors import employee_scope_q, units_visible_to
from people.tree import subtree_q
from sosiokultural.rounding import percent

STATUSES = [s.value for s in Employee.Status]
# Where an employee's JP stand against their rule on the reference date.
BEHIND, MET, OVER, WITHIN, UNRULED = "behind", "met", "over", "within", "none"
PAGE_SIZE = 50

_MONEY = DecimalField(max_digits=12, decimal_places=2)
_ZERO = Value(Decimal("0.00"), output_field=_MONEY)


def jp_rules() -> list[rules.Terms]:
    return [rule.terms() for rule in JPRule.objects.all()]


def jp_rule_versions() -> QuerySet[JPRule]:
    return JPRule.objects.select_related("created_by").order_by(
        "employment_status", "-effective_from"
    )


@dataclass(frozen=True)
class Reckoning:
    """The rules in force for every status on one reference date."""

    on: date
    by_status: dict[str, rules.Terms | None]

    def rule(self, status: str) -> rules.Terms | None:
        return self.by_status.get(status)

    def statuses(self, kind: str) -> list[str]:
        return [
            s
            for s, r in self.by_status.items()
            if r is not None and r.has_target and r.kind == kind
        ]

    @property
    def contract_statuses(self) -> list[str]:
        return [
            s
            for s, r in self.by_status.items()
            if r is not None and r.basis == rules.CONTRACT
        ]

    @property
    def minimums(self) -> list[Decimal]:
        return sorted({self.by_status[s].jp for s in self.statuses(rules.MINIMUM)})

    @property
    def minimum(self) -> Decimal | None:
        """The minimum when every status with one shares it (20 by default)."""
        values = self.minimums
        return values[0] if len(values) == 1 else None


def reckoning(on: date, terms: list[rules.Terms] | None = None) -> Reckoning:
    terms = jp_rules() if terms is None else terms
    return Reckoning(on, {s: rules.in_force(terms, s, on) for s in STATUSES})


def year_reckoning(year: int, today: date) -> Reckoning:
    return reckoning(rules.reference_date(year, today))


def with_jp(employees: QuerySet[Employee], rk: Reckoning) -> QuerySet[Employee]:
    """``employees`` with the aliases ``jp_value`` (JP in the counting window on
    ``rk.on``), ``jp_minutes``, ``jp_by_contract``, ``jp_state`` (behind, met, over,
    within, none) and ``jp_group`` (0 minimum, 1 cap, 2 no rule), for filters,
    counts and ordering in SQL."""
    qs = employees.alias(
        jp_cal=FilteredRelation(
            "jp_totals",
            condition=Q(
                jp_totals__basis=rules.CALENDAR,
                jp_totals__starts_on=date(rk.on.year, 1, 1),
            ),
        )
    )
    jp = Coalesce(F("jp_cal__jp"), _ZERO, output_field=_MONEY)
    minutes = Coalesce(F("jp_cal__minutes"), _ZERO, output_field=_MONEY)
    by_contract = Value(False, output_field=BooleanField())
    if rk.contract_statuses:
        covered = Q(
            employment_status__in=rk.contract_statuses,
            contract_starts_on__lte=rk.on,
        ) & (Q(contract_ends_on__isnull=True) | Q(contract_ends_on__gte=rk.on))
        qs = qs.alias(
            jp_con=FilteredRelation(
                "jp_totals",
                condition=Q(
                    jp_totals__basis=rules.CONTRACT,
                    jp_totals__starts_on__lte=rk.on,
                    jp_totals__ends_on__gte=rk.on,
                ),
            )
        )
        jp = Case(
            When(covered, then=Coalesce(F("jp_con__jp"), _ZERO)),
            default=jp,
            output_field=_MONEY,
        )
        minutes = Case(
            When(covered, then=Coalesce(F("jp_con__minutes"), _ZERO)),
            default=minutes,
            output_field=_MONEY,
        )
        by_contract = Case(
            When(covered, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    qs = qs.alias(jp_value=jp, jp_minutes=minutes, jp_by_contract=by_contract)
    states = []
    for status in rk.statuses(rules.MINIMUM):
        target = rk.by_status[status].jp
        states += [
            When(Q(employment_status=status, jp_value__lt=target), then=Value(BEHIND)),
            When(employment_status=status, then=Value(MET)),
        ]
    for status in rk.statuses(rules.CAP):
        target = rk.by_status[status].jp
        states += [
            When(Q(employment_status=status, jp_value__gt=target), then=Value(OVER)),
            When(employment_status=status, then=Value(WITHIN)),
        ]
    state = (
        Case(*states, default=Value(UNRULED), output_field=CharField())
        if states
        else Value(UNRULED, output_field=CharField())
    )
    group = Case(
        When(employment_status__in=rk.statuses(rules.MINIMUM), then=Value(0)),
        When(employment_status__in=rk.statuses(rules.CAP), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return qs.alias(jp_state=state, jp_group=group)


# -- one employee ---------------------------------------------------------------------


@dataclass(frozen=True)
class JPStanding:
    """An employee's JP in the counting window of the reference date, against the
    rule of their status then in force."""

    employee: Employee
    rule: rules.Terms | None
    window: rules.Window
    minutes: Decimal
    jp: Decimal

    @property
    def assessment(self) -> rules.Assessment:
        return rules.assess(self.rule, self.jp)

    @property
    def kind(self) -> str:
        return self.assessment.kind

    @property
    def target(self) -> Decimal | None:
        return self.assessment.target

    @property
    def required(self) -> bool:
        """The status has a minimum to reach."""
        return self.assessment.required

    @property
    def capped(self) -> bool:
        return self.assessment.capped

    @property
    def minimum(self) -> Decimal | None:
        return self.target if self.required else None

    @property
    def percent(self) -> int:
        return self.assessment.percent

    @property
    def missing(self) -> Decimal:
        return self.assessment.missing

    @property
    def behind(self) -> bool:
        return self.assessment.behind

    @property
    def excess(self) -> Decimal:
        return self.assessment.excess

    @property
    def over(self) -> bool:
        return self.assessment.over

    @property
    def room(self) -> Decimal | None:
        return self.assessment.room

    @property
    def by_contract(self) -> bool:
        return self.window.basis == rules.CONTRACT

    @property
    def contract_missing(self) -> bool:
        """A contract-year rule applies but the contract does not cover the day."""
        return (
            self.rule is not None
            and self.rule.basis == rules.CONTRACT
            and not self.by_contract
        )


def _standing(employee: Employee, rk: Reckoning) -> JPStanding:
    rule = rk.rule(employee.employment_status)
    window = rules.window_of(
        rule.basis if rule else rules.CALENDAR,
        rk.on,
        employee.contract_starts_on,
        employee.contract_ends_on,
    )
    return JPStanding(
        employee=employee,
        rule=rule,
        window=window,
        minutes=Decimal(employee.standing_minutes).quantize(Decimal("0.01")),
        jp=Decimal(employee.standing_jp).quantize(Decimal("0.01")),
    )


def _selected(qs: QuerySet[Employee]) -> QuerySet[Employee]:
    return qs.annotate(
        standing_jp=F("jp_value"), standing_minutes=F("jp_minutes")
    ).select_related("unit", "position_type")


def standings_of(employees: QuerySet[Employee], rk: Reckoning) -> list[JPStanding]:
    """Standings of every employee of ``employees`` (a bounded queryset): one
    query."""
    return [_standing(e, rk) for e in _selected(with_jp(employees, rk))]


def jp_standings(
    employees, year: int, *, today: date | None = None
) -> list[JPStanding]:
    """Standings of ``employees`` (objects or ids) for ``year``, in their order."""
    ids = [getattr(e, "pk", e) for e in employees]
    rk = year_reckoning(year, today or timezone.localdate())
    found = {
        s.employee.pk: s for s in standings_of(Employee.objects.filter(pk__in=ids), rk)
    }
    return [found[pk] for pk in ids if pk in found]


def jp_standing(employee: Employee, rk: Reckoning) -> JPStanding:
    (standing,) = standings_of(Employee.objects.filter(pk=employee.pk), rk)
    return standing


def ledger_employees_visible_to(user) -> QuerySet[Employee]:
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit", "position_type"
    )


def jp_entries_visible_to(user) -> QuerySet[JPEntry]:
    """The entries of the employees ``user`` may see. Who sees every unit reads
    the ledger unfiltered (every entry has an employee): a semi-join over all
    100,000 employees would cost a hash of them before the first row."""
    scope = employee_scope_q(user)
    if not scope:
        return JPEntry.objects.all()
    return JPEntry.objects.filter(
        employee__in=Employee.objects.filter(scope).values("pk")
    )


def ledger_employee_get_for_user(user, pk: int) -> Employee:
    return get_object_or_404(ledger_employees_visible_to(user), pk=pk)


def window_entries(employee: Employee, window: rules.Window) -> QuerySet[JPEntry]:
    return (
        JPEntry.objects.filter(
            employee=employee,
            occurred_on__gte=window.starts_on,
            occurred_on__lte=window.ends_on,
        )
        .select_related("form")
        .order_by("-occurred_on", "-pk")
    )


def year_entries(employee: Employee, year: int) -> QuerySet[JPEntry]:
    return window_entries(
        employee, rules.Window(rules.CALENDAR, *rules.calendar_year(date(year, 1, 1)))
    )


# -- compliance -----------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    status: str
    rule: rules.Terms | None
    employees: int = 0
    met: int = 0  # minimum reached, or within the cap
    behind: int = 0
    over: int = 0

    @property
    def label(self) -> str:
        return Employee.Status(self.status).label

    @property
    def kind(self) -> str:
        return self.rule.kind if self.rule and self.rule.has_target else rules.NONE

    @property
    def share(self) -> Decimal | None:
        return _share(self.met, self.employees) if self.kind != rules.NONE else None


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return percent(part, whole, 1)


@dataclass(frozen=True)
class Compliance:
    """JP compliance of a set of active employees on ``on`` (see the module
    docstring for the one denominator definition)."""

    on: date
    minimum: Decimal | None  # the shared minimum of the minimum statuses, if one
    rows: tuple[StatusCount, ...]

    def _of(self, kind: str) -> list[StatusCount]:
        return [r for r in self.rows if r.kind == kind]

    @property
    def employees(self) -> int:
        return sum(r.employees for r in self.rows)

    @property
    def required(self) -> int:
        """The denominator: employees whose status has a minimum."""
        return sum(r.employees for r in self._of(rules.MINIMUM))

    @property
    def compliant(self) -> int:
        return sum(r.met for r in self._of(rules.MINIMUM))

    @property
    def behind(self) -> int:
        return sum(r.behind for r in self.rows)

    @property
    def capped(self) -> int:
        return sum(r.employees for r in self._of(rules.CAP))

    @property
    def over(self) -> int:
        return sum(r.over for r in self.rows)

    @property
    def share(self) -> Decimal | None:
        return _share(self.compliant, self.required)

    @property
    def shown_rows(self) -> list[StatusCount]:
        """Statuses with at least one employee."""
        return [r for r in self.rows if r.employees]

    def count_of(self, state: str | None, status: str | None) -> int:
        rows = [r for r in self.rows if status is None or r.status == status]
        if state == BEHIND:
            return sum(r.behind for r in rows)
        if state == OVER:
            return sum(r.over for r in rows)
        return sum(r.employees for r in rows)


def _compliance(rk: Reckoning, counts: dict[str, dict]) -> Compliance:
    return Compliance(
        on=rk.on,
        minimum=rk.minimum,
        rows=tuple(
            StatusCount(status=s, rule=rk.rule(s), **counts.get(s, {}))
            for s in STATUSES
        ),
    )


_COUNTS = {
    "employees": Count("pk"),
    "met": Count("pk", filter=Q(jp_state__in=[MET, WITHIN])),
    "behind": Count("pk", filter=Q(jp_state=BEHIND)),
    "over": Count("pk", filter=Q(jp_state=OVER)),
}


def jp_compliance(employees: QuerySet[Employee], rk: Reckoning) -> Compliance:
    """Compliance of the **active** employees of ``employees``: one GROUP BY."""
    rows = (
        with_jp(employees.filter(is_active=True), rk)
        .order_by()
        .values("employment_status")
        .annotate(**_COUNTS)
    )
    return _compliance(
        rk,
        {r["employment_status"]: {k: r[k] for k in _COUNTS} for r in rows},
    )


def jp_compliance_by_unit(
    employees: QuerySet[Employee], rk: Reckoning
) -> dict[int, dict[str, dict]]:
    """{unit id: {status: counts}} of the active employees of ``employees``, by
    the unit they are placed in: one GROUP BY."""
    out: dict[int, dict[str, dict]] = {}
    for r in (
        with_jp(employees.filter(is_active=True), rk)
        .order_by()
        .values("unit_id", "employment_status")
        .annotate(**_COUNTS)
    ):
        out.setdefault(r["unit_id"], {})[r["employment_status"]] = {
            k: r[k] for k in _COUNTS
        }
    return out


def unit_compliance(unit: Unit, rk: Reckoning) -> Compliance:
    """Compliance of the active employees of ``unit`` and the units under it."""
    return jp_compliance(Employee.objects.filter(subtree_q(unit)), rk)


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    compliance: Compliance


def child_unit_rows(
    user, parent: Unit | None, rk: Reckoning, page_number
) -> tuple[Compliance, Page, list[UnitRow]]:
    """The whole of ``parent``'s subtree (every unit visible to ``user`` for
    ``None``) and a page of its child units, each with its subtree's compliance.
    One GROUP BY (unit, status) over the subtree's employees; the grouped rows
    (at most units × statuses) are added up per child through the units'
    parent links."""
    visible = units_visible_to(user)
    employees = ledger_employees_visible_to(user)
    if parent is None:
        children = visible.filter(parent__isnull=True)
        subtree = visible
    else:
        children = visible.filter(parent=parent)
        employees = employees.filter(subtree_q(parent))
        subtree = visible.filter(subtree_q(parent, field=""))
    grouped = jp_compliance_by_unit(employees, rk)
    page = Paginator(children, PAGE_SIZE).get_page(page_number)
    child_ids = {u.pk for u in page.object_list}
    parents = dict(subtree.values_list("pk", "parent_id"))
    top_id = parent.pk if parent is not None else None

    def child_of(unit_id: int) -> int | None:
        while unit_id is not None:
            up = parents.get(unit_id)
            if up == top_id:
                return unit_id
            unit_id = up
        return None

    sums: dict[int, dict[str, dict]] = {pk: {} for pk in child_ids}
    total: dict[str, dict] = {}
    for unit_id, by_status in grouped.items():
        child = child_of(unit_id)
        targets = [total, sums[child]] if child in child_ids else [total]
        for target in targets:
            for status, counts in by_status.items():
                into = target.setdefault(status, dict.fromkeys(_COUNTS, 0))
                for k, v in counts.items():
                    into[k] += v
    rows = [UnitRow(u, _compliance(rk, sums[u.pk])) for u in page.object_list]
    return _compliance(rk, total), page, rows


# -- a unit's list --------------------------------------------------------------------


def unit_standings_page(
    user,
    unit: Unit,
    rk: Reckoning,
    *,
    state: str | None = None,
    status: str | None = None,
    page_number=None,
    compliance: Compliance | None = None,
) -> Page:
    """A page of the standings of the active employees of ``unit``'s subtree that
    ``user`` may see: minimum statuses first (least JP first), then capped ones,
    then those without a rule; filtered in SQL by ``state`` (behind/over) and
    ``status``. The page count comes from ``compliance`` when given."""
    qs = with_jp(
        ledger_employees_visible_to(user).filter(subtree_q(unit), is_active=True), rk
    )
    if state in (BEHIND, OVER):
        qs = qs.filter(jp_state=state)
    if status in STATUSES:
        qs = qs.filter(employment_status=status)
    qs = _selected(qs).order_by("jp_group", "jp_value", "unit", "name", "pk")
    paginator = Paginator(qs, PAGE_SIZE)
    if compliance is not None:
        paginator.count = compliance.count_of(state, status)
    page = paginator.get_page(page_number)
    page.object_list = [_standing(e, rk) for e in page.object_list]
    return page


def unit_standings_stream(user, unit: Unit, rk: Reckoning, *, state=None, status=None):
    """Every standing of the list above, streamed in chunks (for the export)."""
    qs = with_jp(
        ledger_employees_visible_to(user).filter(subtree_q(unit), is_active=True), rk
    )
    if state in (BEHIND, OVER):
        qs = qs.filter(jp_state=state)
    if status in STATUSES:
        qs = qs.filter(employment_status=status)
    qs = _selected(qs).order_by("jp_group", "jp_value", "unit", "name", "pk")
    for employee in qs.iterator(chunk_size=2000):
        yield _standing(employee, rk)


# -- other apps -----------------------------------------------------------------------


@dataclass(frozen=True)
class CapWarning:
    """Adding ``adding`` JP on ``on`` would take the employee past the cap of
    their status (a warning: nothing is blocked)."""

    employee: Employee
    rule: rules.Terms
    window: rules.Window
    jp: Decimal
    adding: Decimal

    @property
    def after(self) -> Decimal:
        return self.jp + self.adding


def jp_cap_warnings(items) -> list[CapWarning | None]:
    """For each (employee, day, JP to add) of ``items``: a ``CapWarning`` when the
    JP already credited in the employee's window of that day plus the new JP pass
    the cap in force for their status on that day, else ``None``. Two queries,
    whatever the number of items."""
    items = list(items)
    if not items:
        return []
    terms = jp_rules()
    ids = {employee.pk for employee, __, __ in items}
    first = min(day for __, day, __ in items)
    last = max(day for __, day, __ in items)
    totals = {
        (emp, basis, start): jp
        for emp, basis, start, jp in JPTotal.objects.filter(
            employee_id__in=ids, starts_on__lte=last, ends_on__gte=first
        ).values_list("employee_id", "basis", "starts_on", "jp")
    }
    out: list[CapWarning | None] = []
    for employee, day, adding in items:
        rule = rules.in_force(terms, employee.employment_status, day)
        adding = Decimal(adding)
        if rule is None or rule.kind != rules.CAP:
            out.append(None)
            continue
        window = rules.window_of(
            rule.basis, day, employee.contract_starts_on, employee.contract_ends_on
        )
        jp = totals.get((employee.pk, window.basis, window.starts_on), Decimal("0.00"))
        out.append(
            CapWarning(employee, rule, window, jp, adding)
            if rules.would_exceed_cap(rule, jp, adding)
            else None
        )
    return out


def _calendar_totals(employee_ids, year: int):
    return JPTotal.objects.filter(
        employee_id__in=list(employee_ids),
        basis=rules.CALENDAR,
        starts_on=date(year, 1, 1),
    )


def minutes_by_employee(employee_ids, year: int) -> dict[int, Decimal]:
    """{employee_id: minutes credited in calendar ``year``} (absent when none)."""
    return dict(
        _calendar_totals(employee_ids, year).values_list("employee_id", "minutes")
    )


def jp_by_employee(employee_ids, year: int) -> dict[int, Decimal]:
    """{employee_id: JP in calendar ``year``} for the given employees (0 when none)."""
    employee_ids = list(employee_ids)
    found = dict(_calendar_totals(employee_ids, year).values_list("employee_id", "jp"))
    return {emp: found.get(emp, Decimal("0.00")) for emp in employee_ids}


def minutes_per_jp_text(on: date) -> str:
    """The JP length in force on ``on``: "45", or per status when they differ."""
    rk = reckoning(on)
    lengths = {s: r.minutes_per_jp for s, r in rk.by_status.items() if r is not None}
    if len(set(lengths.values())) <= 1:
        return str(next(iter(lengths.values()), rules.DEFAULT_MINUTES_PER_JP))
    return ", ".join(f"{s} {m}" for s, m in lengths.items())


def ledger_years(today: date) -> list[int]:
    return list(range(today.year, today.year - 5, -1))
