import io
from datetime import timedelta

import pytest
from django.utils import timezone

from activities.rules import (
    MAX_EVIDENCE_BYTES,
    duration_error,
    evidence_kind,
    future_error,
    minutes_between,
)
from activities.tests.factories import JPG_BYTES, PDF_BYTES, PNG_BYTES, docx_bytes


def test_duration_error_bounds():
    assert duration_error(None) == "Isi durasi atau waktu selesai."
    assert duration_error(0) == "Durasi harus lebih dari 0 menit."
    assert duration_error(-5) == "Durasi harus lebih dari 0 menit."
    assert duration_error(1) is None
    assert duration_error(480) is None
    assert duration_error(481) == (
        "Durasi melebihi satu hari kerja (480 menit); catat sebagai beberapa kegiatan."
    )


def test_minutes_between_is_signed():
    now = timezone.now()
    assert minutes_between(now, now + timedelta(minutes=10)) == 10
    assert minutes_between(now, now - timedelta(minutes=10)) == -10


def test_future_error_allows_five_minutes_of_clock_drift():
    now = timezone.now()
    assert future_error(now + timedelta(minutes=5), now) is None
    assert future_error(now + timedelta(minutes=6), now) == (
        "Kegiatan yang sudah terlaksana tidak boleh bertanggal di masa depan."
    )


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("notulen.pdf", PDF_BYTES, "pdf"),
        ("foto.JPG", JPG_BYTES, "jpg"),
        ("foto.jpeg", JPG_BYTES, "jpg"),
        ("foto.png", PNG_BYTES, "png"),
        ("laporan.docx", docx_bytes(), "docx"),
    ],
)
def test_evidence_kind_accepts_allowed_files(name, content, kind):
    assert evidence_kind(name, len(content), io.BytesIO(content)) == kind


def test_evidence_kind_accepts_xlsx():
    from testsupport import xlsx_bytes

    content = xlsx_bytes([("Daftar", ["nama"], [["Ani"]])])
    assert evidence_kind("hadir.xlsx", len(content), io.BytesIO(content)) == "xlsx"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "skrip.exe",
            b"MZ\x90\x00",
            "Jenis berkas tidak diizinkan; gunakan PDF, JPG, PNG, DOCX atau XLSX.",
        ),
        (
            "tanpa-ekstensi",
            PDF_BYTES,
            "Jenis berkas tidak diizinkan; gunakan PDF, JPG, PNG, DOCX atau XLSX.",
        ),
        (
            "palsu.pdf",
            b"<html>bukan pdf</html>",
            "Isi berkas tidak sesuai dengan jenisnya (.pdf).",
        ),
        ("palsu.png", JPG_BYTES, "Isi berkas tidak sesuai dengan jenisnya (.png)."),
        (
            "palsu.docx",
            b"PK\x03\x04rusak",
            "Isi berkas tidak sesuai dengan jenisnya (.docx).",
        ),
        ("kosong.pdf", b"", "Berkas kosong."),
    ],
)
def test_evidence_kind_refuses_wrong_type(name, content, message):
    with pytest.raises(ValueError, match=None) as exc:
        evidence_kind(name, len(content), io.BytesIO(content))
    assert str(exc.value) == message


def test_evidence_kind_refuses_xlsx_posing_as_docx():
    from testsupport import xlsx_bytes

    content = xlsx_bytes([("Daftar", ["nama"], [["Ani"]])])
    with pytest.raises(ValueError) as exc:
        evidence_kind("laporan.docx", len(content), io.BytesIO(content))
    assert str(exc.value) == "Isi berkas tidak sesuai dengan jenisnya (.docx)."


def test_evidence_kind_refuses_more_than_five_megabytes():
    content = PDF_BYTES + b"0" * MAX_EVIDENCE_BYTES
    with pytest.raises(ValueError) as exc:
        evidence_kind("besar.pdf", len(content), io.BytesIO(content))
    assert str(exc.value) == "Berkas terlalu besar (maksimal 5 MB)."
    exact = PDF_BYTES + b"0" * (MAX_EVIDENCE_BYTES - len(PDF_BYTES))
    assert evidence_kind("pas.pdf", len(exact), io.BytesIO(exact)) == "pdf"


def test_overlaps_is_a_half_open_interval():
    from datetime import datetime

    from activities.rules import overlaps

    eight = datetime(2026, 3, 2, 8, 0)
    assert overlaps(eight, 60, eight.replace(hour=8, minute=59), 10)
    assert not overlaps(eight, 60, eight.replace(hour=9), 10)  # back to back
    assert not overlaps(eight.replace(hour=9), 10, eight, 60)
    assert overlaps(eight, 480, eight.replace(hour=15, minute=59), 1)
    assert overlaps(eight.replace(hour=9), 10, eight, 480)  # inside the other
