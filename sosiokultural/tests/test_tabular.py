import io
import re
import time
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from sosiokultural.tabular import TableError, decode_text, read_table


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_dimension(content: bytes, ref: str) -> bytes:
    """The same workbook, its first sheet declaring ``<dimension ref=ref>``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data
                )
            target.writestr(info, data)
    return buffer.getvalue()


def _values(rows):
    return [(row.number, row.values) for row in rows]


# -- CSV ---------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_csv_reads_every_line_ending(newline):
    text = newline.join(["nama,unit", "Ani,JB", "Budi,JG", ""])
    headers, rows = read_table("a.csv", text.encode())
    assert headers == ["nama", "unit"]
    assert _values(rows) == [
        (2, {"nama": "Ani", "unit": "JB"}),
        (3, {"nama": "Budi", "unit": "JG"}),
    ]


@pytest.mark.parametrize(
    "content",
    [
        "nama;kota\nAhmad Sémbiring;Bekasi\n".encode(),
        "\ufeffnama;kota\nAhmad Sémbiring;Bekasi\n".encode(),
        "nama;kota\r\nAhmad Sémbiring;Bekasi\r\n".encode("utf-16"),
        b"\xfe\xff" + "nama;kota\nAhmad Sémbiring;Bekasi\n".encode("utf-16-be"),
        "nama;kota\nAhmad Sémbiring;Bekasi\n".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "windows-1252"],
)
def test_csv_encodings(content):
    __, rows = read_table("a.csv", content)
    assert _values(rows) == [(2, {"nama": "Ahmad Sémbiring", "kota": "Bekasi"})]


def test_csv_doubled_quotes_are_one_quote():
    content = b'nama,catatan\n"Ahmad ""Udin""","a, b"\n'
    __, rows = read_table("a.csv", content)
    assert rows[0].values == {"nama": 'Ahmad "Udin"', "catatan": "a, b"}


def test_csv_line_break_inside_a_quoted_field_is_kept():
    __, rows = read_table("a.csv", b'nama,catatan\r"Ani","baris 1\rbaris 2"\r')
    assert rows[0].values == {"nama": "Ani", "catatan": "baris 1\rbaris 2"}


def test_csv_tab_delimited():
    __, rows = read_table("a.csv", b"nama\tunit\nAni\tJB\n")
    assert rows[0].values == {"nama": "Ani", "unit": "JB"}


def test_csv_control_character_is_refused_with_its_row():
    with pytest.raises(TableError) as error:
        read_table("a.csv", b"nama,unit\nAni,JB\nBu\x00di,JB\n")
    assert str(error.value) == ("Baris 3 berisi karakter kendali yang tidak diizinkan.")


def test_csv_unreadable_quoting_names_the_row():
    # A NUL inside a quoted field is one thing the csv module itself refuses.
    with pytest.raises(TableError):
        read_table("a.csv", b'nama\n"a\x00\n')


def test_csv_row_and_column_limits():
    ten = b"h\n" + b"x\n" * 10
    assert len(read_table("a.csv", ten, max_rows=10)[1]) == 10
    with pytest.raises(TableError) as error:
        read_table("a.csv", ten + b"y\n", max_rows=10)
    assert str(error.value) == (
        "Berkas terlalu besar: paling banyak 10 baris data dan 60 kolom."
    )
    with pytest.raises(TableError):
        read_table("a.csv", b"a,b,c\n1,2,3\n", max_columns=2)


def test_decode_text_refuses_broken_utf16():
    with pytest.raises(TableError):
        decode_text(b"\xff\xfe\x00")


# -- XLSX --------------------------------------------------------------------------


def test_xlsx_reads_rows():
    content = _xlsx([["Nama", "Unit"], ["Ani", "JB"], [None, None], ["Budi", 7]])
    headers, rows = read_table("a.xlsx", content)
    assert headers == ["nama", "unit"]
    assert _values(rows) == [
        (2, {"nama": "Ani", "unit": "JB"}),
        (4, {"nama": "Budi", "unit": "7"}),
    ]


def test_xlsx_dimension_bomb_is_refused_at_once_in_bounded_memory():
    """A sheet declaring A1:XFD6000 (16,384 columns × 6,000 rows, about 98 million
    cells) in a file of a few KiB is refused from its declaration alone."""
    bomb = _with_dimension(_xlsx([["nama"], ["Ani"]]), "A1:XFD6000")
    assert len(bomb) < 32 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(TableError) as error:
            read_table("bom.xlsx", bomb)
        elapsed = time.perf_counter() - started
        __, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(error.value) == (
        "Berkas terlalu besar: paling banyak 100000 baris data dan 60 kolom."
    )
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024


def test_xlsx_understated_dimension_is_not_trusted():
    """A sheet declaring A1:A2 but holding more is read in full, within bounds."""
    content = _with_dimension(
        _xlsx([["nama"]] + [[f"p{i}"] for i in range(5)]), "A1:A2"
    )
    __, rows = read_table("a.xlsx", content)
    assert [row.values["nama"] for row in rows] == ["p0", "p1", "p2", "p3", "p4"]
    with pytest.raises(TableError):
        read_table("a.xlsx", content, max_rows=4)


def test_xlsx_column_beyond_the_limit_is_refused_while_reading():
    content = _with_dimension(_xlsx([["a", "b", "c"], [1, 2, 3]]), "A1:A1")
    with pytest.raises(TableError):
        read_table("a.xlsx", content, max_columns=2)
    assert read_table("a.xlsx", content, max_columns=3)[0] == ["a", "b", "c"]


def test_xlsx_without_a_dimension_is_read_within_bounds():
    content = _with_dimension(_xlsx([["nama"], ["Ani"]]), "")
    assert read_table("a.xlsx", content)[1][0].values == {"nama": "Ani"}


def test_xlsx_part_expanding_beyond_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr("sosiokultural.tabular.MAX_XML_BYTES", 100)
    with pytest.raises(TableError) as error:
        read_table("a.xlsx", _xlsx([["nama"], ["Ani" * 100]]))
    assert "terlalu besar setelah dibuka" in str(error.value)


def test_xlsx_damaged_is_refused():
    with pytest.raises(TableError) as error:
        read_table("a.xlsx", b"PK\x03\x04 not really a zip")
    assert str(error.value) == "Berkas XLSX tidak dapat dibaca."


def test_xlsx_entity_expansion_is_refused():
    """defusedxml (a runtime requirement) makes openpyxl refuse DTD entities."""
    import openpyxl

    assert openpyxl.DEFUSEDXML is True
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    source = zipfile.ZipFile(io.BytesIO(_xlsx([["nama"], ["Ani"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = laughs + data.replace(b">Ani<", b">&lol2;<")
            target.writestr(info, data)
    with pytest.raises(TableError):
        read_table("a.xlsx", buffer.getvalue())
