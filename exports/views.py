"""Background exports: the requester's list, the status page (polled by htmx)
and the download."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from exports.models import Export
from exports.selectors import export_get_for_user, exports_visible_to
from sosiokultural.downloads import stored_file_response


@login_required
def export_list(request):
    page = Paginator(exports_visible_to(request.user), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "exports/export_list.html",
        {"page": page, "retention_hours": settings.EXPORT_RETENTION_HOURS},
    )


@login_required
def export_detail(request, pk: int):
    export = export_get_for_user(request.user, pk)
    return render(request, "exports/export.html", {"export": export})


@login_required
def export_status(request, pk: int):
    export = export_get_for_user(request.user, pk)
    return render(request, "exports/export.html#status", {"export": export})


@login_required
def export_download(request, pk: int):
    export = export_get_for_user(request.user, pk)
    if export.status != Export.Status.DONE:
        raise Http404
    return stored_file_response(
        export.file, filename=export.file.name.rsplit("/", 1)[-1].split("-", 1)[-1]
    )
