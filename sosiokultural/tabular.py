"""Reading uploaded tables (CSV or XLSX), shared by every app (exports are written
by ``exports.writer``).

Rows come back as dicts keyed by the normalised header (lower case, spaces and dashes
as underscores), with the spreadsheet row number so errors can name the row a person
sees in their spreadsheet program (the header is row 1).
"""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _


class TableError(ValueError):
    """The file as a whole cannot be read (wrong type, empty, no header)."""


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, str]


def normalise_header(text: object) -> str:
    return str(text or "").strip().lower().replace(" ", "_").replace("-", "_")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Bounds of an uploaded table, checked before and while it is read: a spreadsheet
# may declare (or contain) far more rows and columns than any import needs, and
# every declared cell costs memory (a 31 KiB file declaring A1:XFD6000 would
# otherwise expand to about 98 million cells).
MAX_ROWS = 100_000  # data rows, below the header row
MAX_COLUMNS = 60
# Uncompressed size of the one worksheet read (and of its shared strings): a zip
# entry can expand a thousandfold, so the archive's own figures are checked first.
MAX_XML_BYTES = 64 * 1024 * 1024
# C0 control characters other than tab, line feed and carriage return, and DEL.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_table(
    filename: str,
    content: bytes,
    *,
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
) -> tuple[list[str], list[Row]]:
    """Return (headers, rows) of a CSV or XLSX file; blank rows are skipped.

    Raises ``TableError`` for a file that cannot be read, one larger than
    ``max_rows`` data rows or ``max_columns`` columns, or a cell holding a
    control character."""
    name = filename.lower()
    if not content:
        raise TableError(_("Berkas kosong."))
    if name.endswith(".xlsx"):
        raw = _read_xlsx(content, max_rows=max_rows, max_columns=max_columns)
    elif name.endswith(".csv"):
        raw = _read_csv(content, max_rows=max_rows, max_columns=max_columns)
    else:
        raise TableError(_("Jenis berkas tidak didukung; gunakan CSV atau XLSX."))
    if not raw or not any(_cell_text(c) for c in raw[0]):
        raise TableError(_("Berkas kosong: baris judul kolom tidak ditemukan."))
    headers = [normalise_header(h) for h in raw[0]]
    rows = []
    for index, cells in enumerate(raw[1:], start=2):
        texts = [_cell_text(c) for c in cells]
        if not any(texts):
            continue
        if any(CONTROL_CHARACTERS.search(text) for text in texts):
            raise TableError(
                _("Baris %(row)s berisi karakter kendali yang tidak diizinkan.")
                % {"row": index}
            )
        values = {
            h: (texts[i] if i < len(texts) else "") for i, h in enumerate(headers) if h
        }
        rows.append(Row(number=index, values=values))
    if not rows:
        raise TableError(_("Berkas tidak berisi baris data."))
    return headers, rows


def _too_large(max_rows: int, max_columns: int) -> TableError:
    return TableError(
        _(
            "Berkas terlalu besar: paling banyak %(rows)s baris data dan "
            "%(columns)s kolom."
        )
        % {"rows": max_rows, "columns": max_columns}
    )


# Byte-order marks, longest first (the UTF-32 LE mark starts with UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(content: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) or UTF-16 with its mark, as
    spreadsheet programs save "CSV UTF-8" and "Unicode text"; otherwise
    Windows-1252, the other encoding Excel writes here."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            try:
                return content.decode(encoding)
            except UnicodeDecodeError as exc:
                raise TableError(_("Berkas CSV tidak dapat dibaca.")) from exc
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        # Every byte decodes in Windows-1252 except five unassigned ones.
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise TableError(_("Berkas CSV harus berenkode UTF-8.")) from exc


def _delimiter(text: str) -> str:
    """Comma, semicolon (Excel in Indonesian locales) or tab: whichever the header
    line has most of. Only the delimiter is guessed; quoting is always the
    standard one (a doubled quote inside a quoted field is one quote)."""
    header = text.splitlines()[0] if text else ""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(content: bytes, *, max_rows: int, max_columns: int) -> list[list[str]]:
    text = decode_text(content)
    # newline="" leaves CR, LF and CRLF line ends (and line breaks inside quoted
    # fields) to the csv module, which understands all three.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = []
    try:
        for cells in reader:
            if len(cells) > max_columns or (len(rows) > max_rows and any(cells)):
                raise _too_large(max_rows, max_columns)
            rows.append(cells)
    except csv.Error as exc:
        raise TableError(
            _("Baris %(row)s tidak dapat dibaca sebagai CSV.")
            % {"row": reader.line_num}
        ) from exc
    return rows


def _read_xlsx(
    content: bytes, *, max_rows: int, max_columns: int
) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        _check_archive(content)
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except TableError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise TableError(_("Berkas XLSX tidak dapat dibaca.")) from exc
    try:
        # The size the sheet declares (<dimension ref="A1:XFD6000"/>), read
        # before any cell: refuse a sheet larger than the limit outright.
        if (sheet.max_row or 0) > max_rows + 1 or (sheet.max_column or 0) > max_columns:
            raise _too_large(max_rows, max_columns)
        # The declaration may also understate the sheet: forget it and read
        # within our own bounds, one row and one column past the limit to tell
        # a sheet that is too large from one that fits exactly.
        sheet.reset_dimensions()
        rows = []
        for cells in sheet.iter_rows(
            max_row=max_rows + 2, max_col=max_columns + 1, values_only=True
        ):
            if cells[max_columns] is not None or (
                len(rows) > max_rows and any(c is not None for c in cells)
            ):
                raise _too_large(max_rows, max_columns)
            cells = list(cells[:max_columns])
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(cells)
        return rows
    except TableError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet fails while read
        raise TableError(_("Berkas XLSX tidak dapat dibaca.")) from exc
    finally:
        workbook.close()


def _check_archive(content: bytes) -> None:
    """Refuse an archive whose worksheet or shared-string part expands beyond
    ``MAX_XML_BYTES``. The sizes come from the zip directory; reading never
    returns more than the size it declares."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for info in archive.infolist():
            name = info.filename
            part = name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml"
            if part and info.file_size > MAX_XML_BYTES:
                raise TableError(
                    _("Berkas XLSX terlalu besar setelah dibuka (maksimal %(mb)s MB).")
                    % {"mb": MAX_XML_BYTES // (1024 * 1024)}
                )


def missing_columns(headers: Sequence[str], required: Iterable[str]) -> list[str]:
    present = set(headers)
    return [column for column in required if column not in present]


def parse_date(text: str) -> date | None:
    """Accept 2024-03-01, 01/03/2024 and 01-03-2024 (day first, as written here)."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
