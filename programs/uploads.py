"""Checks of uploaded documents (certificates, exchange reports): the extension and
the first bytes must agree on PDF, JPEG or PNG, and the file is at most 5 MB."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

EXTENSIONS = {".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}
MAGIC = [
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
]


def sniff(head: bytes) -> str | None:
    """The kind named by the first bytes of a file, or None."""
    for signature, kind in MAGIC:
        if head.startswith(signature):
            return kind
    return None


def kind_from_name(name: str) -> str | None:
    lower = name.lower()
    for extension, kind in EXTENSIONS.items():
        if lower.endswith(extension):
            return kind
    return None


def validate_document(upload) -> None:
    """Raise ValidationError unless ``upload`` is a real PDF/JPG/PNG of ≤ 5 MB."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
    expected = kind_from_name(upload.name)
    if expected is None:
        raise ValidationError(
            _("Jenis berkas tidak didukung; gunakan PDF, JPG atau PNG.")
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if sniff(head) != expected:
        raise ValidationError(
            _("Isi berkas tidak sesuai dengan jenisnya; unggah PDF, JPG atau PNG asli.")
        )
