"""The Open Badges 3.0 ``OpenBadgeCredential`` of a certificate (JSON-LD): the
achievement aligned to the sociocultural dimensions it developed, JP as
``creditsAvailable``, signed by the issuer (``certificates.signing``)."""

from django.conf import settings
from django.urls import reverse

from sosiokultural.formatting import day

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def issuer_id() -> str:
    return absolute(reverse("certificates:issuer"))


def verification_method() -> str:
    return absolute(reverse("certificates:issuer_key")) + "#key-1"


def credential_document(certificate, *, issued: str) -> dict:
    """The unsigned credential of ``certificate``."""
    dates = f"{day(certificate.starts_on)} – {day(certificate.ends_on)}"
    verify_url = absolute(
        reverse("certificates:verify_page", args=[certificate.public_id])
    )
    return {
        "@context": OB_CONTEXT,
        "id": f"{verify_url}#credential",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": certificate.issuer,
        },
        "validFrom": issued,
        "name": certificate.title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": certificate.employee.name,
                    "identityType": "name",
                    "hashed": False,
                }
            ],
            "achievement": {
                "id": f"{verify_url}#achievement",
                "type": ["Achievement"],
                "name": certificate.title,
                "description": f"{certificate.title} ({dates})",
                "criteria": {"narrative": "Selesai dan tercatat di buku JP."},
                "creditsAvailable": str(certificate.jp),
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": dimension["name"],
                        "targetCode": dimension["code"],
                        "targetFramework": "Kompetensi sosiokultural (PKP2A II LAN)",
                        "targetType": "ext:Competency",
                        "targetUrl": absolute(
                            reverse(
                                "competencies:dimension_detail",
                                args=[dimension["code"]],
                            )
                        ),
                    }
                    for dimension in certificate.dimensions
                ],
            },
        },
        "credentialStatus": {
            "id": verify_url,
            "type": "1EdTechRevocationList",
        },
    }
