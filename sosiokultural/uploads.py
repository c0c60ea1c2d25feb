"""What an uploaded file really is, judged by its name and its first bytes.

Shared by every upload (activity evidence, certificates, exchange reports, imports):
each caller decides which kinds it accepts and words its own message; this module
only answers "which kind does the name claim" and "does the content agree".
"""

import codecs
import zipfile
from typing import BinaryIO

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

# extension → kind
KIND_BY_EXTENSION = {
    "pdf": "pdf",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "docx": "docx",
    "xlsx": "xlsx",
    "csv": "csv",
}
_SIGNATURES = {
    "pdf": b"%PDF-",
    "jpg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
}
ZIP_SIGNATURE = b"PK\x03\x04"
# Office Open XML files are zip archives holding a known part.
_OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def kind_from_name(name: str) -> str | None:
    """The kind the file name claims, or None for an unknown extension."""
    return KIND_BY_EXTENSION.get(extension_of(name))


def sniff(head: bytes) -> str | None:
    """The kind named by a file's first bytes (PDF, JPEG, PNG), or None."""
    for kind, signature in _SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


def content_matches(kind: str, stream: BinaryIO) -> bool:
    """Whether the content of ``stream`` is really of ``kind``. The stream is left
    at its start."""
    stream.seek(0)
    head = stream.read(2048)
    stream.seek(0)
    if kind in _SIGNATURES:
        return head.startswith(_SIGNATURES[kind])
    if kind == "csv":
        # UTF-16 text (saved by spreadsheet programs as "Unicode text") is half
        # NUL bytes; it is recognised by its byte-order mark.
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return True
        return b"\x00" not in head
    if kind in _OOXML_PART:
        if not head.startswith(ZIP_SIGNATURE):
            return False
        try:
            with zipfile.ZipFile(stream) as archive:
                return _OOXML_PART[kind] in archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return False
        finally:
            stream.seek(0)
    return False


class SizeLimitUploadHandler(FileUploadHandler):
    """Stop reading a file as soon as it passes ``UPLOAD_MAX_BYTES``, while the
    body streams in, instead of storing all of it before a form can look at its
    size. The request is marked (``request.upload_refused``) and
    ``UploadLimitMiddleware`` answers 413 with a message. First in
    ``FILE_UPLOAD_HANDLERS``; the standard handlers then store what it passes on.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            self.request.upload_refused = True
            # The rest of the body is read and discarded (bounded by the request
            # size limit), so the browser receives the answer instead of a reset.
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None
