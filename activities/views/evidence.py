from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from activities.forms.lists import EvidenceUploadForm
from activities.permissions import ADD_EVIDENCE, EDIT
from activities.selectors import activity_get_for_user, evidence_get_for_user
from activities.services import evidence_add, evidence_delete
from people.permissions import check
from sosiokultural.downloads import stored_file_response

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_POST
def evidence_upload(request, pk: int):
    activity = activity_get_for_user(request.user, pk)
    check(request.user, ADD_EVIDENCE, activity)
    form = EvidenceUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("evidence", [])))
        return redirect("activities:detail", pk=activity.pk)
    try:
        with transaction.atomic():
            for upload in form.cleaned_data["evidence"]:
                evidence_add(activity=activity, actor=request.user, upload=upload)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Berkas bukti disimpan."))
    return redirect("activities:detail", pk=activity.pk)


@login_required
@require_GET
def evidence_download(request, pk: int):
    """Evidence is served only here, to users who can see its activity."""
    evidence = evidence_get_for_user(request.user, pk)
    return stored_file_response(
        evidence.file,
        filename=evidence.original_name,
        content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"),
    )


@login_required
@require_POST
def evidence_delete_view(request, pk: int):
    evidence = evidence_get_for_user(request.user, pk)
    check(request.user, EDIT, evidence.activity)
    activity_pk = evidence.activity_id
    evidence_delete(evidence=evidence, actor=request.user)
    messages.success(request, _("Berkas bukti dihapus."))
    return redirect("activities:detail", pk=activity_pk)
