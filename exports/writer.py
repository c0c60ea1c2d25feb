"""The one writer of every CSV and XLSX file of the project.

An export declares its columns once (a label in the interface language and a
function from a row object to its value) and hands the writer an iterable of row
objects, usually a queryset's ``.iterator(chunk_size=…)``. The writer

* streams: CSV rows are produced one at a time for a ``StreamingHttpResponse``;
  XLSX goes through openpyxl's write-only mode into a temporary file that is then
  streamed back, so no more than one batch of rows is ever held in memory;
* neutralises formula text: any text that starts with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return gets a leading ``'`` (OWASP's CSV-injection advice),
  in CSV and XLSX alike; numbers and dates stay typed cells in XLSX;
* shows labels, not codes: choices' display values, ``ya``/``tidak`` for booleans,
  localised numbers and dates wherever a value has to be text (CSV);
* puts a first sheet "Keterangan" into every XLSX: what was exported, by whom,
  when (local time), the filters applied and the number of rows of each sheet.
  CSV files stay a plain table (header row, then data) so they re-import into any
  tool unchanged; their metadata is the XLSX's to carry.
"""

import contextlib
import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, BinaryIO, TextIO

from django import forms
from django.db.models import Model
from django.http import FileResponse, StreamingHttpResponse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
# Rows between two progress reports (and the chunk size of querysets read here).
BATCH = 2000


def neutralise(text: str) -> str:
    """Text a spreadsheet program would read as a formula, made inert."""
    return "'" + text if text.startswith(FORMULA_START) else text


@dataclass(frozen=True)
class Column:
    """One column: its header (lazy gettext) and how a row object gives its value.
    The value may be text, a number, a date or datetime, a bool or None."""

    label: str | Promise
    value: Callable[[Any], Any]
    width: int | None = None


@dataclass
class Sheet:
    title: str | Promise
    columns: Sequence[Column]
    rows: Iterable[Any]
    # How many rows to expect (progress and the background threshold); a callable
    # so the COUNT query runs only when someone asks.
    count: Callable[[], int] | None = None


@dataclass
class Document:
    """What an export produces: a file name (without extension), a title for the
    Keterangan sheet, its sheets (CSV takes the first), the filters applied as
    (label, value) pairs and any further facts worth handing on."""

    name: str
    title: str | Promise
    sheets: list[Sheet]
    filters: Sequence[tuple[Any, Any]] = ()
    notes: Sequence[tuple[Any, Any]] = ()
    # An import template has no Keterangan sheet: importers read the first sheet.
    about: bool = True
    rows_written: dict[int, int] = field(default_factory=dict)

    def expected_rows(self, *, csv_only: bool = False) -> int:
        sheets = self.sheets[:1] if csv_only else self.sheets
        return sum(s.count() for s in sheets if s.count is not None)

    def filename(self, fmt: str) -> str:
        return f"{slugify(self.name) or 'ekspor'}.{fmt}"


# -- values ------------------------------------------------------------------------


def typed(value: Any) -> Any:
    """A cell value: numbers, dates and None as they are, everything else as
    neutralised text (booleans as ya/tidak, model instances by their str)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, date | time):
        return value
    if isinstance(value, Promise | Model):
        value = str(value)
    return neutralise(str(value))


def as_text(value: Any) -> str:
    """The cell as text in the active language (CSV, the Keterangan sheet)."""
    value = typed(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, time):
        return formats.time_format(value, "H:i")
    if isinstance(value, int | float | Decimal):
        return formats.number_format(value, use_l10n=True)
    return value


def filters_from_form(form: forms.Form) -> list[tuple[str, str]]:
    """(label, shown value) of every filter field given a value (a bound, valid
    form); choice fields show their label, model choices their name."""
    if not form.is_bound or not form.is_valid():
        return []
    shown = []
    for name, form_field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        if isinstance(form_field, forms.ChoiceField) and not isinstance(
            form_field, forms.ModelChoiceField
        ):
            value = dict(form_field.choices).get(value, value)
        shown.append((str(form_field.label or name), value))
    return shown


# -- CSV -----------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write returns what it was given (csv.writer
    then produces one line per call for the streaming response)."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(document: Document, progress=None) -> Iterator[str]:
    sheet = document.sheets[0]
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([neutralise(str(c.label)) for c in sheet.columns])
    done = 0
    for obj in sheet.rows:
        yield writer.writerow([as_text(c.value(obj)) for c in sheet.columns])
        done += 1
        if progress is not None and done % BATCH == 0:
            progress(done)
    document.rows_written[0] = done


def _in_language(language: str, lines: Iterator[str]) -> Iterator[bytes]:
    """Keep the request's language while the response is iterated (after the view
    has returned)."""
    with override(language):
        for line in lines:
            yield line.encode("utf-8")


def csv_response(document: Document) -> StreamingHttpResponse:
    lines = _in_language(get_language() or "id", _csv_lines(document))
    response = StreamingHttpResponse(lines, content_type=CSV_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{document.filename("csv")}"'
    )
    return response


def csv_write(document: Document, handle: TextIO, *, progress=None) -> int:
    """Write the CSV into an open text file; returns the number of data rows."""
    for line in _csv_lines(document, progress):
        handle.write(line)
    return document.rows_written.get(0, 0)


# -- XLSX ----------------------------------------------------------------------------

_DATE_FORMATS = {"id": ("dd/mm/yyyy", "dd/mm/yyyy hh:mm")}
_DEFAULT_DATE_FORMATS = ("yyyy-mm-dd", "yyyy-mm-dd hh:mm")


def _sheet_title(title, used: set[str]) -> str:
    text = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:31] or "Data"
    candidate, n = text, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = text[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def xlsx_write(document: Document, handle: BinaryIO, *, user, progress=None) -> int:
    """Write the workbook into an open binary file (write-only mode: rows go to
    disk as they come). Returns the number of data rows written."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    try:
        return _xlsx_fill(workbook, document, handle, user=user, progress=progress)
    except BaseException:
        _xlsx_discard(workbook)
        raise


def _xlsx_discard(workbook) -> None:
    """Drop a write-only workbook that will not be saved: each sheet's rows sit
    in a temporary file of its own until the save, which would otherwise stay
    on disk for the life of the process (a worker's, for a failed export)."""
    for sheet in workbook.worksheets:
        writer = sheet._writer  # noqa: SLF001 - openpyxl keeps it private
        if writer is None:
            continue
        if sheet._rows is not None:  # noqa: SLF001
            sheet._rows.close()  # noqa: SLF001 - ends the sheet's open element
        writer.close()
        with contextlib.suppress(OSError, ValueError):  # a failed save removed it
            writer.cleanup()


def _xlsx_fill(
    workbook, document: Document, handle: BinaryIO, *, user, progress
) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    language = (get_language() or "id").split("-")[0]
    date_fmt, datetime_fmt = _DATE_FORMATS.get(language, _DEFAULT_DATE_FORMATS)
    bold = Font(bold=True)
    used: set[str] = set()
    about = (
        workbook.create_sheet(_sheet_title(_("Keterangan"), used))
        if document.about
        else None
    )
    total = 0
    for index, spec in enumerate(document.sheets):
        sheet = workbook.create_sheet(_sheet_title(spec.title, used))
        sheet.freeze_panes = "A2"
        for number, column in enumerate(spec.columns, start=1):
            width = column.width or min(max(len(str(column.label)) + 2, 10), 40)
            sheet.column_dimensions[get_column_letter(number)].width = width
        header = []
        for column in spec.columns:
            cell = WriteOnlyCell(sheet, value=neutralise(str(column.label)))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        written = 0
        for obj in spec.rows:
            line = []
            for column in spec.columns:
                value = typed(column.value(obj))
                if isinstance(value, datetime):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = datetime_fmt
                    value = cell
                elif isinstance(value, date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = date_fmt
                    value = cell
                line.append(value)
            sheet.append(line)
            written += 1
            if progress is not None and (total + written) % BATCH == 0:
                progress(total + written)
        document.rows_written[index] = written
        total += written
    if about is not None:
        _write_about(about, document, user=user, bold=bold, cell_type=WriteOnlyCell)
    workbook.save(handle)
    return total


def _write_about(sheet, document: Document, *, user, bold, cell_type) -> None:
    from openpyxl.utils import get_column_letter

    sheet.column_dimensions[get_column_letter(1)].width = 28
    sheet.column_dimensions[get_column_letter(2)].width = 60

    def line(label, value, *, strong=False):
        first = cell_type(sheet, value=neutralise(str(label)))
        if strong:
            first.font = bold
        sheet.append([first, as_text(value)])

    who = "-"
    if user is not None:
        full = user.get_full_name()
        who = f"{full} ({user.username})" if full else user.username
    now = timezone.localtime()
    line(_("Ekspor"), document.title, strong=True)
    line(_("Diekspor oleh"), who)
    zone = timezone.get_current_timezone_name()
    when = formats.date_format(now, "DATETIME_FORMAT")
    line(_("Waktu ekspor"), f"{when} ({zone})")
    for label, value in document.notes:
        line(label, value)
    sheet.append([])
    line(_("Filter"), "", strong=True)
    if document.filters:
        for label, value in document.filters:
            line(label, value)
    else:
        line(_("(tanpa filter)"), "")
    sheet.append([])
    line(_("Jumlah baris"), "", strong=True)
    for index, spec in enumerate(document.sheets):
        line(spec.title, document.rows_written.get(index, 0))


def xlsx_response(document: Document, *, user) -> FileResponse:
    """Build the workbook into an anonymous temporary file and stream it back
    (the file disappears when the response closes it)."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse
    try:
        xlsx_write(document, handle, user=user)
    except BaseException:
        handle.close()
        raise
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename("xlsx"),
        content_type=XLSX_TYPE,
    )


def respond(document: Document, fmt: str, *, user):
    """The streamed CSV or XLSX response of ``document``."""
    if fmt == "csv":
        return csv_response(document)
    return xlsx_response(document, user=user)


def chunked(queryset, size: int = BATCH) -> Iterator:
    """Rows of a queryset read ``size`` at a time (prefetches per chunk)."""
    return queryset.iterator(chunk_size=size)


def batches(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """Lists of at most ``size`` rows (to read related data once per batch)."""
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def display(obj, name: str) -> str:
    """The label of a choices field (``get_<name>_display``)."""
    return getattr(obj, f"get_{name}_display")()


def joined(values: Iterable[Any], sep: str = ", ") -> str:
    return sep.join(str(v) for v in values)


def user_label(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def columns(*pairs: tuple[Any, Callable[[Any], Any]]) -> list[Column]:
    return [Column(label, value) for label, value in pairs]
