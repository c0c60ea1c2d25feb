"""The program effectiveness report (Kirkpatrick levels 1 and 3 side by side
with the assessed levels), per program and per development form, in a fixed
number of queries for any number of rows.

For each row (a program, or a form pooling its programs or its internal
activities), within the reader's scope:

- **participants**: participations (``evaluations.selectors``);
- **reaction**: responses and the mean of each item;
- **follow-up**: per dimension the row develops, how many observations of each
  outcome;
- **level change**, per dimension, of participants and of non-participants,
  distinct employees: the participants are the employees who took part in the
  row in the year, the others the active employees of their units who did not;
  a person's change is their level now (``LatestLevel``) minus their level in
  force on the row's window date (the validity intervals of the released
  results) — a program's start date, or 1 January of the year for a form —
  counted where both exist. The others are unit totals minus the participants'
  totals: no pairs of people. The unit totals come from the
  ``assessments.LevelChangeStep`` roll-up; a program's participants and their
  changes from ``evaluations.ProgramChange`` (summed per unit); a form's
  participants and their
  changes from ``ledger.FormYearChange`` (internal forms: the ledger's entries
  per person with their ``assessments.YearStartChange``, summed per unit) or
  from the nominations and ``YearStartChange`` (external forms) — never one row
  per attendance.

A mean (reaction item or level change) is shown only for a group of at least
``EVALUATION_MIN_GROUP``; the count is always shown.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from activities.models import Activity
from activities.selectors import attended_from
from assessments.models import (
    LevelChangeStep,
    YearStartChange,
)
from assessments.models.results import (
    CHANGE_FIELDS,
    COUNTED_FIELDS,
    PROFILE_NUMBERS,
)
from competencies.models import DevelopmentForm, Dimension, FormDimension
from evaluations import rules
from evaluations.models import Observation, ProgramChange, Reaction
from evaluations.selectors import (
    minimum_group,
    participated_activities,
    program_participations,
)
from ledger.models import FormYearChange
from people.models import User
from people.selectors import employee_scope_q, unit_scope_q, units_visible_to
from programs.models import Program

ROLLED_FIGURES = [*COUNTED_FIELDS, *CHANGE_FIELDS]
OUTCOMES = [value for value, __ in Observation.Outcome.choices]
OUTCOME_LABELS = [label for __, label in Observation.Outcome.choices]


@dataclass
class Group:
    count: int = 0
    total: int = 0
    minimum: int = 1

    @property
    def mean(self) -> Decimal | None:
        return rules.group_mean(self.total, self.count, self.minimum)


@dataclass
class DimensionLine:
    dimension: Dimension
    outcomes: dict = field(default_factory=dict)  # outcome → count
    participants: Group = field(default_factory=Group)
    others: Group = field(default_factory=Group)

    @property
    def outcome_counts(self) -> list[int]:
        return [self.outcomes.get(o, 0) for o in OUTCOMES]

    @property
    def outcome_cells(self) -> list[tuple]:
        return list(zip(OUTCOME_LABELS, self.outcome_counts, strict=True))


@dataclass
class ReportRow:
    key: int
    label: str
    form_label: str
    participants: int = 0
    responses: int = 0
    sums: dict = field(default_factory=dict)  # item → sum of answers
    minimum: int = 1
    dimensions: list = field(default_factory=list)

    @property
    def means(self) -> list[Decimal | None]:
        return [
            rules.group_mean(self.sums.get(item, 0), self.responses, self.minimum)
            for item in rules.ITEM_FIELDS
        ]

    @property
    def item_means(self) -> list[tuple]:
        questions = [question for __, question in rules.ITEMS]
        return list(zip(questions, self.means, strict=True))


# -- the participations of a report, as SQL -----------------------------------------
# Only table names of the project's models and SQL compiled by the ORM (with its
# parameters kept apart) are put into the text below: no input reaches it.


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _dims_sql() -> str:
    """(key, dim): the dimensions each row's programs and activities develop —
    their own, or else their form's in the matrix — over ``srcs`` (kind, src,
    key: the programs and activities with participations)."""
    pd = Program.dimensions.through._meta.db_table
    ad = Activity.dimensions.through._meta.db_table
    program = Program._meta.db_table
    activity = Activity._meta.db_table
    fd = FormDimension._meta.db_table
    return f"""
        SELECT s.key, x.dimension_id FROM srcs s
          JOIN {pd} x ON x.program_id = s.src WHERE s.kind = 'p'
        UNION
        SELECT s.key, fd.dimension_id FROM srcs s
          JOIN {program} o ON o.id = s.src
          JOIN {fd} fd ON fd.form_id = o.form_id
         WHERE s.kind = 'p'
           AND NOT EXISTS (SELECT 1 FROM {pd} y WHERE y.program_id = s.src)
        UNION
        SELECT s.key, x.dimension_id FROM srcs s
          JOIN {ad} x ON x.activity_id = s.src WHERE s.kind = 'a'
        UNION
        SELECT s.key, fd.dimension_id FROM srcs s
          JOIN {activity} o ON o.id = s.src
          JOIN {fd} fd ON fd.form_id = o.form_id
         WHERE s.kind = 'a'
           AND NOT EXISTS (SELECT 1 FROM {ad} y WHERE y.activity_id = s.src)
    """  # noqa: S608  # nosec B608


def _program_srcs(user: User, year: int, key: str):
    """The programs ending in ``year`` with a participation in scope: (kind, src,
    key), one row per program."""
    return (
        Program.objects.filter(
            Exists(
                program_participations().filter(
                    employee_scope_q(user, "employee"), program_id=OuterRef("pk")
                )
            ),
            ends_on__year=year,
        )
        .order_by()
        .values(kind=Value("p"), src=F("pk"), key=F(key))
    )


def _activity_srcs(user: User, year: int):
    """The activities of ``year`` with a participation in scope, by form
    (``participated_activities``: one look-up of each activity's attendance).
    For a reader who does not see every unit, first the activities the
    attendee-unit roll-up says someone of their units attended (any status: a
    necessary condition, a few rows per activity), so that the exact test — a
    present attendance in scope — reads only those activities' attendance."""
    attended = Q()
    if not user.sees_all_units:
        units = units_visible_to(user).values("pk")
        attended = Q(pk__in=attended_from(units))
    starts = timezone.make_aware(datetime(year, 1, 1))
    ends = timezone.make_aware(datetime(year + 1, 1, 1))
    return (
        participated_activities(employee_scope_q(user, "employee"))
        .filter(attended, started_at__gte=starts, started_at__lt=ends)
        .order_by()
        .values(kind=Value("a"), src=F("pk"), key=F("form_id"))
    )


def _with_srcs(srcs) -> tuple[str, list]:
    sqls, params = [], []
    for queryset in srcs:
        sql, p = _sql(queryset)
        sqls.append(f"SELECT kind, src, key FROM ({sql}) q")  # noqa: S608  # nosec B608
        params += p
    return "srcs AS MATERIALIZED (" + " UNION ALL ".join(sqls) + ")", params


def _linked_dimensions(srcs, keys) -> dict[int, set[int]]:
    """{key: the dimensions its programs / activities develop}: one query over
    the programs and activities (``srcs``), not their participations."""
    with_srcs, params = _with_srcs(srcs)
    sql = f"WITH {with_srcs} {_dims_sql()}"
    out: dict[int, set[int]] = {k: set() for k in keys}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, dim in cursor.fetchall():
            out.setdefault(key, set()).add(dim)
    return out


# -- level changes, from the roll-ups -------------------------------------------------

# The rows tagged 0 of the statements below: the units' totals per key and
# dimension (``ru``: key, uid — the participants' units; ``{day}`` the row's
# window date), padded to the columns of the participants' rows.
UNIT_TOTALS = """
        SELECT 0, r.key, s.dimension_id, SUM(s.employees), SUM(s.change), {blanks}
          FROM ru r
          JOIN st s ON s.unit_id = r.uid AND s.day <= {day}
         GROUP BY r.key, s.dimension_id
"""
# ``st``: the change steps of the participants' units, read once per unit.
STEPS = """
        st AS MATERIALIZED (
            SELECT unit_id, dimension_id, day, employees, change FROM {steps}
             WHERE unit_id IN (SELECT uid FROM ru)
        )
"""


def _unit_totals(day: str) -> tuple[str, str]:
    blanks = ", ".join(["NULL"] * (2 * len(PROFILE_NUMBERS) - 2))
    return (
        STEPS.format(steps=LevelChangeStep._meta.db_table),
        UNIT_TOTALS.format(blanks=blanks, day=day),
    )


def _rolled_sums() -> str:
    return ", ".join(f"SUM(r.counted_{n}), SUM(r.change_{n})" for n in PROFILE_NUMBERS)


def _changes(
    sql: str, params: list, linked: dict[int, set[int]], numbers: dict[int, int]
) -> dict[tuple[int, int, int], tuple[int, int]]:
    """{(key, dimension, 1 participants / 0 others): (people, sum of changes)}
    from one statement's rows: tagged 1, the participants' counts and sums per
    key and active flag for the dimensions numbered 1–6 side by side (several
    rows of one key and flag add up); tagged 0, the units' totals per key and
    dimension. A row's others are the active employees of the participants'
    units minus the active participants (no pairs of people); only the
    dimensions the row develops (``linked``) are kept."""
    mine: dict[tuple[int, int, bool], tuple[int, int]] = {}
    units: dict[tuple[int, int], tuple[int, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for tag, key, third, *figures in rows:
        if not tag:  # a unit total: ``third`` is the dimension
            if third in linked.get(key, ()):
                units[(key, third)] = (int(figures[0] or 0), int(figures[1] or 0))
            continue
        for dim in linked.get(key, ()):
            number = numbers.get(dim)
            if number not in PROFILE_NUMBERS:
                continue
            i = 2 * (number - 1)
            had_n, had_total = mine.get((key, dim, bool(third)), (0, 0))
            mine[(key, dim, bool(third))] = (
                had_n + int(figures[i] or 0),
                had_total + int(figures[i + 1] or 0),
            )
    out: dict[tuple[int, int, int], tuple[int, int]] = {}
    for (key, dim, __), (n, total) in mine.items():
        if not n:
            continue
        had_n, had_total = out.get((key, dim, 1), (0, 0))
        out[(key, dim, 1)] = (had_n + n, had_total + total)
    for (key, dim), (n, total) in units.items():
        own_n, own_total = mine.get((key, dim, True), (0, 0))
        if n - own_n:
            out[(key, dim, 0)] = (n - own_n, total - own_total)
    return out


def _program_level_changes(
    *, rolled, linked: dict[int, set[int]], numbers: dict[int, int]
) -> dict[tuple[int, int, int], tuple[int, int]]:
    """The level changes of program rows, one comparison window per program
    (its start day), in one statement over roll-ups: the participants' changes
    from ``rolled`` (the reader's ``ProgramChange`` rows of the page's programs:
    key, uid, day, active and the figures), the units' totals from
    ``LevelChangeStep``."""
    rolled_sql, params = _sql(rolled)
    steps, unit_totals = _unit_totals("r.day")
    sql = f"""
        WITH roll AS MATERIALIZED ({rolled_sql}),
        ru AS (SELECT DISTINCT key, uid, day FROM roll),
        {steps}
        SELECT 1, r.key, CASE WHEN r.active THEN 1 ELSE 0 END, {_rolled_sums()}
          FROM roll r
         GROUP BY r.key, r.active
        UNION ALL
        {unit_totals}
    """  # noqa: S608  # nosec B608
    return _changes(sql, params, linked, numbers)


def _form_level_changes(
    *,
    programs,
    rolled,
    year: int,
    linked: dict[int, set[int]],
    numbers: dict[int, int],
) -> dict[tuple[int, int, int], tuple[int, int]]:
    """The level changes of form rows, every window on 1 January of ``year``,
    in one statement over roll-ups.

    ``programs`` gives the external forms' participants (key, eid, uid, active:
    the year's nominations), their changes read from ``YearStartChange``;
    ``rolled`` the reader's ``FormYearChange`` rows of the year (the internal
    forms' participants, already summed per unit). The two never share a key:
    a program is of an external form (``programs.services.programs``), the
    roll-up holds internal entries only. The units' totals come from
    ``LevelChangeStep`` (the steps of the participants' units up to that day)."""
    program_sql, program_params = _sql(programs)
    rolled_sql, rolled_params = _sql(rolled)
    changes = YearStartChange._meta.db_table
    steps, unit_totals = _unit_totals("%s")
    in_force = '((y.year = %s AND NOT y."open") OR (y."open" AND y.year <= %s))'
    from_changes = ", ".join(
        f"COUNT(y.change_{n}), SUM(y.change_{n})" for n in PROFILE_NUMBERS
    )
    sql = f"""
        WITH prog AS (SELECT DISTINCT key, eid, uid, active FROM ({program_sql}) q),
        roll AS MATERIALIZED ({rolled_sql}),
        ru AS (SELECT key, uid FROM prog UNION SELECT key, uid FROM roll),
        {steps}
        SELECT 1, p.key, CASE WHEN p.active THEN 1 ELSE 0 END, {from_changes}
          FROM prog p
          JOIN {changes} y ON y.employee_id = p.eid AND {in_force}
         GROUP BY p.key, p.active
        UNION ALL
        SELECT 1, r.key, CASE WHEN r.active THEN 1 ELSE 0 END, {_rolled_sums()}
          FROM roll r
         GROUP BY r.key, r.active
        UNION ALL
        {unit_totals}
    """  # noqa: S608  # nosec B608
    params = [*program_params, *rolled_params, year, year, date(year, 1, 1)]
    return _changes(sql, params, linked, numbers)


# -- the report ---------------------------------------------------------------------


def _item_sums():
    return {f"sum_{item}": Sum(item) for item in rules.ITEM_FIELDS}


def _fill(
    rows: dict[int, ReportRow],
    *,
    srcs,
    counts,
    reactions,
    outcomes,
    changes_of,
) -> None:
    """``changes_of(linked, numbers)``: the level changes of the rows given the
    dimensions each develops and the dimensions' numbers ({pk: number})."""
    minimum = minimum_group()
    dimensions = {d.pk: d for d in Dimension.objects.order_by("number")}
    for row in rows.values():
        row.minimum = minimum
    for key, n in counts:
        if key in rows:
            rows[key].participants += n
    for values in reactions:
        row = rows.get(values["key"])
        if row is None:
            continue
        row.responses += values["n"]
        for item in rules.ITEM_FIELDS:
            row.sums[item] = row.sums.get(item, 0) + (values[f"sum_{item}"] or 0)
    linked = _linked_dimensions(srcs, rows) if srcs else {}
    changes = changes_of(linked, {pk: d.number for pk, d in dimensions.items()})
    observed: dict[tuple[int, int], dict] = {}
    for values in outcomes:
        cell = observed.setdefault((values["key"], values["dimension_id"]), {})
        cell[values["outcome"]] = cell.get(values["outcome"], 0) + values["n"]
    for key, row in rows.items():
        dims = set(linked.get(key, set()))
        dims |= {dim for (k, dim) in observed if k == key}
        dims |= {dim for (k, dim, __) in changes if k == key}
        for dim in sorted(dims, key=lambda pk: dimensions[pk].number):
            n, total = changes.get((key, dim, 1), (0, 0))
            m, other_total = changes.get((key, dim, 0), (0, 0))
            row.dimensions.append(
                DimensionLine(
                    dimension=dimensions[dim],
                    outcomes=observed.get((key, dim), {}),
                    participants=Group(n, total, minimum),
                    others=Group(m, other_total, minimum),
                )
            )


def _in_units(user: User, rolled):
    """The roll-up rows (``ProgramChange``, ``FormYearChange``: per unit) of the
    reader's units (``unit_scope_q``: every unit, or a head's subtree — the
    report is for heads and up)."""
    return rolled.filter(unit_scope_q(user))


def report_programs(user: User, year: int):
    """The programs ending in ``year`` with a participant in the user's scope
    (a queryset: page it, then pass a page to ``program_rows``)."""
    return (
        Program.objects.filter(
            Exists(
                program_participations().filter(
                    employee_scope_q(user, "employee"), program_id=OuterRef("pk")
                )
            ),
            ends_on__year=year,
        )
        .select_related("form")
        .order_by("-ends_on", "title", "pk")
    )


def program_rows(user: User, year: int, programs) -> list[ReportRow]:
    programs = list(programs)
    ids = [p.pk for p in programs]
    rows = {
        p.pk: ReportRow(key=p.pk, label=p.title, form_label=str(p.form))
        for p in programs
    }
    if not ids:
        return []
    scope = employee_scope_q(user, "employee")
    counts = (
        program_participations()
        .filter(scope, program_id__in=ids)
        .values("program_id")
        .annotate(n=Count("pk"))
        .values_list("program_id", "n")
    )
    reactions = (
        Reaction.objects.filter(scope, program_id__in=ids)
        .values(key=F("program_id"))
        .annotate(n=Count("pk"), **_item_sums())
    )
    outcomes = (
        Observation.objects.filter(
            employee_scope_q(user, "follow_up__employee"),
            follow_up__program_id__in=ids,
        )
        .values("dimension_id", "outcome", key=F("follow_up__program_id"))
        .annotate(n=Count("pk"))
    )
    rolled = (
        _in_units(user, ProgramChange.objects.filter(program_id__in=ids))
        .order_by()
        .values(
            "active",
            *ROLLED_FIGURES,
            key=F("program_id"),
            uid=F("unit_id"),
            day=F("program__starts_on"),
        )
    )
    srcs = [_program_srcs(user, year, "pk").filter(pk__in=ids)]
    _fill(
        rows,
        srcs=srcs,
        counts=counts,
        reactions=reactions,
        outcomes=outcomes,
        changes_of=lambda linked, numbers: _program_level_changes(
            rolled=rolled, linked=linked, numbers=numbers
        ),
    )
    return [rows[pk] for pk in ids]


def form_rows(user: User, year: int) -> list[ReportRow]:
    """One row per development form with participations in ``year`` in the
    user's scope: external forms pool their programs, internal forms their
    activities (the catalogue of forms is small: no paging).

    An internal form's participations are read per unit from
    ``ledger.FormYearChange`` (a verified activity credits its present
    attendees, one ledger entry each: the same rows as
    ``activity_participations``, summed per unit instead of one per attendance),
    so the reader's scope is a set of units (``unit_scope_q``): the report is
    for heads (their subtree) and those who see every unit."""
    scope = employee_scope_q(user, "employee")
    program_part = program_participations().filter(scope, program__ends_on__year=year)
    rolled = _in_units(
        user,
        FormYearChange.objects.filter(
            year=year, form__code__in=rules.EVALUATED_INTERNAL_FORMS
        ),
    )
    program_counts = list(
        program_part.values(key=F("program__form_id"))
        .annotate(n=Count("pk"))
        .values_list("key", "n")
    )
    entry_counts = list(
        rolled.values(key=F("form_id"))
        .annotate(n=Sum("entries"))
        .values_list("key", "n")
    )
    counts = program_counts + entry_counts
    forms = DevelopmentForm.objects.filter(
        pk__in={key for key, n in counts if n}
    ).order_by("provider", "order", "pk")
    rows = {
        f.pk: ReportRow(key=f.pk, label=str(f), form_label=f.get_provider_display())
        for f in forms
    }
    if not rows:
        return []
    subject_year = Q(program__ends_on__year=year) | Q(
        activity__started_at__date__year=year
    )
    reactions = (
        Reaction.objects.filter(scope, subject_year)
        .annotate(
            key=Coalesce(
                "program__form_id", "activity__form_id", output_field=IntegerField()
            )
        )
        .values("key")
        .annotate(n=Count("pk"), **_item_sums())
    )
    outcomes = (
        Observation.objects.filter(
            employee_scope_q(user, "follow_up__employee"),
            Q(follow_up__program__ends_on__year=year)
            | Q(follow_up__activity__started_at__date__year=year),
        )
        .annotate(
            key=Coalesce(
                "follow_up__program__form_id",
                "follow_up__activity__form_id",
                output_field=IntegerField(),
            )
        )
        .values("key", "dimension_id", "outcome")
        .annotate(n=Count("pk"))
    )
    person = {
        "eid": F("employee_id"),
        "uid": F("employee__unit_id"),
        "active": F("employee__is_active"),
    }
    programs = program_part.order_by().values(key=F("program__form_id"), **person)
    rolled = rolled.order_by().values(
        "active", *ROLLED_FIGURES, key=F("form_id"), uid=F("unit_id")
    )
    srcs = [_program_srcs(user, year, "form_id"), _activity_srcs(user, year)]
    _fill(
        rows,
        srcs=srcs,
        counts=counts,
        reactions=reactions,
        outcomes=outcomes,
        changes_of=lambda linked, numbers: _form_level_changes(
            programs=programs,
            rolled=rolled,
            year=year,
            linked=linked,
            numbers=numbers,
        ),
    )
    return list(rows.values())


def report_years(today) -> list[int]:
    return list(range(today.year, today.year - 6, -1))
