"""The exports of the reports: an employee's report, a unit's heatmap and the
aggregate workbook (always built in the background). Columns are declared once;
``exports.writer`` writes them."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.selectors import insufficient_evidence, latest_levels, levels_in_force
from competencies.selectors import dimensions as all_dimensions
from competencies.selectors import levels_of, standard_in_force
from exports.registry import register
from exports.writer import (
    Column,
    Document,
    Sheet,
    batches,
    chunked,
    display,
    filters_from_form,
    joined,
)
from ledger.selectors import reckoning, standings_of
from multirater.models import Relation
from people.models import Employee
from people.permissions import sees_all_units
from people.selectors import (
    employee_get_for_user,
    unit_get_for_user,
    units_visible_to,
)
from reports.feedback import (
    cell_raters,
    cell_value,
    groups,
    report_feedback,
    round_line,
    threshold_note,
    weighted_evidence,
    weighted_value,
    weighting_note,
)
from reports.forms import AggregateFilterForm
from reports.gapstats import LEVELS
from reports.selectors import (
    aggregate_demand,
    aggregate_follow_up,
    aggregate_report,
    aggregate_root,
    employee_report,
    follow_up_quarter,
    report_unit_get_for_user,
    unit_follow_up,
)
from reports.selectors.aggregate import employee_q
from reports.selectors.followup import AGGREGATE_RULE, NOTHING, UNIT_RULE
from reports.selectors.province import AggregateReport
from reports.selectors.unit import Cell, unit_employees

# -- employee report --------------------------------------------------------------


def level_cell(level: int | None, insufficient: bool):
    """A level as exported: the level, or why there is none. A test with too few
    answers in the dimension gives no level ("bukti belum cukup", as the pages
    say); an empty cell means not tested."""
    if level is None and insufficient:
        return _("bukti belum cukup")
    return level


def _level_note():
    return (
        _("Level kosong"),
        _(
            "belum diuji; “bukti belum cukup”: tes dirilis tetapi terlalu "
            "sedikit butir dimensi itu dijawab untuk memberi level"
        ),
    )


def _feedback_columns(feedback) -> list[Column]:
    """The 360 profile beside the gap of each dimension, as the page shows it to
    the same viewer: the self-rating (to the employee only), then each group's
    mean and number of raters, or why there is no figure. In the first sheet,
    so that the CSV carries it too."""
    if feedback is None:
        return []
    lines = {line.dimension.pk: line for line in feedback.lines}
    threshold = feedback.threshold

    def of(line):
        return lines.get(line.dimension.pk)

    columns = []
    if feedback.self_shown:
        columns.append(
            Column(
                _("360 %(group)s") % {"group": Relation.SELF.label},
                lambda line: getattr(of(line), "self_level", None),
            )
        )
    for label, cell_of in groups():
        columns += [
            Column(
                _("360 %(group)s: rata-rata") % {"group": label},
                lambda line, cell_of=cell_of: cell_value(of(line), cell_of, threshold),
            ),
            Column(
                _("360 %(group)s: penilai") % {"group": label},
                lambda line, cell_of=cell_of: cell_raters(of(line), cell_of),
            ),
        ]
    weighting = feedback.weighting
    if weighting is not None:
        # The profile's weighted score with its evidence, as the page prints it
        # beside each dimension; the version of the standard on every row, so
        # that the CSV (the first sheet only) carries it too.
        columns += [
            Column(_("Skor 360 terbobot"), lambda line: weighted_value(of(line))),
            Column(
                _("Skor 360 terbobot: kelompok, bobot, penilai"),
                lambda line: weighted_evidence(of(line), weighting),
            ),
            Column(
                _("Skor 360 terbobot: standar"),
                lambda line: weighting.standard_name if of(line) else None,
            ),
            Column(
                _("Skor 360 terbobot: standar berlaku mulai"),
                lambda line: weighting.effective_from if of(line) else None,
            ),
        ]
    return columns


def _feedback_notes(feedback) -> list[tuple]:
    if feedback is None:
        return []
    return [
        (_("Profil penilaian 360"), round_line(feedback)),
        (_("Penilaian 360"), threshold_note(feedback)),
        *(
            [(_("Skor 360 terbobot"), weighting_note(feedback.weighting))]
            if feedback.weighting is not None
            else []
        ),
    ]


@register("reports.employee", label=gettext_lazy("Laporan kesenjangan pegawai"))
def employee_document(user, query, *, pk: int) -> Document:
    employee = employee_get_for_user(user, pk)
    report = employee_report(employee, today=timezone.localdate())
    feedback = report_feedback(report, user)
    gaps = Sheet(
        _("Kesenjangan"),
        [
            Column(_("Dimensi"), lambda line: line.dimension.label),
            Column(_("Level dipersyaratkan"), lambda line: line.required),
            Column(
                _("Level terkini"),
                lambda line: level_cell(line.level, line.insufficient),
            ),
            Column(_("Tanggal uji"), lambda line: line.assessed_on),
            Column(_("Kesenjangan"), lambda line: line.gap),
            Column(
                _("Bentuk internal disarankan"),
                lambda line: joined(f.label for f in line.internal_forms),
            ),
            Column(
                _("Bentuk eksternal disarankan"),
                lambda line: joined(f.label for f in line.external_forms),
            ),
            *_feedback_columns(feedback),
        ],
        report.lines,
    )
    history = Sheet(
        _("Riwayat"),
        [
            Column(_("Tanggal uji"), lambda r: r.assessed_on),
            *[
                Column(
                    d.label,
                    lambda r, i=i: level_cell(r.levels[i], r.insufficient[i]),
                )
                for i, d in enumerate(report.dimensions)
            ],
        ],
        report.history,
    )
    plan = Sheet(
        _("Rencana %(year)s") % {"year": report.year},
        [
            Column(_("Dimensi"), lambda item: item.dimension.label),
            Column(_("Bentuk"), lambda item: item.form.label),
            Column(_("Target selesai"), lambda item: item.target_date),
            Column(_("Catatan"), lambda item: item.note),
            Column(
                _("Selesai"),
                lambda item: bool(item.done_activity_id or item.done_nomination_id),
            ),
        ],
        report.items,
    )
    jp = Sheet(
        _("JP %(year)s") % {"year": report.year},
        [
            Column(_("JP tahun ini"), lambda r: r.jp),
            Column(_("JP minimal"), lambda r: r.jp_minimum),
            Column(_("Persen"), lambda r: r.jp_percent),
        ],
        [report],
    )
    sheets = [gaps, history, plan, jp]
    if feedback is not None and feedback.comments:
        # Comments of the shown groups only, by text, without author (the
        # profile's own list, as the page lists it).
        sheets.append(
            Sheet(
                _("Komentar 360"),
                [
                    Column(_("Kelompok penilai"), lambda c: c[0]),
                    Column(_("Komentar"), lambda c: c[1], width=80),
                ],
                feedback.comments,
            )
        )
    return Document(
        name=f"laporan-{slugify(employee.name)}-{report.today:%Y%m%d}",
        title=_("Laporan kesenjangan kompetensi: %(name)s") % {"name": employee.name},
        sheets=sheets,
        notes=[
            (_("Pegawai"), employee.name),
            (_("Unit"), employee.unit.name),
            (_("Standar"), report.standard or "-"),
            _level_note(),
            *_feedback_notes(feedback),
        ],
    )


# -- IKM follow-up (PEKPPP) ---------------------------------------------------------


def _follow_up_columns() -> list[Column]:
    """The figures of ``reports/_follow_up_cells.html`` for rows ending in a
    ``pekppp.Totals``, each count in its own typed cell: the page's "n dari m"
    is Dipublikasikan of Survei and ditindaklanjuti of Unsur lemah, its mean
    Jumlah hari ÷ ditindaklanjuti."""
    return [
        Column(_("Survei"), lambda r: r[-1].surveys),
        Column(_("Dipublikasikan"), lambda r: r[-1].published),
        Column(_("Unsur lemah"), lambda r: r[-1].weak),
        Column(_("Unsur lemah ditindaklanjuti"), lambda r: r[-1].followed_up),
        Column(_("Persen ditindaklanjuti"), lambda r: r[-1].share_followed_up),
        Column(_("Jumlah hari"), lambda r: r[-1].total_days),
        Column(_("Rata-rata hari"), lambda r: r[-1].mean_days),
    ]


def _unit_follow_up_rows(user, unit, quarter):
    """The unit report's two rows; read when the writer reaches the sheet (the
    CSV, which is the first sheet only, never reads them)."""
    follow_up = unit_follow_up(user, unit, quarter=quarter)
    own = follow_up.own if follow_up.own is not None else NOTHING
    yield unit.name, _("Survei unit ini"), own
    yield unit.name, _("Unit ini dan unit di bawahnya"), follow_up.total


def _aggregate_follow_up_rows(user, report: AggregateReport, quarter):
    """The aggregate's rows as the page lists them: the selected unit's own
    survey, each child, then the total."""
    follow_up = aggregate_follow_up(
        user, unit=report.unit, rows=report.rows, quarter=quarter
    )
    for row in follow_up.rows:
        if row.unit is None:
            label = _("%(u)s (survei unit sendiri)") % {"u": report.unit.name}
        else:
            label = row.unit.name
        yield label, row.totals
    yield _("Jumlah"), follow_up.total


# -- unit report ------------------------------------------------------------------


def _unit_people(unit, today, dims, required):
    """(employee, cells, JP) per active employee of the subtree, read in batches:
    levels and minutes are fetched once per batch."""
    rk = reckoning(today)
    for batch in batches(chunked(unit_employees(unit))):
        ids = [e.pk for e in batch]
        levels = latest_levels(ids)
        lacking = insufficient_evidence(ids)
        jp = {
            s.employee.pk: s.jp
            for s in standings_of(Employee.objects.filter(pk__in=ids), rk)
        }
        for e in batch:
            cells = [
                Cell(
                    required.get((e.position_type_id, d.pk)),
                    levels.get((e.pk, d.pk)),
                    (e.pk, d.pk) in lacking,
                )
                for d in dims
            ]
            yield e, cells, jp[e.pk]


def _employee_columns(*, gender: bool = False) -> list[Column]:
    columns = [
        Column(_("Unit"), lambda r: r[0].unit.name),
        Column(_("NIP"), lambda r: r[0].nip),
        Column(_("Nama"), lambda r: r[0].name),
        Column(_("Jabatan"), lambda r: r[0].position_type.name),
        Column(_("Status kepegawaian"), lambda r: display(r[0], "employment_status")),
    ]
    if gender:
        columns.append(Column(_("Jenis kelamin"), lambda r: display(r[0], "gender")))
    return columns


@register(
    "reports.unit", label=gettext_lazy("Kesenjangan per pegawai unit"), background=True
)
def unit_document(user, query, *, pk: int) -> Document:
    unit = report_unit_get_for_user(user, pk)
    today = timezone.localdate()
    dims = list(all_dimensions())
    required = levels_of(standard_in_force(today))
    columns = _employee_columns()
    for i, d in enumerate(dims):
        columns += [
            Column(
                _("%(dim)s: level") % {"dim": d.label},
                lambda r, i=i: level_cell(r[1][i].level, r[1][i].insufficient),
            ),
            Column(
                _("%(dim)s: dipersyaratkan") % {"dim": d.label},
                lambda r, i=i: r[1][i].required,
            ),
            Column(_("%(dim)s: gap") % {"dim": d.label}, lambda r, i=i: r[1][i].gap),
        ]
    columns.append(Column(_("JP %(year)s") % {"year": today.year}, lambda r: r[2]))
    quarter = follow_up_quarter(None, today)
    follow_up = Sheet(
        _("Tindak lanjut IKM"),
        [
            Column(_("Unit"), lambda r: r[0]),
            Column(_("Cakupan"), lambda r: r[1]),
            *_follow_up_columns(),
        ],
        _unit_follow_up_rows(user, unit, quarter),
    )
    return Document(
        name=f"kesenjangan-{unit.code}-{today:%Y%m%d}",
        title=_("Kesenjangan per pegawai: %(unit)s") % {"unit": unit.name},
        sheets=[
            Sheet(
                _("Kesenjangan"),
                columns,
                _unit_people(unit, today, dims, required),
                count=unit_employees(unit).count,
            ),
            follow_up,
        ],
        notes=[
            (_("Unit"), unit.name),
            (_("Tanggal"), today),
            _level_note(),
            (_("Triwulan tindak lanjut IKM"), quarter.label),
            (_("Aturan tindak lanjut IKM"), str(UNIT_RULE)),
        ],
    )


# -- the aggregate ----------------------------------------------------------------


def aggregate_from_params(user, params: dict) -> tuple[AggregateReport, list]:
    """The aggregate and demand an export asked for, with the requester's scope
    as it is now. Raises ``ValidationError`` with a readable message when the
    parameters are invalid or the unit is no longer in the user's scope."""
    today = timezone.localdate()
    form = AggregateFilterForm(
        {k: v for k, v in params.items() if v not in (None, "")}, today=today
    )
    if not form.is_valid():
        raise ValidationError(_("Parameter ekspor tidak valid."))
    unit_id = params.get("unit")
    try:
        unit = unit_get_for_user(user, int(unit_id)) if unit_id else None
    except (Http404, ValueError, TypeError) as exc:
        raise ValidationError(_("Unit ekspor di luar cakupan Anda.")) from exc
    if unit is None:
        unit = aggregate_root(user)
        if unit is None and not sees_all_units(user):
            raise ValidationError(_("Unit ekspor di luar cakupan Anda."))
    report = aggregate_report(
        unit=unit,
        units=units_visible_to(user),
        filters=form.filters(),
        period=form.cleaned_data["period"],
    )
    demand = aggregate_demand(
        unit=unit,
        filters=form.filters(),
        period=form.cleaned_data["period"],
        today=today,
    )
    return report, demand


def _row_label(row, report: AggregateReport) -> str:
    if row.unit is None:
        return _("%(unit)s (langsung)") % {"unit": report.unit}
    return row.unit.name


def _summary_rows(report: AggregateReport):
    for row in report.rows:
        for d in report.dimensions:
            yield _row_label(row, report), d.label, row.by_dimension[d.pk]
    for d in report.dimensions:
        yield _("Jumlah"), d.label, report.total_by_dimension[d.pk]


def _levels_of(ids: list[int], report: AggregateReport) -> dict[tuple[int, int], int]:
    rows = (
        levels_in_force(None if report.period.is_now else report.period.on)
        .filter(employee_id__in=ids)
        .values_list("employee_id", "dimension_id", "level")
    )
    return {(e, d): level for e, d, level in rows}


def _aggregate_people(employees, report: AggregateReport):
    dims, required = report.dimensions, report.required
    for batch in batches(chunked(employees)):
        levels = _levels_of([e.pk for e in batch], report)
        for e in batch:
            cells = [
                Cell(required.get((e.position_type_id, d.pk)), levels.get((e.pk, d.pk)))
                for d in dims
            ]
            yield e, cells


@register(
    "reports.aggregate",
    label=gettext_lazy("Rekap kesenjangan provinsi/unit"),
    formats=("xlsx",),
    background=True,
)
def aggregate_document(user, query) -> Document:
    """Summary, program demand and one line per employee in scope (levels as of
    the period)."""
    params = {key: query.get(key) for key in query}
    report, demand = aggregate_from_params(user, params)
    stats_columns = [
        Column(_("Pegawai"), lambda r: r[2].employees),
        Column(_("Diuji"), lambda r: r[2].tested),
        Column(_("Belum diuji"), lambda r: r[2].untested),
        *[
            Column(_("Level %(n)s") % {"n": n}, lambda r, n=n: r[2].levels[n])
            for n in LEVELS
        ],
        Column(_("Memenuhi standar"), lambda r: r[2].meeting),
        Column(_("Dengan kesenjangan"), lambda r: r[2].with_gap),
        Column(_("Rata-rata kesenjangan"), lambda r: r[2].mean_gap),
        Column(_("Persen memenuhi"), lambda r: r[2].share_meeting),
    ]
    summary = Sheet(
        _("Ringkasan"),
        [
            Column(_("Unit"), lambda r: r[0]),
            Column(_("Dimensi"), lambda r: r[1]),
            *stats_columns,
        ],
        _summary_rows(report),
    )
    names = report.dimension_names
    needs = Sheet(
        _("Kebutuhan program"),
        [
            Column(_("Bentuk eksternal"), lambda row: row.form.label),
            Column(_("Pegawai dengan kesenjangan"), lambda row: row.employees),
            Column(
                _("Dimensi"),
                lambda row: joined(
                    names.get(d, "") for d in row.dimension_ids if d in names
                ),
            ),
            Column(_("Program berjalan"), lambda row: row.programs),
            Column(_("Kursi"), lambda row: row.seats),
        ],
        demand,
    )
    path = report.unit.path if report.unit else ""
    employees = (
        Employee.objects.filter(employee_q("", path, report.filters))
        .select_related("unit", "position_type")
        .order_by("unit__path", "name", "pk")
    )
    dims = report.dimensions
    people = Sheet(
        _("Pegawai"),
        [
            *_employee_columns(gender=True),
            *[
                Column(
                    _("%(dim)s: level") % {"dim": d.label},
                    lambda r, i=i: r[1][i].level,
                )
                for i, d in enumerate(dims)
            ],
            *[
                Column(_("%(dim)s: gap") % {"dim": d.label}, lambda r, i=i: r[1][i].gap)
                for i, d in enumerate(dims)
            ],
        ],
        _aggregate_people(employees, report),
        count=employees.count,
    )
    quarter = follow_up_quarter(report.period, timezone.localdate())
    follow_up = Sheet(
        _("Tindak lanjut IKM"),
        [Column(_("Unit"), lambda r: r[0]), *_follow_up_columns()],
        _aggregate_follow_up_rows(user, report, quarter),
    )
    form = AggregateFilterForm(
        {k: v for k, v in params.items() if v not in (None, "")},
        today=timezone.localdate(),
    )
    return Document(
        name=f"rekap-kesenjangan-{timezone.localdate():%Y%m%d}",
        title=_("Rekap kesenjangan: %(unit)s")
        % {"unit": report.unit or _("semua unit")},
        sheets=[summary, needs, follow_up, people],
        filters=[(_("Unit"), report.unit or _("semua unit")), *filters_from_form(form)],
        notes=[
            (_("Standar"), report.standard or "-"),
            (_("Triwulan tindak lanjut IKM"), quarter.label),
            (_("Aturan tindak lanjut IKM"), str(AGGREGATE_RULE)),
        ],
    )
