"""Serving a stored file (evidence, an STTPP, an exchange report, a finished
export) as an attachment. Only scoped views call this, once they have fetched the
object for the user: the media URL itself is never public."""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def stored_file_response(
    file: FieldFile, *, filename: str, content_type: str | None = None
) -> FileResponse:
    """``file`` as an attachment named ``filename``; 404 when the field is empty
    or the file has gone from storage."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )


def stored_suffix(file: FieldFile) -> str:
    """The stored file's extension with its dot, lower case (".pdf"), or ""."""
    base = file.name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot != -1 else ""
