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
from ledger.selectors import jp_by_employee, minutes_per_jp_text
from people.models import Employee, Unit
from people.tree import subtree_q
from programs.models import Nomination, Submission
from programs.selectors import latest_levels


def snapshot_build(*, unit: Unit, as_of: date) -> tuple[list[list], list[dict]]:
    """(dimension columns as [code, name], one row dict per employee)."""
    dimensions = list(Dimension.objects.order_by("number"))
    employees = list(
        Employee.objects.filter(subtree_q(unit), is_active=True)
        .select_related("unit", "position_type")
        .order_by("unit__path", "name", "pk")
    )
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


def snapshot_headers(submission: Submission) -> list[str]:
    headers = [
        _("NIP"),
        _("Nama"),
        _("Unit"),
        _("Jabatan"),
        _("Status kepegawaian"),
    ]
    for __, name in submission.dimensions:
        headers += [
            _("%(dim)s: level") % {"dim": name},
            _("%(dim)s: dipersyaratkan") % {"dim": name},
            _("%(dim)s: gap") % {"dim": name},
        ]
    year = submission.as_of.year
    headers += [
        _("JP %(year)s") % {"year": year},
        _("Program diikuti %(year)s") % {"year": year},
    ]
    return headers


def snapshot_rows(submission: Submission) -> list[list]:
    out = []
    for row in submission.rows:
        cells = [row["nip"], row["name"], row["unit"], row["position"], row["status"]]
        for code, __ in submission.dimensions:
            cells += [
                row["levels"].get(code),
                row["required"].get(code),
                row["gaps"].get(code),
            ]
        cells.append(Decimal(row["jp_year"]))
        cells.append(
            "; ".join(
                f"{p['title']} ({date.fromisoformat(p['ends_on']):%d-%m-%Y})"
                for p in row["programs"]
            )
        )
        out.append(cells)
    return out


def snapshot_sheets(submission: Submission) -> list[tuple]:
    """Sheets for ``sosiokultural.tabular.xlsx_response``."""
    by = submission.submitted_by
    info = [
        [_("Unit"), submission.unit.name],
        [_("Keadaan per"), submission.as_of.strftime("%d-%m-%Y")],
        [
            _("Dikirim"),
            submission.submitted_at.astimezone().strftime("%d-%m-%Y %H:%M"),
        ],
        [_("Dikirim oleh"), (by.get_full_name() or by.username) if by else "-"],
        [_("Jumlah pegawai"), submission.employee_count],
        [_("1 JP (menit)"), minutes_per_jp_text(submission.as_of)],
    ]
    return [
        (_("Profil pegawai"), snapshot_headers(submission), snapshot_rows(submission)),
        (_("Keterangan"), [_("Butir"), _("Nilai")], info),
    ]
