"""Checks of uploaded documents (certificates, exchange reports): the extension and
the content must agree on PDF, JPEG or PNG, and the file is at most 5 MB."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sosiokultural.uploads import content_matches, kind_from_name

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
DOCUMENT_KINDS = {"pdf", "jpg", "png"}


def validate_document(upload) -> None:
    """Raise ValidationError unless ``upload`` is a real PDF/JPG/PNG of ≤ 5 MB."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
    expected = kind_from_name(upload.name)
    if expected not in DOCUMENT_KINDS:
        raise ValidationError(
            _("Jenis berkas tidak didukung; gunakan PDF, JPG atau PNG.")
        )
    if not content_matches(expected, upload):
        raise ValidationError(
            _("Isi berkas tidak sesuai dengan jenisnya; unggah PDF, JPG atau PNG asli.")
        )
