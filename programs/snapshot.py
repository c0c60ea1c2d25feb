"""The unit profile sent to BPSDM: per active employee of a unit subtree, the latest
level and gap per dimension, the JP of the year and the programs completed.

Built once, stored as JSON on ``Submission`` and exported from the stored copy, so a
submission always shows what was sent.
"""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from competencies.gaps import gap
from competencies.models import Dimension
from competencies.selectors import required_levels
from exports.writer import Column
from ledger.selectors import jp_by_employee
from people.models import Employee, Unit
from people.tree import subtree_q
from programs.models import Nomination, Submission
from programs.selectors import latest_levels
from sosiokultural.formatting import day

PREVIEW_ROWS = 50


def snapshot_employees(unit: Unit):
    return Employee.objects.filter(subtree_q(unit), is_active=True)


def snapshot_build(
    *, unit: Unit, as_of: date, limit: int | None = None
) -> tuple[list[list], list[dict]]:
    """(dimension columns as [code, name], one row dict per employee; the first
    ``limit`` employees only when given)."""
    dimensions = list(Dimension.objects.order_by("number"))
    employees = (
        snapshot_employees(unit)
        .select_related("unit", "position_type")
        .order_by("unit__path", "name", "pk")
    )
    employees = list(employees[:limit] if limit is not None else employees)
    ids = [e.pk for e in employees]
    required = required_levels(as_of)
    levels = latest_levels(ids) if ids else {}
    jp = jp_by_employee(ids, as_of.year)
    attended: dict[int, list[dict]] = {}
    completed = (
        Nomination.objects.filter(
            employee_id__in=ids,
            outcome=Nomination.Outcome.COMPLETED,
            program__ends_on__gte=date(as_of.year, 1, 1),
            program__ends_on__lte=as_of,
        )
        .order_by("program__ends_on", "program__title")
        .values("employee_id", "program__title", "program__ends_on", "program__jp")
    )
    for row in completed:
        attended.setdefault(row["employee_id"], []).append(
            {
                "title": row["program__title"],
                "ends_on": row["program__ends_on"].isoformat(),
                "jp": str(row["program__jp"]),
            }
        )
    rows = []
    for employee in employees:
        level_of, required_of, gap_of = {}, {}, {}
        for dimension in dimensions:
            assessed = levels.get((employee.pk, dimension.pk))
            needed = required.get((employee.position_type_id, dimension.pk))
            level_of[dimension.code] = assessed
            required_of[dimension.code] = needed
            gap_of[dimension.code] = gap(needed, assessed)
        rows.append(
            {
                "employee_id": employee.pk,
                "nip": employee.nip or "",
                "name": employee.name,
                "unit": employee.unit.name,
                "position": employee.position_type.name,
                "status": employee.employment_status,
                "levels": level_of,
                "required": required_of,
                "gaps": gap_of,
                "year": as_of.year,
                "jp_year": str(jp[employee.pk]),
                "programs": attended.get(employee.pk, []),
            }
        )
    return [[d.code, d.name] for d in dimensions], rows


def _programs_attended(row: dict) -> str:
    return "; ".join(
        f"{p['title']} ({day(date.fromisoformat(p['ends_on']))})"
        for p in row["programs"]
    )


def snapshot_columns(submission) -> list[Column]:
    columns = [
        Column(_("NIP"), lambda r: r["nip"], width=20),
        Column(_("Nama"), lambda r: r["name"], width=28),
        Column(_("Unit"), lambda r: r["unit"], width=28),
        Column(_("Jabatan"), lambda r: r["position"]),
        Column(_("Status kepegawaian"), lambda r: r["status"]),
    ]
    for code, name in submission.dimensions:
        columns += [
            Column(
                _("%(dim)s: level") % {"dim": name},
                lambda r, c=code: r["levels"].get(c),
            ),
            Column(
                _("%(dim)s: dipersyaratkan") % {"dim": name},
                lambda r, c=code: r["required"].get(c),
            ),
            Column(
                _("%(dim)s: gap") % {"dim": name},
                lambda r, c=code: r["gaps"].get(c),
            ),
        ]
    year = submission.as_of.year
    return [
        *columns,
        Column(_("JP %(year)s") % {"year": year}, lambda r: Decimal(r["jp_year"])),
        Column(
            _("Program diikuti %(year)s") % {"year": year},
            _programs_attended,
            width=40,
        ),
    ]


def snapshot_headers(submission: Submission) -> list[str]:
    return [str(column.label) for column in snapshot_columns(submission)]


def snapshot_rows(submission: Submission) -> list[list]:
    columns = snapshot_columns(submission)
    return [[column.value(row) for column in columns] for row in submission.rows]


def snapshot_preview(*, unit: Unit, as_of: date) -> Submission:
    """What sending ``unit``'s data now would send: an unsaved submission with
    the number of employees it would hold and the first ``PREVIEW_ROWS`` rows
    (a fixed number of queries whatever the unit's size)."""
    dimensions, rows = snapshot_build(unit=unit, as_of=as_of, limit=PREVIEW_ROWS)
    return Submission(
        unit=unit,
        as_of=as_of,
        employee_count=snapshot_employees(unit).count(),
        dimensions=dimensions,
        rows=rows,
    )
