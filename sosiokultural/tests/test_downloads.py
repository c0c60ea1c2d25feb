import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import FileField
from django.db.models.fields.files import FieldFile
from django.http import Http404

from sosiokultural.downloads import stored_file_response, stored_suffix


def _stored(name: str) -> FieldFile:
    return FieldFile(None, FileField(), name)


def test_stored_file_is_an_attachment_with_the_given_name_and_type(db):
    # ``db``: closing a response ends the request, and Django then checks the
    # database connection a test before this one may have left open.
    name = default_storage.save("bukti/a/laporan.PDF", ContentFile(b"%PDF-1.7 isi"))
    response = stored_file_response(
        _stored(name), filename="bukti-7.pdf", content_type="application/pdf"
    )
    assert response["Content-Disposition"] == 'attachment; filename="bukti-7.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 isi"
    response.close()


def test_empty_field_and_file_gone_from_storage_are_404():
    with pytest.raises(Http404):
        stored_file_response(_stored(""), filename="x.pdf")
    with pytest.raises(Http404):
        stored_file_response(_stored("bukti/hilang.pdf"), filename="x.pdf")


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("programs/sttpp/a.PDF", ".pdf"),
        ("programs/v1.2/laporan", ""),  # a dot in a folder is not an extension
        ("a.tar.gz", ".gz"),
        ("tanpa-ekstensi", ""),
    ],
)
def test_stored_suffix(name, suffix):
    assert stored_suffix(_stored(name)) == suffix
