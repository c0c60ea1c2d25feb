"""Evidence files: checked on the way in, removed with their row."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from activities.models import Activity, Evidence
from activities.permissions import EDIT
from activities.rules import evidence_kind
from people.models import User
from people.permissions import check


def evidence_add(*, activity: Activity, actor: User, upload: UploadedFile) -> Evidence:
    """Store one evidence file after checking its type (extension and content) and
    size; raises ``ValidationError`` on the "evidence" field otherwise."""
    kind = activity.kind
    if kind is not None and not kind.takes_evidence:
        raise ValidationError({"evidence": str(kind.no_evidence_reason)})
    try:
        kind = evidence_kind(upload.name, upload.size, upload)
    except ValueError as exc:
        raise ValidationError({"evidence": f"{upload.name}: {exc}"}) from exc
    evidence = Evidence(
        activity=activity,
        original_name=upload.name.rsplit("/", 1)[-1][:200],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    evidence.file.save(f"bukti.{kind}", upload, save=False)
    try:
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, actor: User) -> None:
    check(actor, EDIT, evidence.activity)
    name = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


def evidence_save_all(activity: Activity, actor: User, files: Sequence[UploadedFile]):
    saved: list[Evidence] = []
    try:
        for upload in files:
            saved.append(evidence_add(activity=activity, actor=actor, upload=upload))
    except Exception:
        for evidence in saved:
            evidence.file.delete(save=False)
        raise
