"""Issuing, revoking and verifying certificates."""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from certificates.badges import credential_document, verification_method
from certificates.models import Certificate, Verification
from certificates.permissions import REVOKE
from certificates.signing import (
    public_key_from_multibase,
    public_multibase,
    sign,
    signature_valid,
)
from ledger.jp import entry_jp
from ledger.models import JPEntry
from people.models import User
from people.permissions import can
from programs.models import Nomination

NOMINATION_PREFIX = "program-nomination:"
ACTIVITY_PREFIX = "activity:"


def _source(entry: JPEntry) -> tuple[str, object, object, list[dict]]:
    """(title, starts_on, ends_on, dimensions) of the completion behind
    ``entry``; a ledger entry of another kind has no certificate."""
    key = entry.source_key
    if key.startswith(NOMINATION_PREFIX):
        nomination = Nomination.objects.select_related("program").get(
            pk=int(key[len(NOMINATION_PREFIX) :])
        )
        program = nomination.program
        dims = program.dimensions.order_by("number")
        return program.title, program.starts_on, program.ends_on, _dims(dims)
    if key.startswith(ACTIVITY_PREFIX):
        activity = Activity.objects.select_related("form", "unit").get(
            pk=int(key[len(ACTIVITY_PREFIX) :])
        )
        day = timezone.localdate(activity.started_at)
        title = f"{activity.form.name} · {activity.unit.name}"
        return title, day, day, _dims(activity.dimensions.order_by("number"))
    raise ValidationError(_("Entri JP ini tidak memiliki sertifikat."))


def _dims(queryset) -> list[dict]:
    return [{"code": d.code, "name": d.name} for d in queryset]


@transaction.atomic
def certificate_issue(*, entry: JPEntry) -> Certificate:
    """The certificate of a completion that granted JP, issued (and its
    credential signed) the first time it is asked for."""
    existing = Certificate.objects.filter(
        employee_id=entry.employee_id, source_key=entry.source_key
    ).first()
    if existing is not None:
        return existing
    title, starts_on, ends_on, dimensions = _source(entry)
    certificate = Certificate(
        public_id=secrets.token_urlsafe(18),
        employee=entry.employee,
        source_key=entry.source_key,
        title=title[:300],
        starts_on=starts_on,
        ends_on=ends_on,
        jp=entry_jp(entry),
        dimensions=dimensions,
        issuer=settings.CERTIFICATE_ISSUER_NAME,
    )
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:  # issued at the same moment by another request
        return Certificate.objects.get(
            employee_id=entry.employee_id, source_key=entry.source_key
        )
    issued = certificate.issued_at.replace(microsecond=0).isoformat()
    certificate.credential = sign(
        credential_document(certificate, issued=issued),
        verification_method=verification_method(),
        created=issued,
    )
    certificate.save(update_fields=["credential"])
    return certificate


def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> None:
    if not can(by, REVOKE):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pencabutan.")})
    Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by, revocation_reason=reason[:2000]
    )
    certificate.refresh_from_db()


def verification_log(*, certificate: Certificate, channel: str, valid: bool) -> None:
    Verification.objects.create(certificate=certificate, channel=channel, valid=valid)


def credential_verify(document) -> dict:
    """Check a presented credential: its signature against the issuer's key and
    whether its certificate is revoked. ``{"verified": bool, "revoked": bool,
    "errors": [...]}``; each check of a known certificate is logged."""
    errors: list[str] = []
    if not isinstance(document, dict):
        return {"verified": False, "revoked": False, "errors": ["not a credential"]}
    proof = document.get("proof") if isinstance(document.get("proof"), dict) else {}
    if proof.get("verificationMethod") != verification_method():
        errors.append("unknown verification method")
    key = public_key_from_multibase(public_multibase())
    if not errors and not signature_valid(document, key):
        errors.append("signature does not match")
    certificate = None
    status = document.get("credentialStatus")
    status_id = status.get("id") if isinstance(status, dict) else None
    if isinstance(status_id, str):
        public_id = status_id.rstrip("/").rsplit("/", 1)[-1]
        certificate = Certificate.objects.filter(public_id=public_id).first()
    if certificate is None:
        errors.append("unknown certificate")
    revoked = bool(certificate and certificate.is_revoked)
    if revoked:
        errors.append("revoked")
    verified = not errors
    if certificate is not None:
        verification_log(
            certificate=certificate,
            channel=Verification.Channel.CREDENTIAL,
            valid=verified,
        )
    return {"verified": verified, "revoked": revoked, "errors": errors}
