"""The effectiveness report as a file, through the one export writer (formula
text neutralised, streamed): one line per row and dimension it develops."""

from django.utils.translation import gettext as _

from evaluations import rules
from evaluations.effectiveness import OUTCOMES, ReportRow
from evaluations.models import Observation
from exports.writer import Column, Document, Sheet
from exports.writer import respond as write


def _lines(rows: list[ReportRow]):
    for row in rows:
        if not row.dimensions:
            yield row, None
        for line in row.dimensions:
            yield row, line


def _dim(get):
    return lambda pair: get(pair[1]) if pair[1] is not None else None


def _sheet(title: str, first: str, rows: list[ReportRow]) -> Sheet:
    labels = dict(Observation.Outcome.choices)
    columns = [
        Column(first, lambda p: p[0].label, width=36),
        Column(_("Bentuk / penyelenggara"), lambda p: p[0].form_label, width=24),
        Column(_("Peserta"), lambda p: p[0].participants),
        Column(_("Jawaban survei reaksi"), lambda p: p[0].responses),
    ]
    for index, (__, question) in enumerate(rules.ITEMS):
        columns.append(
            Column(
                _("Rata-rata: %(item)s") % {"item": question},
                lambda p, i=index: p[0].means[i],
            )
        )
    columns.append(Column(_("Dimensi"), _dim(lambda d: str(d.dimension)), width=28))
    for index, outcome in enumerate(OUTCOMES):
        columns.append(
            Column(
                _("Tindak lanjut: %(outcome)s") % {"outcome": labels[outcome]},
                _dim(lambda d, i=index: d.outcome_counts[i]),
            )
        )
    columns += [
        Column(_("Peserta dengan level"), _dim(lambda d: d.participants.count)),
        Column(_("Perubahan level peserta"), _dim(lambda d: d.participants.mean)),
        Column(_("Bukan peserta dengan level"), _dim(lambda d: d.others.count)),
        Column(_("Perubahan level bukan peserta"), _dim(lambda d: d.others.mean)),
    ]
    return Sheet(title, columns, list(_lines(rows)))


def report_document(
    *, year: int, programs: list[ReportRow], forms: list[ReportRow], minimum: int
) -> Document:
    return Document(
        name=f"efektivitas-pelatihan-{year}",
        title=_("Efektivitas pelatihan %(year)s") % {"year": year},
        sheets=[
            _sheet(_("Per program"), _("Program"), programs),
            _sheet(_("Per bentuk"), _("Bentuk pengembangan"), forms),
        ],
        filters=[(_("Tahun"), year)],
        notes=[(_("Ukuran kelompok minimum"), minimum)],
    )


def respond(request, fmt: str, document: Document):
    return write(document, fmt, user=request.user)
