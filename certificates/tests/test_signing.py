from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certificates.signing import (
    b58decode,
    b58encode,
    public_key_from_multibase,
    public_multibase,
    sign,
    signature_valid,
)


def test_base58_round_trip_keeps_leading_zeros():
    for data in [b"", b"\0", b"\0\0abc", bytes(range(40))]:
        assert b58decode(b58encode(data)) == data
    assert b58encode(b"hello world") == "StV1DL6CwTryKyV"


def test_public_key_multibase_round_trip():
    text = public_multibase()
    assert text.startswith("z6Mk")  # the usual look of an Ed25519 multikey
    key = public_key_from_multibase(text)
    assert public_multibase(key) == text


def test_signed_document_verifies_and_any_change_breaks_it():
    document = {"@context": ["x"], "name": "Diklat", "credits": "30.00"}
    signed = sign(document, verification_method="https://x/key#1", created="2025")
    key = public_key_from_multibase(public_multibase())
    assert signature_valid(signed, key)
    assert not signature_valid({**signed, "credits": "31.00"}, key)
    tampered_proof = {**signed, "proof": {**signed["proof"], "created": "2026"}}
    assert not signature_valid(tampered_proof, key)
    other = Ed25519PrivateKey.generate().public_key()
    assert not signature_valid(signed, other)
    assert not signature_valid({k: v for k, v in signed.items() if k != "proof"}, key)


def test_a_key_file_is_used_and_production_needs_one(tmp_path, settings):
    import pytest
    from cryptography.hazmat.primitives import serialization
    from django.core.exceptions import ImproperlyConfigured

    from certificates.signing import signing_key

    key = Ed25519PrivateKey.generate()
    path = tmp_path / "issuer.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    settings.CERTIFICATE_SIGNING_KEY_FILE = str(path)
    assert public_multibase() == public_multibase(key.public_key())
    settings.CERTIFICATE_SIGNING_KEY_FILE = ""
    settings.CERTIFICATE_DERIVED_KEY = False
    with pytest.raises(ImproperlyConfigured):
        signing_key()
