"""The employee report as a PDF (reportlab: pure Python, no system libraries).

Every value that goes into reportlab's paragraph markup passes through ``_e``
(XML-escaped): a name such as ``Ani <font color="red">`` or ``<img src=…/>``
prints as those characters, never as markup, a link or an embedded file.
"""

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from multirater.models import Relation
from multirater.selectors import Profile
from plans.selectors import item_is_done
from reports.feedback import (
    PLACES,
    groups,
    hidden_reason,
    round_line,
    threshold_note,
    weighted_parts,
    weighted_value,
    weighting_note,
)
from reports.selectors.employee import EmployeeReport
from sosiokultural.formatting import number

GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#adb5bd")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _e(value) -> str:
    """Text for paragraph markup: ``&``, ``<`` and ``>`` (and quotes) escaped."""
    return escape(str(value), {'"': "&quot;", "'": "&#39;"})


def _p(value, style) -> Paragraph:
    return Paragraph(_e(value), style)


def _d(value) -> str:
    return date_format(value, "j M Y") if value else "-"


def _n(value) -> str:
    """Levels and gaps as they are, JP with two decimals in the page's language."""
    if value is None:
        return "-"
    return number(value, 2) if isinstance(value, Decimal) else str(value)


def _jp_sentence(report: EmployeeReport) -> str:
    values = {
        "jp": _n(report.jp),
        "min": _n(report.jp_minimum),
        "pct": report.jp_percent,
    }
    if report.jp_kind == "minimum":
        return _("%(jp)s JP dari minimal %(min)s JP (%(pct)s%%).") % values
    if report.jp_kind == "cap":
        return _("%(jp)s JP dari batas %(min)s JP.") % values
    return _("%(jp)s JP (tanpa ketentuan JP untuk status ini).") % values


def _radar(report: EmployeeReport) -> Drawing | None:
    if not report.lines:
        return None
    drawing = Drawing(170 * mm, 80 * mm)
    chart = SpiderChart()
    chart.x, chart.y = 45 * mm, 8 * mm
    chart.width = chart.height = 64 * mm
    chart.data = [
        [line.required or 0 for line in report.lines],
        [line.level or 0 for line in report.lines],
    ]
    chart.labels = [line.dimension.label[:28] for line in report.lines]
    chart.strands[0].strokeColor = colors.HexColor("#dc3545")
    chart.strands[0].fillColor = None
    chart.strands[0].strokeWidth = 1.2
    chart.strands[1].strokeColor = colors.HexColor("#0d6efd")
    chart.strands[1].fillColor = colors.Color(0.05, 0.43, 0.99, alpha=0.2)
    chart.strands[1].strokeWidth = 1.2
    chart.strandLabels.fontSize = 6
    chart.spokeLabels.fontSize = 7
    drawing.add(chart)
    drawing.add(
        String(
            2 * mm,
            74 * mm,
            _("Merah: level dipersyaratkan · Biru: level terkini"),
            fontSize=7,
        )
    )
    return drawing


def _lines(value) -> str:
    """Escaped text whose line breaks print as such (the page's linebreaksbr)."""
    return "<br/>".join(_e(part) for part in str(value).splitlines())


def _feedback_cell(cell, threshold: int, style):
    """A group's cell as ``multirater/_cell.html`` prints it."""
    if cell.shown:
        return f"{number(cell.mean, PLACES)} (n={cell.count})"
    reason = hidden_reason(cell, threshold)
    return _p(reason, style) if reason else "-"


def _weighted_cell(line, weighting, style) -> Paragraph:
    """The weighted score as ``multirater/_weighted.html`` prints it: the
    profile's score with the groups, weights and raters it used under it, or
    why there is none."""
    if line.weighted is None:
        return _p(weighted_value(line), style)
    return Paragraph(
        f"{_e(number(line.weighted, 2))}<br/>{_e(weighted_parts(weighting))}", style
    )


def _feedback(feedback: Profile, styles, small) -> list:
    """The 360 profile as the page shows it to the same viewer: test level,
    self-rating (to the employee only), each group's figure where the round's
    threshold allows, the weighted 360 score where the standard in force sets
    weights, the notes under the table, comments without author."""
    bold = small.clone("small_bold", fontName="Helvetica-Bold")
    weighting = feedback.weighting
    header = [_("Dimensi"), _("Level uji")]
    widths = [(40 if weighting is not None else 52) * mm, 16 * mm]
    if feedback.self_shown:
        header.append(Relation.SELF.label)
        widths.append(16 * mm)
    cells = groups()
    header += [label for label, __ in cells]
    weighted_width = 32 * mm if weighting is not None else 0
    widths += [(180 * mm - sum(widths) - weighted_width) / len(cells)] * len(cells)
    if weighting is not None:
        header.append(_("Skor 360 terbobot"))
        widths.append(weighted_width)
    rows = [[_p(text, bold) for text in header]]
    for line in feedback.lines:
        row = [_p(line.dimension.label, small), _n(line.test_level)]
        if feedback.self_shown:
            row.append(_n(line.self_level))
        row += [
            _feedback_cell(cell_of(line), feedback.threshold, small)
            for __, cell_of in cells
        ]
        if weighting is not None:
            row.append(_weighted_cell(line, weighting, small))
        rows.append(row)
    story = [
        _p(_("Profil penilaian 360"), styles["Heading2"]),
        _p(round_line(feedback), small),
        Table(rows, colWidths=widths, style=GRID),
        _p(threshold_note(feedback), small),
    ]
    if weighting is not None:
        story.append(_p(weighting_note(weighting), small))
    if feedback.comments:
        story.append(_p(_("Komentar"), styles["Heading3"]))
        story += [
            Paragraph(f"{_e(label)}: {_lines(text)}", small)
            for label, text in feedback.comments
        ]
    return story


def employee_pdf(
    report: EmployeeReport, *, link: str, feedback: Profile | None = None
) -> bytes:
    """The report; ``feedback`` is the 360 profile the page shows the same
    viewer (``reports.feedback.report_feedback``), left out when there is none,
    as on the page."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8.5, leading=11)
    employee = report.employee
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_("Laporan kesenjangan kompetensi sosiokultural"),
        author="Sosiokultural",
    )
    story = [
        _p(_("Laporan kesenjangan kompetensi sosiokultural"), styles["Title"]),
        Paragraph(
            f"<b>{_e(employee.name)}</b> · {_e(_('NIP'))} {_e(employee.nip or '-')}"
            f"<br/>{_e(employee.position_type.name)} · {_e(employee.unit.name)} · "
            f"{_e(employee.get_employment_status_display())}",
            styles["BodyText"],
        ),
        _p(
            _("Standar: %(standard)s · dicetak %(date)s")
            % {
                "standard": report.standard or "-",
                "date": _d(timezone.localdate()),
            },
            small,
        ),
        HRFlowable(width="100%", color=colors.HexColor("#adb5bd")),
        Spacer(1, 4 * mm),
    ]
    radar = _radar(report)
    if radar is not None:
        story.append(radar)
    rows = [
        [
            _("Dimensi"),
            _("Dipersyaratkan"),
            _("Level terkini"),
            _("Tanggal uji"),
            _("Gap"),
        ]
    ]
    for line in report.lines:
        rows.append(
            [
                _p(line.dimension.label, small),
                _n(line.required),
                _n(line.level) if line.level else _("belum diuji"),
                _d(line.assessed_on),
                _n(line.gap),
            ]
        )
    story += [
        _p(_("Level per dimensi"), styles["Heading2"]),
        Table(
            rows, colWidths=[70 * mm, 25 * mm, 25 * mm, 28 * mm, 15 * mm], style=GRID
        ),
    ]
    if feedback is not None:
        story += _feedback(feedback, styles, small)
    recommended = [
        [
            _p(line.dimension.label, small),
            _p(", ".join(f.label for f in line.internal_forms) or "-", small),
            _p(", ".join(f.label for f in line.external_forms) or "-", small),
        ]
        for line in report.gap_lines
    ]
    if recommended:
        story += [
            _p(_("Bentuk pengembangan yang disarankan"), styles["Heading2"]),
            Table(
                [[_("Dimensi"), _("Internal"), _("Eksternal")], *recommended],
                colWidths=[55 * mm, 55 * mm, 55 * mm],
                style=GRID,
            ),
        ]
    if report.history:
        story += [
            _p(_("Riwayat uji"), styles["Heading2"]),
            Table(
                [
                    [_("Tanggal"), *[str(d.number) for d in report.dimensions]],
                    *[
                        [_d(r.assessed_on), *[_n(v) for v in r.levels]]
                        for r in report.history
                    ],
                ],
                style=GRID,
            ),
            _p(", ".join(f"{d.number} = {d.label}" for d in report.dimensions), small),
        ]
    plan_rows = [
        [
            _p(item.dimension.label, small),
            _p(item.form.label, small),
            _d(item.target_date),
            _("selesai") if item_is_done(item) else _("belum"),
        ]
        for item in report.items
    ]
    story.append(
        _p(
            _("Rencana pengembangan %(year)s (%(done)s dari %(total)s selesai)")
            % {
                "year": report.year,
                "done": report.progress.done,
                "total": report.progress.total,
            },
            styles["Heading2"],
        )
    )
    if plan_rows:
        story.append(
            Table(
                [[_("Dimensi"), _("Bentuk"), _("Target"), _("Status")], *plan_rows],
                colWidths=[60 * mm, 55 * mm, 28 * mm, 22 * mm],
                style=GRID,
            )
        )
    else:
        story.append(_p(_("Belum ada rencana."), small))
    story.append(
        KeepTogether(
            [
                _p(
                    _("JP tahun %(year)s") % {"year": report.today.year},
                    styles["Heading2"],
                ),
                _p(_jp_sentence(report), styles["BodyText"]),
                Spacer(1, 6 * mm),
                _p(link, small),
            ]
        )
    )
    doc.build(story)
    return buffer.getvalue()
