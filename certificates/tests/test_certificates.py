import io
import json

from django.conf import settings
from django.db.models import Q
from pypdf import PdfReader

from certificates.models import Certificate, Verification
from certificates.services import certificate_issue
from ledger.models import JPEntry


def issue(nomination) -> Certificate:
    entry = JPEntry.objects.get(
        employee=nomination.employee, source_key=nomination.source_key
    )
    return certificate_issue(entry=entry)


def test_issue_once_with_an_unguessable_id_and_a_signed_badge(completed):
    certificate = issue(completed)
    assert issue(completed).pk == certificate.pk
    assert len(certificate.public_id) >= 24
    assert (certificate.title, certificate.jp, certificate.issuer) == (
        "Diklat <Komunikasi> & Etika",
        30,
        settings.CERTIFICATE_ISSUER_NAME,
    )
    credential = certificate.credential
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["creditsAvailable"] == "30.00"
    assert [a["targetCode"] for a in achievement["alignment"]] == [
        d.code for d in completed.program.dimensions.order_by("number")
    ]
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"


def test_nomination_page_links_to_the_certificate(completed, roles, login):
    client = login(roles.staff_a)
    page = client.get(f"/program/usulan/{completed.pk}/").content.decode()
    assert f"/sertifikat/program/{completed.pk}/" in page
    response = client.get(f"/sertifikat/program/{completed.pk}/")
    certificate = Certificate.objects.get()
    assert response["Location"] == f"/sertifikat/{certificate.pk}/"
    assert login(roles.staff_b).get(f"/sertifikat/{certificate.pk}/").status_code == 404


def test_pdf_carries_the_escaped_facts_and_the_verification_url(
    completed, login, roles
):
    certificate = issue(completed)
    response = login(roles.staff_a).get(f"/sertifikat/{certificate.pk}/sertifikat.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Diklat <Komunikasi> & Etika" in text
    assert f"/verifikasi/{certificate.public_id}/" in text.replace("\n", "")


def test_public_verification_page_logs_and_shows_revocation(completed, client, roles):
    certificate = issue(completed)
    url = f"/verifikasi/{certificate.public_id}/"
    page = client.get(url).content.decode()  # anonymous
    assert "Sertifikat ini SAH" in page
    assert completed.employee.name in page
    from certificates.services import certificate_revoke

    certificate_revoke(certificate=certificate, by=roles.bpsdm, reason="Data salah")
    page = client.get(url).content.decode()
    assert "Sertifikat ini telah DICABUT" in page
    assert "Data salah" in page
    assert list(
        Verification.objects.order_by("pk").values_list("channel", "valid")
    ) == [("page", True), ("page", False)]
    assert client.get("/verifikasi/bukan-id/").status_code == 404


def test_credential_verification_detects_tampering_and_revocation(
    completed, client, roles
):
    certificate = issue(completed)
    credential = certificate.credential

    def verify(document):
        return client.post(
            "/verifikasi/kredensial/",
            json.dumps(document),
            content_type="application/json",
        ).json()

    assert verify(credential) == {"verified": True, "revoked": False, "errors": []}
    tampered = json.loads(json.dumps(credential))
    tampered["credentialSubject"]["achievement"]["creditsAvailable"] = "300.00"
    assert verify(tampered) == {
        "verified": False,
        "revoked": False,
        "errors": ["signature does not match"],
    }
    from certificates.services import certificate_revoke

    certificate_revoke(certificate=certificate, by=roles.bpsdm, reason="Ditarik")
    assert verify(credential) == {
        "verified": False,
        "revoked": True,
        "errors": ["revoked"],
    }
    assert (
        client.post(
            "/verifikasi/kredensial/", "{", content_type="application/json"
        ).status_code
        == 400
    )
    assert Verification.objects.filter(Q(channel="credential")).count() == 3


def test_issuer_key_is_published(client):
    document = client.get("/sertifikat/kunci-penerbit.json").json()
    (method,) = document["verificationMethod"]
    assert method["type"] == "Multikey"
    assert method["publicKeyMultibase"].startswith("z6Mk")
    assert method["id"] == document["assertionMethod"][0]


def test_only_the_province_revokes(completed, roles, login):
    certificate = issue(completed)
    assert (
        login(roles.head_a)
        .post(f"/sertifikat/{certificate.pk}/cabut/", {"reason": "x"})
        .status_code
        == 403
    )
    login(roles.bpsdm).post(f"/sertifikat/{certificate.pk}/cabut/", {"reason": ""})
    certificate.refresh_from_db()
    assert not certificate.is_revoked
