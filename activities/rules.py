"""Pure rules for recording an activity: duration, timing and evidence files.

They return Indonesian error messages (or raise ``ValueError`` with one) so forms
and services give the same answer without touching the database.
"""

from datetime import datetime, timedelta
from typing import BinaryIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import MAX_DURATION_MINUTES
from sosiokultural.uploads import content_matches, extension_of, kind_from_name

# A held activity may not start in the future; a few minutes of slack forgive a
# phone clock that runs slightly ahead of the server.
FUTURE_TOLERANCE = timedelta(minutes=5)

# No activity is longer than this (so earlier ones cannot overlap a later start).
MAX_DURATION = timedelta(minutes=MAX_DURATION_MINUTES)

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
# The kinds an evidence file may be (see sosiokultural.uploads).
EVIDENCE_KINDS = {"pdf", "jpg", "png", "docx", "xlsx"}


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


def overlaps(
    start_a: datetime, minutes_a: int, start_b: datetime, minutes_b: int
) -> bool:
    """Whether two activities' times overlap. Each is the half-open interval
    ``[start, start + minutes)``: one ending at 08:10 and the next starting at
    08:10 do not overlap."""
    end_a = start_a + timedelta(minutes=minutes_a)
    end_b = start_b + timedelta(minutes=minutes_b)
    return start_a < end_b and start_b < end_a


def future_error(started_at: datetime, now: datetime) -> str | None:
    if started_at > now + FUTURE_TOLERANCE:
        return _("Kegiatan yang sudah terlaksana tidak boleh bertanggal di masa depan.")
    return None


def evidence_kind(name: str, size: int, stream: BinaryIO) -> str:
    """The stored kind of an uploaded evidence file, checked by extension, size and
    content (magic bytes; for DOCX/XLSX the zip must hold the document part).
    Raises ``ValueError`` with the message to show."""
    extension = extension_of(name)
    kind = kind_from_name(name)
    if kind not in EVIDENCE_KINDS:
        raise ValueError(
            _("Jenis berkas tidak diizinkan; gunakan PDF, JPG, PNG, DOCX atau XLSX.")
        )
    if size <= 0:
        raise ValueError(_("Berkas kosong."))
    if size > MAX_EVIDENCE_BYTES:
        raise ValueError(_("Berkas terlalu besar (maksimal 5 MB)."))
    if not content_matches(kind, stream):
        raise ValueError(
            _("Isi berkas tidak sesuai dengan jenisnya (.%(ext)s).")
            % {"ext": extension}
        )
    return kind


# Why attendees are refused: a briefing's, gathering's or benchmarking's roster is
# its unit (its sub-units only when chosen); anyone else takes part as a guest
# named one by one (the page's guest picker, the API's ``guests``).
OUTSIDE_ROSTER = gettext_lazy(
    "%(count)s peserta bukan pegawai unit ini; tambahkan sebagai tamu bila ikut hadir."
)


def blank(value) -> bool:
    """Nothing was filled in (``None`` or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())
