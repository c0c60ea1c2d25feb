"""The one way a view answers an export: stream it, or, above
``EXPORT_BACKGROUND_ROWS`` rows, offer to build it in the background (a POST to
the same URL creates the job)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from exports.registry import kind_get
from exports.services import export_request
from exports.writer import respond


def query_params(query) -> dict:
    return {key: query.getlist(key) for key in query}


def export_response(request, kind: str, fmt: str, **kwargs):
    """Answer ``request`` with the export ``kind`` in ``fmt``. ``kwargs`` are the
    URL's own arguments (passed to the builder, and kept for a background job).
    The builder scopes to ``request.user`` (404 outside the scope)."""
    found = kind_get(kind)
    if fmt not in found.formats:
        raise Http404
    document = found.build(request.user, request.GET, **kwargs)
    rows = (
        document.expected_rows(csv_only=fmt == "csv")
        if found.background or request.method == "POST"
        else 0
    )
    if request.method == "POST" and found.background:
        params = {
            "query": query_params(request.GET),
            "kwargs": kwargs,
            "language": get_language() or "id",
        }
        try:
            export = export_request(
                by=request.user, kind=kind, fmt=fmt, params=params, rows_expected=rows
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("exports:list")
        return redirect("exports:detail", pk=export.pk)
    if found.background and rows > settings.EXPORT_BACKGROUND_ROWS:
        return render(
            request,
            "exports/confirm.html",
            {
                "document": document,
                "rows": rows,
                "fmt": fmt.upper(),
                "threshold": settings.EXPORT_BACKGROUND_ROWS,
            },
        )
    return respond(document, fmt, user=request.user)
