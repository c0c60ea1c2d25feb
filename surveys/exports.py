"""The tables of the survey pages as (title, headers, rows), for CSV and XLSX."""

from decimal import Decimal

from django.utils.translation import gettext as _

from sosiokultural.tabular import csv_response, xlsx_response
from surveys.models import ElementSet

Table = tuple[str, list[str], list[list]]


def respond(fmt: str, name: str, tables: list[Table]):
    if fmt == "csv":
        __, headers, rows = tables[0]
        return csv_response(name, headers, rows)
    return xlsx_response(name, tables)


def _source(result) -> str:
    return _("dilaporkan") if result.reported else _("dihitung")


def _number(value) -> Decimal | str:
    return "" if value is None else value


def survey_table(results) -> Table:
    headers = [
        _("Periode"),
        _("Kode unit"),
        _("Unit"),
        _("Kuesioner"),
        _("Sumber nilai"),
        _("Responden"),
        _("Populasi"),
        _("Sampel minimum"),
        _("IKM"),
        _("Mutu"),
    ]
    rows = []
    for r in results:
        sample = r.sample
        rows.append(
            [
                str(r.survey.period),
                r.survey.unit.code,
                r.survey.unit.name,
                r.survey.element_set.name,
                _source(r),
                _number(r.respondents),
                _number(r.survey.population),
                sample.minimum if sample else "",
                _number(r.ikm),
                r.grade.letter if r.grade else "",
            ]
        )
    return (_("Survei IKM"), headers, rows)


def element_table(result) -> Table:
    headers = [
        _("Urutan"),
        _("Kode"),
        _("Unsur"),
        _("NRR"),
        _("NRR tertimbang"),
        _("Nilai (25–100)"),
        _("Mutu"),
        _("Sumber nilai"),
        _("Terkait sosiokultural"),
    ]
    rows = [
        [
            r.element.order,
            r.element.code,
            r.element.name,
            _number(r.nrr_display),
            _number(r.weighted_display),
            _number(r.score),
            r.grade.letter if r.grade else "",
            _source(result),
            _("ya") if r.element.sociocultural else _("tidak"),
        ]
        for r in result.elements
    ]
    rows.append(
        [
            "",
            "",
            _("IKM (TOTAL)"),
            "",
            "",
            _number(result.ikm),
            result.grade.letter if result.grade else "",
            _source(result),
            "",
        ]
    )
    return (_("Unsur"), headers, rows)


def form_table(development) -> Table:
    headers = [
        _("Sumber"),
        _("Bentuk pengembangan"),
        _("Kegiatan"),
        _("Peserta"),
        _("JP"),
    ]
    rows = [
        [
            _("Internal") if row.source == "internal" else _("Eksternal"),
            row.label,
            row.activities,
            row.participants,
            row.jp,
        ]
        for row in development.forms
    ]
    rows.append(
        [
            _("Jumlah"),
            "",
            development.activities,
            development.participants,
            development.jp,
        ]
    )
    return (_("Pengembangan"), headers, rows)


def gap_table(development) -> Table:
    headers = [
        _("Dimensi"),
        _("Pegawai dinilai"),
        _("Pegawai dengan kesenjangan"),
        _("Rata-rata kesenjangan"),
    ]
    rows = [
        [row.label, row.employees, row.below, _number(row.mean_gap)]
        for row in development.gaps
    ]
    return (_("Kesenjangan"), headers, rows)


def trend_table(results, jp) -> Table:
    headers = [
        _("Periode"),
        _("Kuesioner"),
        _("Sumber nilai"),
        _("Responden"),
        _("IKM"),
        _("Mutu"),
    ]
    if jp is not None:
        headers.append(_("JP unit dalam periode"))
    rows = []
    for r in results:
        row = [
            str(r.survey.period),
            r.survey.element_set.name,
            _source(r),
            _number(r.respondents),
            _number(r.ikm),
            r.grade.letter if r.grade else "",
        ]
        if jp is not None:
            row.append(jp.get(r.survey.period, Decimal(0)))
        rows.append(row)
    return (_("Tren IKM"), headers, rows)


def comparison_table(table) -> Table:
    headers = [_("Unsur pelayanan")] + [
        f"{r.survey.unit.name}" + (f" ({_('dilaporkan')})" if r.reported else "")
        for r in table.results
    ]
    rows = [
        [_("IKM (TOTAL)")] + [_number(r.ikm) for r in table.results],
    ]
    for element, cells in table.rows:
        rows.append([element.name] + [_number(c.score if c else None) for c in cells])
    return (_("Perbandingan"), headers, rows)


def template(element_set: ElementSet) -> Table:
    headers = [e.code for e in element_set.elements.order_by("order")]
    headers += ["jenis_kelamin", "umur", "pendidikan", "jenis_layanan"]
    return (element_set.code, headers, [])


def trend_chart(results) -> dict:
    """Data for the Chart.js line chart (also given as a table on the page)."""
    linked: dict[str, list] = {}
    for index, r in enumerate(results):
        for element in r.sociocultural:
            series = linked.setdefault(element.element.name, [None] * len(results))
            series[index] = float(element.score) if element.score is not None else None
    return {
        "labels": [str(r.survey.period) for r in results],
        "reported": [r.reported for r in results],
        "series": [
            {
                "label": _("IKM"),
                "data": [float(r.ikm) if r.ikm is not None else None for r in results],
            }
        ]
        + [{"label": name, "data": data} for name, data in linked.items()],
    }


def _cell(text: str) -> str:
    """Free text from an import, made inert for spreadsheet programs (a leading
    = + - @ would otherwise start a formula)."""
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text


def responses_table(survey, elements, responses) -> Table:
    """The respondents as imported: one row each, one column per element code."""
    headers = [_("Baris berkas")] + [e.code for e in elements]
    headers += ["jenis_kelamin", "umur", "pendidikan", "jenis_layanan"]
    rows = []
    for response in responses:
        answers = {a.element_id: a.value for a in response.answers.all()}
        rows.append(
            [response.row]
            + [answers.get(e.pk, "") for e in elements]
            + [
                response.gender,
                _number(response.age),
                _cell(response.education),
                _cell(response.service_type),
            ]
        )
    return (_("Responden"), headers, rows)
