"""The export writer: neutralised formula text, typed cells, labels, the
Keterangan sheet, and rows pulled one at a time (never the whole result)."""

import csv
import gc
import io
import os
import warnings
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from openpyxl import load_workbook

from exports.writer import (
    Column,
    Document,
    Sheet,
    as_text,
    csv_response,
    filters_from_form,
    neutralise,
    typed,
    xlsx_response,
    xlsx_write,
)
from people.tests.factories import UserFactory

DANGEROUS = ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_text_gets_a_leading_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Ani", "1+1", " =x", "a=b", "", "'=x"])
def test_other_text_is_left_alone(text):
    assert neutralise(text) == text


def test_typed_keeps_numbers_and_dates_and_labels_booleans():
    aware = datetime(2026, 3, 1, 7, 30, 15, 999, tzinfo=UTC)
    assert typed(-1) == -1
    assert typed(Decimal("2.22")) == Decimal("2.22")
    assert typed(date(2026, 3, 1)) == date(2026, 3, 1)
    # Local time (Asia/Jakarta), naive, to the second.
    assert typed(aware) == datetime(2026, 3, 1, 14, 30, 15)
    assert typed(True) == "ya"
    assert typed(False) == "tidak"
    assert typed(None) is None
    assert typed("-1") == "'-1"


def test_text_is_localised():
    assert as_text(Decimal("82.21")) == "82,21"
    assert as_text(date(2026, 12, 2)) == "02-12-2026"
    assert as_text(datetime(2026, 12, 2, 14, 5)) == "02-12-2026 14.05"
    with translation.override("en"):
        assert as_text(Decimal("82.21")) == "82.21"
        assert as_text(True) == "yes"


COLUMNS = [
    Column("Nama", lambda r: r[0]),
    Column("Jumlah", lambda r: r[1]),
    Column("Tanggal", lambda r: r[2]),
]
ROWS = [
    ('=HYPERLINK("http://x","y")', -1, date(2026, 1, 2)),
    ("Budi", Decimal("2.50"), None),
]


def _document(rows=ROWS, **extra):
    return Document(
        name="Uji Ekspor",
        title="Uji",
        sheets=[Sheet("Data", COLUMNS, rows)],
        **extra,
    )


def test_csv_streams_rows_as_they_are_pulled():
    pulled = []

    def rows():
        for row in ROWS:
            pulled.append(row)
            yield row

    response = csv_response(_document(rows()))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="uji-ekspor.csv"'
    chunks = iter(response.streaming_content)
    assert next(chunks).decode("utf-8") == "\ufeffNama,Jumlah,Tanggal\r\n"
    assert pulled == []  # nothing read before the header went out
    next(chunks)
    assert len(pulled) == 1
    rest = b"".join(chunks).decode("utf-8")
    assert list(csv.reader(io.StringIO(rest))) == [["Budi", "2,50", ""]]


def test_csv_neutralises_text_not_numbers():
    body = b"".join(csv_response(_document()).streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body)))[1] == [
        '\'=HYPERLINK("http://x","y")',
        "-1",
        "02-01-2026",
    ]


@pytest.mark.django_db
def test_xlsx_has_keterangan_first_typed_cells_and_no_formula():
    user = UserFactory(username="pengekspor", first_name="Ani", last_name="Rahma")
    response = xlsx_response(
        _document(filters=[("Unit", "=cmd|' /C calc'!A0")], notes=[("Catatan", 3)]),
        user=user,
    )
    assert isinstance(response, FileResponse)
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Keterangan", "Data"]
    data = book["Data"]
    assert [c.value for c in data[1]] == ["Nama", "Jumlah", "Tanggal"]
    name, number, day = data[2]
    assert (name.value, name.data_type) == ('\'=HYPERLINK("http://x","y")', "s")
    assert (number.value, number.data_type) == (-1, "n")
    assert day.is_date and day.value == datetime(2026, 1, 2)
    assert day.number_format == "dd/mm/yyyy"
    assert data["B3"].value == 2.5
    about = {
        row[0]: row[1]
        for row in book["Keterangan"].iter_rows(values_only=True)
        if row and row[0]
    }
    assert about["Ekspor"] == "Uji"
    assert about["Diekspor oleh"] == "Ani Rahma (pengekspor)"
    assert about["Waktu ekspor"].endswith("(Asia/Jakarta)")
    assert about["Unit"] == "'=cmd|' /C calc'!A0"
    assert about["Catatan"] == "3"
    assert about["Data"] == "2"  # rows written
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]


def test_an_xlsx_that_fails_midway_leaves_no_sheet_file_behind(tmp_path):
    """A row that raises (a job taken over, a lost connection) ends the build:
    the sheet's temporary file is removed then, not at the end of the process,
    and nothing is left to write into a closed file when it is collected."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    def rows():
        yield ROWS[0]
        raise RuntimeError("berhenti")

    before = set(ALL_TEMP_FILES)
    with (tmp_path / "x.xlsx").open("wb") as handle, pytest.raises(RuntimeError):
        xlsx_write(_document(rows()), handle, user=None)
    left = set(ALL_TEMP_FILES) - before
    assert left == set()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    assert [w for w in caught if "closed file" in str(w.message)] == []
    # The ordinary build still works afterwards, and cleans up after itself.
    with (tmp_path / "y.xlsx").open("wb") as handle:
        assert xlsx_write(_document(), handle, user=None) == len(ROWS)
    assert set(ALL_TEMP_FILES) == before
    assert os.path.getsize(tmp_path / "y.xlsx") > 0


def test_an_import_template_has_no_keterangan_sheet():
    response = xlsx_response(_document(rows=[], about=False), user=None)
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Data"]


def test_filters_from_form_show_labels():
    class Filters(forms.Form):
        q = forms.CharField(label="Cari", required=False)
        status = forms.ChoiceField(
            label="Status", choices=[("", "Semua"), ("1", "Aktif")], required=False
        )
        since = forms.DateField(label="Sejak", required=False)

    form = Filters({"q": "Ani", "status": "1", "since": ""})
    assert filters_from_form(form) == [("Cari", "Ani"), ("Status", "Aktif")]
    assert filters_from_form(Filters()) == []
