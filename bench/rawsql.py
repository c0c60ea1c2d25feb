"""The best hand-written SQL for the numbers each report shows, run on a raw
cursor: the yardstick the benchmark compares the pages with.

Portable between PostgreSQL and SQLite (CASE instead of FILTER/GREATEST); the
one vendor-specific piece is the local date of an activity's start.

``# nosec B608`` marks SQL built with f-strings whose only interpolations are
table and column names taken from model metadata and quoted by the backend
(``connection.ops.quote_name``), integers passed through ``int()``, the
configured time zone name, or fragments built the same way in this module;
every value is a query parameter.
"""

from collections.abc import Sequence
from datetime import date

from django.db import connection
from django.utils import timezone


def _tables() -> dict[str, str]:
    from activities.models import Activity, Attendance
    from assessments.models import DimensionResult, LatestLevel, Result
    from competencies.models import FormDimension, RequiredLevel
    from ledger.models import JPEntry, JPTotal
    from people.models import Employee, Unit
    from plans.models import DevelopmentPlan, PlanItem
    from programs.models import Nomination, Program

    models = {
        "unit": Unit,
        "employee": Employee,
        "latest": LatestLevel,
        "required": RequiredLevel,
        "cell": FormDimension,
        "dimres": DimensionResult,
        "result": Result,
        "jp": JPEntry,
        "jptotal": JPTotal,
        "plan": DevelopmentPlan,
        "item": PlanItem,
        "activity": Activity,
        "attendance": Attendance,
        "nomination": Nomination,
        "program": Program,
    }
    names = {
        key: connection.ops.quote_name(m._meta.db_table) for key, m in models.items()
    }
    names["activity_dims"] = connection.ops.quote_name(
        Activity.dimensions.through._meta.db_table
    )
    names["program_dims"] = connection.ops.quote_name(
        Program.dimensions.through._meta.db_table
    )
    return names


def _local_date(column: str) -> str:
    zone = timezone.get_current_timezone_name()
    if connection.vendor == "postgresql":
        return f"({column} AT TIME ZONE '{zone}')::date"
    return f"django_datetime_cast_date({column}, '{zone}', 'UTC')"


def levels_source(on: date | None, *, reference: bool = False) -> tuple[str, list]:
    """(sql, params) of the level rows (employee_id, dimension_id, level) in force
    on ``on`` (None = now: ``LatestLevel``). A past date reads the validity
    interval of the released rows (the same table and index the page reads);
    ``reference=True`` instead takes, per employee and dimension, the latest
    released result on or before the date by an anti-join over the results: a
    computation that does not trust the intervals, to check them."""
    t = _tables()
    if on is None:
        return f"SELECT employee_id, dimension_id, level FROM {t['latest']}", []  # nosec B608  # noqa: S608
    if not reference:
        return (
            f"SELECT employee_id, dimension_id, level FROM {t['dimres']} "  # nosec B608  # noqa: S608
            "WHERE valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)",
            [on, on],
        )
    return (
        f"""SELECT d.employee_id, d.dimension_id, d.level FROM {t["dimres"]} d
        JOIN {t["result"]} r ON r.id = d.result_id
        WHERE r.status = 'released' AND r.assessed_on <= %s
          AND NOT EXISTS (
            SELECT 1 FROM {t["dimres"]} d2 JOIN {t["result"]} r2 ON r2.id = d2.result_id
            WHERE r2.employee_id = r.employee_id AND d2.dimension_id = d.dimension_id
              AND r2.status = 'released' AND r2.assessed_on <= %s
              AND (r2.assessed_on > r.assessed_on
                   OR (r2.assessed_on = r.assessed_on AND r2.id > r.id)))""",  # nosec B608  # noqa: S608
        [on, on],
    )


def aggregate_sql(
    *,
    path: str,
    key_len: int,
    standard_id: int,
    dimension_sets: Sequence[Sequence[int]],
    on: date | None = None,
    reference: bool = False,
) -> list[tuple[str, list]]:
    """(sql, params) of the aggregate page, in the best form found: integer
    grouping on (unit, dimension) with conditional aggregates and the required
    level joined, the row key taken once per group (not per level row);
    employees per row; and per set of dimensions the employees with a gap in
    any of them (gap rows grouped by employee, flags summed). Levels in force on
    ``on`` (None = now), see ``levels_source``."""
    t = _tables()
    source, source_params = levels_source(on, reference=reference)
    subtree = f"SELECT id FROM {t['unit']} WHERE path LIKE %s"  # nosec B608  # noqa: S608
    stats = f"""
        SELECT SUBSTR(u.path, 1, %s) AS k, g.dimension_id,
               SUM(g.l1), SUM(g.l2), SUM(g.l3), SUM(g.l4), SUM(g.l5),
               SUM(g.with_req), SUM(g.meeting), SUM(g.gap_sum)
        FROM (
          SELECT e.unit_id, ll.dimension_id,
                 SUM(CASE WHEN ll.level = 1 THEN 1 ELSE 0 END) AS l1,
                 SUM(CASE WHEN ll.level = 2 THEN 1 ELSE 0 END) AS l2,
                 SUM(CASE WHEN ll.level = 3 THEN 1 ELSE 0 END) AS l3,
                 SUM(CASE WHEN ll.level = 4 THEN 1 ELSE 0 END) AS l4,
                 SUM(CASE WHEN ll.level = 5 THEN 1 ELSE 0 END) AS l5,
                 COUNT(rl.level) AS with_req,
                 SUM(CASE WHEN ll.level >= rl.level THEN 1 ELSE 0 END) AS meeting,
                 SUM(CASE WHEN rl.level > ll.level THEN rl.level - ll.level
                          ELSE 0 END) AS gap_sum
          FROM ({source}) ll
          JOIN {t["employee"]} e ON e.id = ll.employee_id
          LEFT JOIN {t["required"]} rl ON rl.standard_id = %s
               AND rl.position_type_id = e.position_type_id
               AND rl.dimension_id = ll.dimension_id
          WHERE e.is_active AND e.unit_id IN ({subtree})
          GROUP BY e.unit_id, ll.dimension_id) g
        JOIN {t["unit"]} u ON u.id = g.unit_id
        GROUP BY 1, 2"""  # nosec B608  # noqa: S608
    people = f"""
        SELECT SUBSTR(u.path, 1, %s) AS k, SUM(g.n)
        FROM (SELECT e.unit_id, COUNT(*) AS n FROM {t["employee"]} e
              WHERE e.is_active AND e.unit_id IN ({subtree}) GROUP BY 1) g
        JOIN {t["unit"]} u ON u.id = g.unit_id
        GROUP BY 1"""  # nosec B608  # noqa: S608
    flags = ", ".join(
        f"MAX(CASE WHEN ll.dimension_id IN ({', '.join(str(int(d)) for d in dims)}) "
        f"THEN 1 ELSE 0 END) AS s{i}"
        for i, dims in enumerate(dimension_sets)
    )
    sums = ", ".join(f"SUM(s{i})" for i in range(len(dimension_sets)))
    demand = f"""
        SELECT {sums or "0"} FROM (
          SELECT ll.employee_id{", " + flags if flags else ""}
          FROM ({source}) ll
          JOIN {t["employee"]} e ON e.id = ll.employee_id
          JOIN {t["required"]} rl ON rl.standard_id = %s
               AND rl.position_type_id = e.position_type_id
               AND rl.dimension_id = ll.dimension_id
          WHERE e.is_active AND e.unit_id IN ({subtree}) AND ll.level < rl.level
          GROUP BY ll.employee_id) x"""  # nosec B608  # noqa: S608
    like = f"{path}%"
    return [
        (stats, [key_len, *source_params, standard_id, like]),
        (people, [key_len, like]),
        (demand, [*source_params, standard_id, like]),
    ]


def trend_sql(
    *, path: str, points: Sequence[tuple[date | None, int | None]]
) -> list[tuple[str, list]]:
    """The trend fragment: the whole subtree's stats at each point (levels in
    force on its date, None = now, against the standard then in force), and the
    active employees once."""
    out = []
    for on, standard_id in points:
        stats, people, __ = aggregate_sql(
            path=path,
            key_len=len(path),
            standard_id=standard_id or 0,
            dimension_sets=[],
            on=on,
        )
        out.append(stats)
    return [*out, people]


def unit_sql(
    *,
    path: str,
    page_size: int,
    standard_id: int,
    year: int,
    minimum_statuses: Sequence[str],
    minimum,
) -> list[tuple[str, list]]:
    """The heatmap page: subtree stats, one page of employees with their levels
    and required levels, their JP (from the entries, per JP length) and plan
    progress, and JP compliance (from the per-year roll-up: active employees of
    the statuses with a calendar-year minimum whose JP reach it)."""
    t = _tables()
    like = f"{path}%"
    start = f"{year}-01-01"
    if connection.vendor != "postgresql":
        minimum = float(minimum)  # SQLite compares a text parameter as text
    statuses = ", ".join("%s" for __ in minimum_statuses) or "NULL"
    page = f"""
        SELECT e.id FROM {t["employee"]} e JOIN {t["unit"]} u ON u.id = e.unit_id
        WHERE e.is_active AND u.path LIKE %s
        ORDER BY u.path, e.name, e.id LIMIT {int(page_size)}"""  # nosec B608  # noqa: S608
    cells = f"""
        SELECT p.id, e.name, u.name, ll.dimension_id, ll.level, rl.level
        FROM ({page}) p
        JOIN {t["employee"]} e ON e.id = p.id
        JOIN {t["unit"]} u ON u.id = e.unit_id
        LEFT JOIN {t["latest"]} ll ON ll.employee_id = e.id
        LEFT JOIN {t["required"]} rl ON rl.standard_id = %s
             AND rl.position_type_id = e.position_type_id
             AND rl.dimension_id = ll.dimension_id"""  # nosec B608  # noqa: S608
    # Per day, over the years a contract year of ``year`` can touch: the check
    # adds up each employee's days inside the window their row states.
    jp = f"""
        SELECT j.employee_id, j.occurred_on, j.minutes_per_jp, SUM(j.minutes)
        FROM {t["jp"]} j
        WHERE j.employee_id IN ({page}) AND j.occurred_on BETWEEN %s AND %s
        GROUP BY 1, 2, 3"""  # nosec B608  # noqa: S608
    compliant = f"""
        SELECT COUNT(*) FROM {t["employee"]} e
        JOIN {t["unit"]} u ON u.id = e.unit_id
        LEFT JOIN {t["jptotal"]} jt ON jt.employee_id = e.id
             AND jt.basis = 'calendar' AND jt.starts_on = %s
        WHERE e.is_active AND u.path LIKE %s
          AND e.employment_status IN ({statuses})
          AND COALESCE(jt.jp, 0) >= %s"""  # nosec B608  # noqa: S608
    plans = f"""
        SELECT pl.employee_id, COUNT(*), SUM(CASE WHEN {_done("it", t, year)}
               THEN 1 ELSE 0 END)
        FROM {t["item"]} it JOIN {t["plan"]} pl ON pl.id = it.plan_id
        WHERE pl.year = %s AND pl.employee_id IN ({page})
        GROUP BY 1"""  # nosec B608  # noqa: S608
    stats = aggregate_sql(
        path=path, key_len=len(path), standard_id=standard_id, dimension_sets=[]
    )[:2]
    return [
        *stats,
        (cells, [like, standard_id]),
        (jp, [like, f"{year - 1}-01-01", f"{year + 1}-12-31"]),
        (plans, [year, like]),
        (compliant, [start, like, *minimum_statuses, minimum]),
    ]


def _done(item: str, t: dict, year: int) -> str:
    """SQL: the plan item is completed by an activity or a program."""
    start, end = f"'{int(year)}-01-01'", f"'{int(year)}-12-31'"
    local = _local_date("a.started_at")
    return f"""(EXISTS (
          SELECT 1 FROM {t["activity"]} a
          JOIN {t["attendance"]} att ON att.activity_id = a.id
          JOIN {t["activity_dims"]} ad ON ad.activity_id = a.id
          WHERE att.employee_id = pl.employee_id AND att.status = 'present'
            AND a.status = 'verified' AND a.form_id = {item}.form_id
            AND ad.dimension_id = {item}.dimension_id
            AND {local} >= {item}.created_on AND {local} BETWEEN {start} AND {end})
        OR EXISTS (
          SELECT 1 FROM {t["nomination"]} n
          JOIN {t["program"]} pr ON pr.id = n.program_id
          LEFT JOIN {t["program_dims"]} pd ON pd.program_id = pr.id
          WHERE n.employee_id = pl.employee_id AND n.state = 'approved'
            AND n.outcome = 'completed' AND pr.form_id = {item}.form_id
            AND (pd.dimension_id = {item}.dimension_id
                 OR n.dimension_id = {item}.dimension_id)
            AND pr.ends_on >= {item}.created_on
            AND pr.ends_on BETWEEN {start} AND {end}))"""  # nosec B608  # noqa: S608


def employee_sql(
    *, employee_id: int, standard_id: int, year: int
) -> list[tuple[str, list]]:
    """The employee report: the employee, required levels of the position,
    current levels, history, matrix cells, plan items with completion, JP."""
    t = _tables()
    return [
        (
            f"SELECT e.id, e.name, e.position_type_id, u.name FROM {t['employee']} e "  # noqa: S608  # nosec B608
            f"JOIN {t['unit']} u ON u.id = e.unit_id WHERE e.id = %s",
            [employee_id],
        ),
        (
            f"SELECT rl.dimension_id, rl.level FROM {t['required']} rl "  # noqa: S608  # nosec B608
            f"JOIN {t['employee']} e ON e.position_type_id = rl.position_type_id "
            "WHERE e.id = %s AND rl.standard_id = %s",
            [employee_id, standard_id],
        ),
        (
            f"SELECT dimension_id, level, assessed_on FROM {t['latest']} "  # noqa: S608  # nosec B608
            "WHERE employee_id = %s",
            [employee_id],
        ),
        (
            f"SELECT r.id, r.assessed_on, d.dimension_id, d.level FROM {t['dimres']} d "  # noqa: S608  # nosec B608
            f"JOIN {t['result']} r ON r.id = d.result_id "
            "WHERE r.employee_id = %s AND r.status = 'released' "
            "ORDER BY r.assessed_on, r.id",
            [employee_id],
        ),
        (f"SELECT form_id, dimension_id FROM {t['cell']}", []),  # nosec B608  # noqa: S608
        (
            f"SELECT it.id, it.dimension_id, it.form_id, {_done('it', t, year)} "  # noqa: S608  # nosec B608
            f"FROM {t['item']} it JOIN {t['plan']} pl ON pl.id = it.plan_id "
            "WHERE pl.employee_id = %s AND pl.year = %s",
            [employee_id, year],
        ),
        (
            f"SELECT SUM(minutes) FROM {t['jp']} WHERE employee_id = %s "  # noqa: S608  # nosec B608
            "AND occurred_on BETWEEN %s AND %s",
            [employee_id, f"{year}-01-01", f"{year}-12-31"],
        ),
    ]


def run(statements: list[tuple[str, list]]) -> list[list[tuple]]:
    out = []
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            out.append(cursor.fetchall())
    return out
