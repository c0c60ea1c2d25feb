"""Reading uploaded tables (CSV or XLSX), shared by every app (exports are written
by ``exports.writer``).

Rows come back as dicts keyed by the normalised header (lower case, spaces and dashes
as underscores), with the spreadsheet row number so errors can name the row a person
sees in their spreadsheet program (the header is row 1).
"""

import csv
import io
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


def read_table(filename: str, content: bytes) -> tuple[list[str], list[Row]]:
    """Return (headers, rows) of a CSV or XLSX file; blank rows are skipped."""
    name = filename.lower()
    if not content:
        raise TableError(_("Berkas kosong."))
    if name.endswith(".xlsx"):
        raw = _read_xlsx(content)
    elif name.endswith(".csv"):
        raw = _read_csv(content)
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
        values = {
            h: (texts[i] if i < len(texts) else "") for i, h in enumerate(headers) if h
        }
        rows.append(Row(number=index, values=values))
    if not rows:
        raise TableError(_("Berkas tidak berisi baris data."))
    return headers, rows


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise TableError(_("Berkas CSV harus berenkode UTF-8.")) from exc
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", ",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _read_xlsx(content: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise TableError(_("Berkas XLSX tidak dapat dibaca.")) from exc
    sheet = workbook.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


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
