"""Pure rules for recording an activity: duration, timing and evidence files.

They return Indonesian error messages (or raise ``ValueError`` with one) so forms
and services give the same answer without touching the database.
"""

import zipfile
from datetime import datetime, timedelta
from typing import BinaryIO

from django.utils.translation import gettext as _

from activities.models import MAX_DURATION_MINUTES

# A held activity may not start in the future; a few minutes of slack forgive a
# phone clock that runs slightly ahead of the server.
FUTURE_TOLERANCE = timedelta(minutes=5)

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
# extension → stored kind
EVIDENCE_EXTENSIONS = {
    "pdf": "pdf",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "docx": "docx",
    "xlsx": "xlsx",
}
_MAGIC = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
# Office Open XML files are zip archives with a known part inside.
_OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def duration_error(minutes: int | None) -> str | None:
    if minutes is None:
        return _("Isi durasi atau waktu selesai.")
    if minutes <= 0:
        return _("Durasi harus lebih dari 0 menit.")
    if minutes > MAX_DURATION_MINUTES:
        return _(
            "Durasi melebihi satu hari kerja (%(max)s menit); catat sebagai beberapa "
            "kegiatan."
        ) % {"max": MAX_DURATION_MINUTES}
    return None


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end`` (negative when end is earlier)."""
    return int((end - start).total_seconds() // 60)


def future_error(started_at: datetime, now: datetime) -> str | None:
    if started_at > now + FUTURE_TOLERANCE:
        return _("Kegiatan yang sudah terlaksana tidak boleh bertanggal di masa depan.")
    return None


def evidence_kind(name: str, size: int, stream: BinaryIO) -> str:
    """The stored kind of an uploaded evidence file, checked by extension, size and
    content (magic bytes; for DOCX/XLSX the zip must hold the document part).
    Raises ``ValueError`` with the message to show."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = EVIDENCE_EXTENSIONS.get(extension)
    if kind is None:
        raise ValueError(
            _("Jenis berkas tidak diizinkan; gunakan PDF, JPG, PNG, DOCX atau XLSX.")
        )
    if size <= 0:
        raise ValueError(_("Berkas kosong."))
    if size > MAX_EVIDENCE_BYTES:
        raise ValueError(_("Berkas terlalu besar (maksimal 5 MB)."))
    mismatch = ValueError(
        _("Isi berkas tidak sesuai dengan jenisnya (.%(ext)s).") % {"ext": extension}
    )
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if kind in _MAGIC:
        if not head.startswith(_MAGIC[kind]):
            raise mismatch
        return kind
    if not head.startswith(b"PK\x03\x04"):
        raise mismatch
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise mismatch from exc
    finally:
        stream.seek(0)
    if _OOXML_PART[kind] not in names:
        raise mismatch
    return kind
