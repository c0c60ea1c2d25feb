"""Background exports: the status page (polled by htmx) and the download, both
for the requester only."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render

from reports.models import Export
from reports.selectors import export_get_for_user


@login_required
def export_view(request, pk: int):
    export = export_get_for_user(request.user, pk)
    return render(request, "reports/export.html", {"export": export})


@login_required
def export_status(request, pk: int):
    export = export_get_for_user(request.user, pk)
    return render(request, "reports/export.html#status", {"export": export})


@login_required
def export_download(request, pk: int):
    export = export_get_for_user(request.user, pk)
    if export.status != Export.Status.DONE or not export.file:
        raise Http404
    try:
        handle = export.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=export.file.name.rsplit("/", 1)[-1].split("-", 1)[-1],
    )
