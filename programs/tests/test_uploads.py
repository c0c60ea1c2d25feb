import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from programs.tests.factories import JPEG, PDF, PNG
from programs.uploads import MAX_DOCUMENT_BYTES, validate_document


@pytest.mark.parametrize(
    ("name", "content"),
    [("sttpp.pdf", PDF), ("sttpp.PNG", PNG), ("sttpp.jpg", JPEG), ("a.jpeg", JPEG)],
)
def test_validate_document_accepts_real_files(name, content):
    validate_document(SimpleUploadedFile(name, content))


def test_validate_document_rejects_wrong_extension():
    with pytest.raises(ValidationError) as exc:
        validate_document(SimpleUploadedFile("sttpp.docx", PDF))
    assert exc.value.messages == [
        "Jenis berkas tidak didukung; gunakan PDF, JPG atau PNG."
    ]


def test_validate_document_rejects_disguised_content():
    with pytest.raises(ValidationError) as exc:
        validate_document(SimpleUploadedFile("sttpp.pdf", b"MZ\x90\x00 not a pdf"))
    assert exc.value.messages == [
        "Isi berkas tidak sesuai dengan jenisnya; unggah PDF, JPG atau PNG asli."
    ]
    with pytest.raises(ValidationError):
        validate_document(SimpleUploadedFile("sttpp.png", PDF))


def test_validate_document_rejects_large_files():
    big = SimpleUploadedFile("sttpp.pdf", PDF + b"0" * MAX_DOCUMENT_BYTES)
    with pytest.raises(ValidationError) as exc:
        validate_document(big)
    assert exc.value.messages == ["Berkas terlalu besar (maksimal 5 MB)."]
