"""Request limits in one place (``RequestLimitsMiddleware``): bodies and files too
large, and control characters in any value, are refused with a message."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from sosiokultural.uploads import SizeLimitUploadHandler

pytestmark = pytest.mark.django_db

CONTROL = "Isian berisi karakter kendali (mis. NUL) yang tidak diizinkan."
TOO_LARGE = "Data yang dikirim terlalu besar: setiap berkas paling besar 5 MB"


def test_file_past_the_limit_is_refused_while_it_streams(roles, login, settings):
    settings.UPLOAD_MAX_BYTES = 64 * 1024
    big = SimpleUploadedFile("pegawai.csv", b"nama\n" + b"x" * (100 * 1024))
    response = login(roles.bpsdm).post("/pegawai/impor/", {"file": big})
    assert response.status_code == 413
    assert "setiap berkas paling besar 0 MB" in response.content.decode()


def test_handler_stops_at_the_limit_and_marks_the_request(settings):
    from django.http.multipartparser import MultiPartParser

    settings.UPLOAD_MAX_BYTES = 1000
    request = RequestFactory().post(
        "/", {"a": "1", "file": SimpleUploadedFile("x.csv", b"y" * 5000), "b": "2"}
    )
    handlers = [SizeLimitUploadHandler(request)]
    body = request.read()
    parser = MultiPartParser(
        request.META, io.BytesIO(body), handlers, request.encoding or "utf-8"
    )
    post, files = parser.parse()
    assert request.upload_refused is True
    assert dict(files) == {}
    assert post["a"] == "1"  # fields before the file were read; nothing after
    assert "b" not in post


def test_file_within_the_limit_goes_through(settings):
    from django.http.multipartparser import MultiPartParser

    settings.UPLOAD_MAX_BYTES = 10_000
    request = RequestFactory().post(
        "/", {"file": SimpleUploadedFile("x.csv", b"y" * 5000)}
    )
    from django.core.files.uploadhandler import MemoryFileUploadHandler

    handlers = [SizeLimitUploadHandler(request), MemoryFileUploadHandler(request)]
    parser = MultiPartParser(
        request.META, io.BytesIO(request.read()), handlers, "utf-8"
    )
    __, files = parser.parse()
    assert files["file"].read() == b"y" * 5000
    assert not getattr(request, "upload_refused", False)


def test_body_larger_than_the_limit_is_refused_before_it_is_read(roles, login):
    client = login(roles.bpsdm)
    response = client.generic(
        "POST",
        "/pegawai/impor/",
        b"x=1",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(12 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert TOO_LARGE in response.content.decode()


def test_form_fields_past_their_limit_are_refused(roles, login, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = login(roles.staff_a).post(
        "/pemberitahuan/baca-semua/", {"x": "y" * 2000}
    )
    assert response.status_code == 413


def test_nul_in_a_query_string_is_refused_with_a_message(roles, login):
    response = login(roles.head_a).get("/ikm/dilaporkan/?set=%00")
    assert response.status_code == 400
    assert CONTROL in response.content.decode()


@pytest.mark.parametrize("value", ["a\x00b", "\x1b[31m", "x\x7f"])
def test_control_characters_in_a_form_are_refused(roles, login, value):
    response = login(roles.bpsdm).post("/program/baru/", {"title": value})
    assert response.status_code == 400
    assert CONTROL in response.content.decode()


def test_control_character_in_a_field_name_is_refused(roles, login):
    response = login(roles.bpsdm).post("/program/baru/", {"ti\x00tle": "x"})
    assert response.status_code == 400


def test_tab_and_line_ends_are_allowed(roles, login):
    response = login(roles.head_a).get("/ikm/?period=2024%09Q1%0D%0A")
    assert response.status_code == 200
