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
  totals: no pairs of people.

A mean (reaction item or level change) is shown only for a group of at least
``EVALUATION_MIN_GROUP``; the count is always shown.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncDate

from activities.models import Activity
from assessments.models import DimensionResult, LatestLevel
from competencies.models import DevelopmentForm, Dimension, FormDimension
from evaluations import rules
from evaluations.models import Observation, Reaction
from evaluations.selectors import (
    activity_participations,
    minimum_group,
    program_participations,
)
from people.models import Employee, User
from people.selectors import employee_scope_q
from programs.models import Program

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


def _program_part(user: User, year: int, key: str):
    return (
        program_participations()
        .filter(employee_scope_q(user, "employee"), program__ends_on__year=year)
        .order_by()
        .values(
            kind=Value("p"),
            src=F("program_id"),
            key=F(key),
            eid=F("employee_id"),
            uid=F("employee__unit_id"),
            start=F("program__starts_on"),
        )
    )


def _activity_part(user: User, year: int, key: str):
    return (
        activity_participations()
        .filter(employee_scope_q(user, "employee"))
        .annotate(day=TruncDate("activity__started_at"))
        .filter(day__year=year)
        .order_by()
        .values(
            kind=Value("a"),
            src=F("activity_id"),
            key=F(key),
            eid=F("employee_id"),
            uid=F("employee__unit_id"),
            start=F("day"),
        )
    )


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _dims_sql() -> str:
    """(kind, src, dim): the dimensions of every program and activity taking part
    (``srcs``, the programs and activities with participations) — their own, or
    else their form's in the matrix."""
    pd = Program.dimensions.through._meta.db_table
    ad = Activity.dimensions.through._meta.db_table
    program = Program._meta.db_table
    activity = Activity._meta.db_table
    fd = FormDimension._meta.db_table
    return f"""
        SELECT 'p' AS kind, x.program_id AS src, x.dimension_id AS dim
          FROM {pd} x WHERE x.program_id IN (SELECT src FROM srcs WHERE kind = 'p')
        UNION
        SELECT 'p', p.id, fd.dimension_id FROM {program} p
          JOIN {fd} fd ON fd.form_id = p.form_id
         WHERE p.id IN (SELECT src FROM srcs WHERE kind = 'p')
           AND NOT EXISTS (SELECT 1 FROM {pd} y WHERE y.program_id = p.id)
        UNION
        SELECT 'a', x.activity_id, x.dimension_id
          FROM {ad} x WHERE x.activity_id IN (SELECT src FROM srcs WHERE kind = 'a')
        UNION
        SELECT 'a', a.id, fd.dimension_id FROM {activity} a
          JOIN {fd} fd ON fd.form_id = a.form_id
         WHERE a.id IN (SELECT src FROM srcs WHERE kind = 'a')
           AND NOT EXISTS (SELECT 1 FROM {ad} y WHERE y.activity_id = a.id)
    """  # noqa: S608  # nosec B608


def _with_part(parts) -> tuple[str, list]:
    sqls, params = [], []
    for queryset in parts:
        sql, p = _sql(queryset)
        sqls.append(f"SELECT kind, src, key, eid, uid, start FROM ({sql}) q")  # noqa: S608  # nosec B608
        params += p
    return "part AS (" + " UNION ALL ".join(sqls) + ")", params


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
    """The activities of ``year`` with a participation in scope, by form."""
    return (
        Activity.objects.annotate(day=TruncDate("started_at"))
        .filter(
            Exists(
                activity_participations().filter(
                    employee_scope_q(user, "employee"), activity_id=OuterRef("pk")
                )
            ),
            day__year=year,
        )
        .order_by()
        .values(kind=Value("a"), src=F("pk"), key=F("form_id"))
    )


def _with_srcs(srcs) -> tuple[str, list]:
    sqls, params = [], []
    for queryset in srcs:
        sql, p = _sql(queryset)
        sqls.append(f"SELECT kind, src, key FROM ({sql}) q")  # noqa: S608  # nosec B608
        params += p
    return "srcs AS (" + " UNION ALL ".join(sqls) + ")", params


def _linked_dimensions(srcs, keys) -> dict[int, set[int]]:
    """{key: the dimensions its programs / activities develop}: one query over
    the programs and activities (``srcs``), not their participations."""
    with_srcs, params = _with_srcs(srcs)
    sql = f"""
        WITH {with_srcs},
        dims AS ({_dims_sql()})
        SELECT DISTINCT srcs.key, dims.dim FROM srcs
          JOIN dims ON dims.kind = srcs.kind AND dims.src = srcs.src
    """  # noqa: S608  # nosec B608
    out: dict[int, set[int]] = {k: set() for k in keys}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, dim in cursor.fetchall():
            out.setdefault(key, set()).add(dim)
    return out


def _level_changes(
    parts, srcs, window=None
) -> dict[tuple[int, int, int], tuple[int, int]]:
    """{(key, dimension, 1 participants / 0 others): (people, sum of changes)}:
    one query.

    One comparison window per row: ``window`` (a date) for every row, or else
    the start of the row's program (``part.start``, one per key). Each
    employee's change is computed once per window date, for the employees of
    the units with participants; a row's participants are its distinct
    employees, its others the active employees of those units minus them (unit
    totals minus the participants' totals — no pairs)."""
    part, params = _with_part(parts)
    with_srcs, srcs_params = _with_srcs(srcs)
    employee = Employee._meta.db_table
    latest = LatestLevel._meta.db_table
    result = DimensionResult._meta.db_table
    day = "%s" if window is not None else "start"
    day_params = [window] if window is not None else []
    sql = f"""
        WITH {part},
        {with_srcs},
        dims AS ({_dims_sql()}),
        kd AS (
            SELECT DISTINCT s.key, d.dim FROM srcs s
              JOIN dims d ON d.kind = s.kind AND d.src = s.src
        ),
        pe AS (SELECT DISTINCT key, eid, uid, {day} AS day FROM part),
        ru AS (SELECT DISTINCT key, uid, day FROM pe),
        need AS (
            SELECT DISTINCT r.uid, r.day, kd.dim FROM ru r
              JOIN kd ON kd.key = r.key
        ),
        chg AS (
            SELECT e.id AS eid, n.uid, n.day, n.dim, e.is_active AS active,
                   ll.level - b.level AS delta
              FROM need n
              JOIN {employee} e ON e.unit_id = n.uid
              JOIN {latest} ll ON ll.employee_id = e.id AND ll.dimension_id = n.dim
              JOIN {result} b ON b.employee_id = e.id AND b.dimension_id = n.dim
                   AND b.level IS NOT NULL AND b.valid_from <= n.day
                   AND (b.valid_to IS NULL OR b.valid_to > n.day)
        ),
        unit_tot AS (
            SELECT uid, day, dim, COUNT(*) AS n, SUM(delta) AS s FROM chg
             WHERE active = %s GROUP BY uid, day, dim
        ),
        mine AS (
            SELECT p.key, c.dim, c.active, COUNT(*) AS n, SUM(c.delta) AS s
              FROM pe p
              JOIN kd ON kd.key = p.key
              JOIN chg c ON c.eid = p.eid AND c.day = p.day AND c.dim = kd.dim
             GROUP BY p.key, c.dim, c.active
        ),
        unit_sum AS (
            SELECT r.key, t.dim, SUM(t.n) AS n, SUM(t.s) AS s FROM ru r
              JOIN kd ON kd.key = r.key
              JOIN unit_tot t ON t.uid = r.uid AND t.day = r.day AND t.dim = kd.dim
             GROUP BY r.key, t.dim
        )
        SELECT key, dim, 1, SUM(n), SUM(s) FROM mine GROUP BY key, dim
        UNION ALL
        SELECT u.key, u.dim, 0, u.n - COALESCE(m.n, 0), u.s - COALESCE(m.s, 0)
          FROM unit_sum u
          LEFT JOIN mine m ON m.key = u.key AND m.dim = u.dim AND m.active = %s
    """  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *srcs_params, *day_params, True, True])
        return {
            (key, dim, participant): (int(n), int(total or 0))
            for key, dim, participant, n, total in cursor.fetchall()
            if n
        }


# -- the report ---------------------------------------------------------------------


def _item_sums():
    return {f"sum_{item}": Sum(item) for item in rules.ITEM_FIELDS}


def _fill(
    rows: dict[int, ReportRow],
    *,
    parts,
    srcs,
    counts,
    reactions,
    outcomes,
    window=None,
) -> None:
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
    changes = _level_changes(parts, srcs, window) if parts else {}
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
    parts = [_program_part(user, year, "program_id").filter(program_id__in=ids)]
    srcs = [_program_srcs(user, year, "pk").filter(pk__in=ids)]
    _fill(
        rows,
        parts=parts,
        srcs=srcs,
        counts=counts,
        reactions=reactions,
        outcomes=outcomes,
    )
    return [rows[pk] for pk in ids]


def form_rows(user: User, year: int) -> list[ReportRow]:
    """One row per development form with participations in ``year`` in the
    user's scope: external forms pool their programs, internal forms their
    activities (the catalogue of forms is small: no paging)."""
    scope = employee_scope_q(user, "employee")
    program_part = program_participations().filter(scope, program__ends_on__year=year)
    activity_part = (
        activity_participations()
        .filter(scope)
        .annotate(day=TruncDate("activity__started_at"))
        .filter(day__year=year)
    )
    forms = DevelopmentForm.objects.filter(
        Exists(program_part.filter(program__form_id=OuterRef("pk")))
        | Exists(activity_part.filter(activity__form_id=OuterRef("pk")))
    ).order_by("provider", "order", "pk")
    rows = {
        f.pk: ReportRow(key=f.pk, label=str(f), form_label=f.get_provider_display())
        for f in forms
    }
    if not rows:
        return []
    counts = list(
        program_part.values(key=F("program__form_id"))
        .annotate(n=Count("pk"))
        .values_list("key", "n")
    ) + list(
        activity_part.values(key=F("activity__form_id"))
        .annotate(n=Count("pk"))
        .values_list("key", "n")
    )
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
    parts = [
        _program_part(user, year, "program__form_id"),
        _activity_part(user, year, "activity__form_id"),
    ]
    srcs = [_program_srcs(user, year, "form_id"), _activity_srcs(user, year)]
    _fill(
        rows,
        parts=parts,
        srcs=srcs,
        counts=counts,
        reactions=reactions,
        outcomes=outcomes,
        window=date(year, 1, 1),
    )
    return list(rows.values())


def report_years(today) -> list[int]:
    return list(range(today.year, today.year - 6, -1))
