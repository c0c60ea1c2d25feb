"""The tables of the survey pages, declared as columns for ``exports.writer``
(which neutralises formula text in every cell, imported free text included)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from exports.writer import Column, Document, Sheet
from exports.writer import respond as write
from surveys.models import ElementSet


def respond(request, fmt: str, name: str, sheets: list[Sheet], *, about=True):
    """The CSV (first sheet) or XLSX of ``sheets``."""
    document = Document(name=name, title=sheets[0].title, sheets=sheets, about=about)
    return write(document, fmt, user=request.user)


def _source(result) -> str:
    return _("dilaporkan") if result.reported else _("dihitung")


def _grade(result):
    return result.grade.letter if result.grade else ""


def survey_table(results) -> Sheet:
    columns = [
        Column(_("Periode"), lambda r: str(r.survey.period)),
        Column(_("Kode unit"), lambda r: r.survey.unit.code),
        Column(_("Unit"), lambda r: r.survey.unit.name, width=28),
        Column(_("Kuesioner"), lambda r: r.survey.element_set.name, width=28),
        Column(_("Sumber nilai"), _source),
        Column(_("Responden"), lambda r: r.respondents),
        Column(_("Populasi"), lambda r: r.survey.population),
        Column(_("Sampel minimum"), lambda r: r.sample.minimum if r.sample else None),
        Column(_("IKM"), lambda r: r.ikm),
        Column(_("Mutu"), _grade),
    ]
    return Sheet(_("Survei IKM"), columns, results)


def element_table(result) -> Sheet:
    """One row per element, then the total (a row object of its own)."""
    total = object()

    def pick(element_value, total_value):
        return lambda r: total_value if r is total else element_value(r)

    columns = [
        Column(_("Urutan"), pick(lambda r: r.element.order, None)),
        Column(_("Kode"), pick(lambda r: r.element.code, None)),
        Column(_("Unsur"), pick(lambda r: r.element.name, _("IKM (TOTAL)")), width=40),
        Column(_("NRR"), pick(lambda r: r.nrr_display, None)),
        Column(_("NRR tertimbang"), pick(lambda r: r.weighted_display, None)),
        Column(_("Nilai (25–100)"), pick(lambda r: r.score, result.ikm)),
        Column(_("Mutu"), pick(_grade, _grade(result))),
        Column(_("Sumber nilai"), lambda r: _source(result)),
        Column(
            _("Terkait sosiokultural"),
            pick(lambda r: r.element.sociocultural, None),
        ),
    ]
    return Sheet(_("Unsur"), columns, [*result.elements, total])


def form_table(development) -> Sheet:
    total = object()
    columns = [
        Column(
            _("Sumber"),
            lambda r: (
                _("Jumlah")
                if r is total
                else (_("Internal") if r.source == "internal" else _("Eksternal"))
            ),
        ),
        Column(
            _("Bentuk pengembangan"), lambda r: "" if r is total else r.label, width=28
        ),
        Column(
            _("Kegiatan"),
            lambda r: development.activities if r is total else r.activities,
        ),
        Column(
            _("Peserta"),
            lambda r: development.participants if r is total else r.participants,
        ),
        Column(_("JP"), lambda r: development.jp if r is total else r.jp),
    ]
    return Sheet(_("Pengembangan"), columns, [*development.forms, total])


def gap_table(development) -> Sheet:
    columns = [
        Column(_("Dimensi"), lambda r: r.label, width=28),
        Column(_("Pegawai dinilai"), lambda r: r.employees),
        Column(_("Pegawai dengan kesenjangan"), lambda r: r.below),
        Column(_("Rata-rata kesenjangan"), lambda r: r.mean_gap),
    ]
    return Sheet(_("Kesenjangan"), columns, development.gaps)


def trend_table(results, jp) -> Sheet:
    columns = [
        Column(_("Periode"), lambda r: str(r.survey.period)),
        Column(_("Kuesioner"), lambda r: r.survey.element_set.name, width=28),
        Column(_("Sumber nilai"), _source),
        Column(_("Responden"), lambda r: r.respondents),
        Column(_("IKM"), lambda r: r.ikm),
        Column(_("Mutu"), _grade),
    ]
    if jp is not None:
        columns.append(
            Column(
                _("JP unit dalam periode"),
                lambda r: jp.get(r.survey.period, Decimal(0)),
            )
        )
    return Sheet(_("Tren IKM"), columns, results)


def comparison_table(table) -> Sheet:
    """Elements down, units across; the first row is the IKM total."""
    total = object()
    columns = [
        Column(
            _("Unsur pelayanan"),
            lambda row: _("IKM (TOTAL)") if row is total else row[0].name,
            width=40,
        )
    ]
    for i, r in enumerate(table.results):
        label = r.survey.unit.name + (f" ({_('dilaporkan')})" if r.reported else "")
        columns.append(
            Column(
                label,
                lambda row, i=i, r=r: (
                    r.ikm if row is total else (row[1][i].score if row[1][i] else None)
                ),
            )
        )
    return Sheet(_("Perbandingan"), columns, [total, *table.rows])


def template(element_set: ElementSet) -> Sheet:
    """An empty import file: its headers are the import's column names."""
    headers = [e.code for e in element_set.elements.order_by("order")]
    headers += ["jenis_kelamin", "umur", "pendidikan", "jenis_layanan"]
    return Sheet(element_set.code, [Column(h, lambda r: None) for h in headers], [])


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


def responses_table(survey, elements, responses) -> Sheet:
    """The respondents as imported: one row each, one column per element code
    (the import's column names)."""
    columns = [Column(_("Baris berkas"), lambda r: r[0].row)]
    columns += [Column(e.code, lambda r, pk=e.pk: r[1].get(pk)) for e in elements]
    columns += [
        Column("jenis_kelamin", lambda r: r[0].gender),
        Column("umur", lambda r: r[0].age),
        Column("pendidikan", lambda r: r[0].education),
        Column("jenis_layanan", lambda r: r[0].service_type),
    ]
    rows = (
        (response, {a.element_id: a.value for a in response.answers.all()})
        for response in responses
    )
    return Sheet(_("Responden"), columns, rows)
