import io
import zipfile

import pytest

from sosiokultural.uploads import content_matches, kind_from_name, sniff


def _zip_with(part: str) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<x/>")
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.PDF", "pdf"),
        ("b.jpeg", "jpg"),
        ("c.jpg", "jpg"),
        ("d.xlsx", "xlsx"),
        ("e.exe", None),
        ("noextension", None),
    ],
)
def test_kind_from_name(name, kind):
    assert kind_from_name(name) == kind


def test_sniff_and_content():
    assert sniff(b"%PDF-1.7 ...") == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n...") == "png"
    assert sniff(b"\xff\xd8\xff\xe0...") == "jpg"
    assert sniff(b"MZ\x90\x00") is None
    assert sniff(b"PK\x03\x04") is None  # a ZIP (xlsx) is checked by its parts
    assert content_matches("pdf", io.BytesIO(b"%PDF-1.4")) is True
    assert content_matches("png", io.BytesIO(b"%PDF-1.4")) is False
    assert content_matches("xlsx", _zip_with("xl/workbook.xml")) is True
    assert content_matches("docx", _zip_with("xl/workbook.xml")) is False
    assert content_matches("xlsx", io.BytesIO(b"PK\x03\x04broken")) is False
    assert content_matches("csv", io.BytesIO(b"a,b\n1,2\n")) is True
    assert content_matches("csv", io.BytesIO(b"a\x00b")) is False


def test_content_check_leaves_stream_at_start():
    stream = io.BytesIO(b"%PDF-1.4 rest")
    content_matches("pdf", stream)
    assert stream.tell() == 0
