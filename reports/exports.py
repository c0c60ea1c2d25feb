"""Tables of the reports for CSV/XLSX, and the background aggregate workbook."""

import io
from collections.abc import Callable

from django.utils.translation import gettext as _

from assessments.models import LatestLevel
from competencies.gaps import gap
from people.models import Employee
from reports.gapstats import LEVELS, Stats
from reports.selectors.aggregate import employee_q, levels_as_of
from reports.selectors.employee import EmployeeReport
from reports.selectors.province import AggregateReport
from reports.selectors.unit import Cell

CHUNK = 2000


def _num(value):
    """Decimals as floats for spreadsheets (None stays empty)."""
    return None if value is None else float(value)


# -- employee report --------------------------------------------------------------


def employee_headers() -> list[str]:
    return [
        _("dimensi"),
        _("level_dipersyaratkan"),
        _("level_terkini"),
        _("tanggal_uji"),
        _("gap"),
        _("bentuk_internal_disarankan"),
        _("bentuk_eksternal_disarankan"),
    ]


def employee_rows(report: EmployeeReport) -> list[list]:
    return [
        [
            line.dimension.label,
            line.required,
            line.level,
            line.assessed_on.isoformat() if line.assessed_on else "",
            line.gap,
            ", ".join(f.label for f in line.internal_forms),
            ", ".join(f.label for f in line.external_forms),
        ]
        for line in report.lines
    ]


def employee_sheets(report: EmployeeReport) -> list:
    dims = report.dimensions
    history = (
        _("Riwayat"),
        [_("tanggal_uji"), *[d.label for d in dims]],
        [[r.assessed_on.isoformat(), *r.levels] for r in report.history],
    )
    plan = (
        _("Rencana %(year)s") % {"year": report.year},
        [_("dimensi"), _("bentuk"), _("target"), _("catatan"), _("selesai")],
        [
            [
                item.dimension.label,
                item.form.label,
                item.target_date.isoformat(),
                item.note,
                _("ya") if (item.done_activity_id or item.done_nomination_id) else "",
            ]
            for item in report.items
        ],
    )
    jp = (
        _("JP %(year)s") % {"year": report.year},
        [_("jp_tahun_ini"), _("jp_minimum"), _("persen")],
        [
            [
                _num(report.jp),
                _num(report.jp_minimum) if report.jp_minimum is not None else "",
                report.jp_percent,
            ]
        ],
    )
    return [
        (_("Kesenjangan"), employee_headers(), employee_rows(report)),
        history,
        plan,
        jp,
    ]


# -- unit report ------------------------------------------------------------------


def unit_headers(dims) -> list[str]:
    headers = [_("unit"), _("nip"), _("nama"), _("jabatan"), _("status")]
    for d in dims:
        headers += [
            f"{d.code}_{_('level')}",
            f"{d.code}_{_('dipersyaratkan')}",
            f"{d.code}_{_('gap')}",
        ]
    return [*headers, _("jp_tahun_ini")]


def unit_rows(rows) -> list[list]:
    out = []
    for employee, cells, jp in rows:
        line = [
            employee.unit.name,
            employee.nip or "",
            employee.name,
            employee.position_type.name,
            employee.get_employment_status_display(),
        ]
        for cell in cells:
            line += [cell.level, cell.required, cell.gap]
        out.append([*line, _num(jp)])
    return out


# -- the aggregate ----------------------------------------------------------------


def stats_headers() -> list[str]:
    return [
        _("pegawai"),
        _("diuji"),
        _("belum_diuji"),
        *[_("level_%(n)s") % {"n": n} for n in LEVELS],
        _("memenuhi_standar"),
        _("dengan_gap"),
        _("rata_rata_gap"),
        _("persen_memenuhi"),
    ]


def stats_cells(stats: Stats) -> list:
    return [
        stats.employees,
        stats.tested,
        stats.untested,
        *[stats.levels[n] for n in LEVELS],
        stats.meeting,
        stats.with_gap,
        _num(stats.mean_gap),
        _num(stats.share_meeting),
    ]


def row_label(row, report: AggregateReport) -> str:
    if row.unit is None:
        return _("%(unit)s (langsung)") % {"unit": report.unit}
    return row.unit.name


def summary_rows(report: AggregateReport) -> list[list]:
    out = []
    for row in report.rows:
        for d in report.dimensions:
            out.append(
                [row_label(row, report), d.label, *stats_cells(row.by_dimension[d.pk])]
            )
    for d in report.dimensions:
        out.append(
            [_("Jumlah"), d.label, *stats_cells(report.total_by_dimension[d.pk])]
        )
    return out


def demand_rows(report: AggregateReport, demand) -> list[list]:
    names = report.dimension_names
    return [
        [
            row.form.label,
            row.employees,
            ", ".join(names.get(d, "") for d in row.dimension_ids if d in names),
            row.programs,
            row.seats,
        ]
        for row in demand
    ]


def aggregate_workbook(
    report: AggregateReport, *, demand, progress: Callable[[int], None]
) -> bytes:
    """Summary, program demand and one line per employee in scope (levels as of
    the period). Streams rows (openpyxl write-only) and reports progress."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(_("Ringkasan"))
    summary.append([_("unit"), _("dimensi"), *stats_headers()])
    for line in summary_rows(report):
        summary.append(line)
    needs = workbook.create_sheet(_("Kebutuhan program"))
    needs.append(
        [
            _("bentuk_eksternal"),
            _("pegawai_dengan_gap"),
            _("dimensi"),
            _("program_berjalan"),
            _("kursi"),
        ]
    )
    for line in demand_rows(report, demand):
        needs.append(line)
    progress(10)
    people = workbook.create_sheet(_("Pegawai"))
    dims = report.dimensions
    people.append(
        [
            _("unit"),
            _("nip"),
            _("nama"),
            _("jabatan"),
            _("status"),
            _("jenis_kelamin"),
            *[f"{d.code}_{_('level')}" for d in dims],
            *[f"{d.code}_{_('gap')}" for d in dims],
        ]
    )
    required = report.required
    path = report.unit.path if report.unit else ""
    employees = (
        Employee.objects.filter(employee_q("", path, report.filters))
        .select_related("unit", "position_type")
        .order_by("unit__path", "name", "pk")
    )
    count = employees.count()
    done = 0
    chunk: list[Employee] = []
    for employee in employees.iterator(chunk_size=CHUNK):
        chunk.append(employee)
        if len(chunk) == CHUNK:
            _write_people(people, chunk, dims, required, report)
            done += len(chunk)
            chunk = []
            progress(10 + done * 85 // max(count, 1))
    if chunk:
        _write_people(people, chunk, dims, required, report)
    buffer = io.BytesIO()
    workbook.save(buffer)
    progress(99)
    return buffer.getvalue()


def _levels_of(ids: list[int], report: AggregateReport) -> dict[tuple[int, int], int]:
    if report.period.is_now:
        rows = LatestLevel.objects.filter(employee_id__in=ids).values_list(
            "employee_id", "dimension_id", "level"
        )
    else:
        rows = (
            levels_as_of(report.period.on)
            .filter(result__employee_id__in=ids)
            .values_list("result__employee_id", "dimension_id", "level")
        )
    return {(e, d): level for e, d, level in rows}


def _write_people(sheet, chunk, dims, required, report) -> None:
    levels = _levels_of([e.pk for e in chunk], report)
    for e in chunk:
        cells = [
            Cell(required.get((e.position_type_id, d.pk)), levels.get((e.pk, d.pk)))
            for d in dims
        ]
        sheet.append(
            [
                e.unit.name,
                e.nip or "",
                e.name,
                e.position_type.name,
                e.get_employment_status_display(),
                e.get_gender_display(),
                *[c.level for c in cells],
                *[gap(c.required, c.level) for c in cells],
            ]
        )
