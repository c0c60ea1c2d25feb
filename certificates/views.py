"""Certificates: issue (from a completion in scope), view, download as PDF or
Open Badges JSON, revoke (BPSDM); the public verification page and endpoint, and
the issuer's profile and public key at stable URLs."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from certificates.badges import absolute, issuer_id, verification_method
from certificates.models import Verification
from certificates.pdf import certificate_pdf
from certificates.permissions import REVOKE
from certificates.selectors import (
    certificate_get_for_user,
    certificate_public,
    entry_get_for_user,
)
from certificates.services import (
    certificate_issue,
    certificate_revoke,
    credential_verify,
    verification_log,
)
from certificates.signing import public_multibase
from people.permissions import can, check
from programs.models import Nomination
from programs.selectors import nominations_visible_to

# A presented credential is small; refuse anything larger outright.
MAX_CREDENTIAL_BYTES = 64 * 1024


def _verify_url(certificate) -> str:
    return absolute(reverse("certificates:verify_page", args=[certificate.public_id]))


@login_required
def from_nomination(request, pk: int):
    nomination = get_object_or_404(
        nominations_visible_to(request.user).filter(
            outcome=Nomination.Outcome.COMPLETED
        ),
        pk=pk,
    )
    entry = entry_get_for_user(
        request.user,
        employee_id=nomination.employee_id,
        source_key=nomination.source_key,
    )
    return redirect("certificates:detail", pk=certificate_issue(entry=entry).pk)


@login_required
def from_activity(request, pk: int, employee_pk: int):
    entry = entry_get_for_user(
        request.user, employee_id=employee_pk, source_key=f"activity:{pk}"
    )
    return redirect("certificates:detail", pk=certificate_issue(entry=entry).pk)


@login_required
def detail(request, pk: int):
    certificate = certificate_get_for_user(request.user, pk)
    return render(
        request,
        "certificates/detail.html",
        {
            "certificate": certificate,
            "verify_url": _verify_url(certificate),
            "can_revoke": can(request.user, REVOKE) and not certificate.is_revoked,
        },
    )


@login_required
def pdf(request, pk: int):
    certificate = certificate_get_for_user(request.user, pk)
    response = HttpResponse(
        certificate_pdf(certificate, verify_url=_verify_url(certificate)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="sertifikat-{certificate.pk}.pdf"'
    )
    return response


@login_required
def badge(request, pk: int):
    certificate = certificate_get_for_user(request.user, pk)
    response = JsonResponse(
        certificate.credential, json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Type"] = "application/ld+json"
    response["Content-Disposition"] = (
        f'attachment; filename="openbadge-{certificate.pk}.json"'
    )
    return response


@login_required
@require_POST
def revoke(request, pk: int):
    certificate = certificate_get_for_user(request.user, pk)
    check(request.user, REVOKE)
    try:
        certificate_revoke(
            certificate=certificate, by=request.user, reason=request.POST.get("reason")
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Sertifikat dicabut."))
    return redirect("certificates:detail", pk=certificate.pk)


@require_GET
def verify_page(request, public_id: str):
    """Public: anyone holding the link or the QR code checks the certificate."""
    if len(public_id) > 40:
        raise Http404
    certificate = certificate_public(public_id)
    verification_log(
        certificate=certificate,
        channel=Verification.Channel.PAGE,
        valid=not certificate.is_revoked,
    )
    return render(request, "certificates/verify.html", {"certificate": certificate})


@csrf_exempt  # a public JSON endpoint for other systems; it changes nothing but a log
@require_POST
def verify_credential(request):
    if len(request.body) > MAX_CREDENTIAL_BYTES:
        return JsonResponse({"verified": False, "errors": ["too large"]}, status=413)
    try:
        document = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse(
            {"verified": False, "revoked": False, "errors": ["not JSON"]}, status=400
        )
    return JsonResponse(credential_verify(document))


@require_GET
def issuer(request):
    return JsonResponse(
        {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "id": issuer_id(),
            "type": ["Profile"],
            "name": _issuer_name(),
            "url": absolute("/"),
        }
    )


@require_GET
def issuer_key(request):
    """The issuer's public key, as a Multikey controller document."""
    key_id = verification_method()
    return JsonResponse(
        {
            "@context": [
                "https://www.w3.org/ns/did/v1",
                "https://w3id.org/security/multikey/v1",
            ],
            "id": key_id.split("#", 1)[0],
            "assertionMethod": [key_id],
            "verificationMethod": [
                {
                    "id": key_id,
                    "type": "Multikey",
                    "controller": issuer_id(),
                    "publicKeyMultibase": public_multibase(),
                }
            ],
        }
    )


def _issuer_name() -> str:
    from django.conf import settings

    return settings.CERTIFICATE_ISSUER_NAME
