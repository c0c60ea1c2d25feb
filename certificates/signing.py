"""Ed25519 signatures of Open Badges 3.0 credentials as a W3C Data Integrity
proof with the ``eddsa-jcs-2022`` cryptosuite: the document and the proof
options are canonicalised with JCS (RFC 8785), each hashed with SHA-256, and the
concatenation (options hash first) is signed; ``proofValue`` is the signature in
base58btc multibase (``z…``). The public key is published as a Multikey.
"""

import hashlib
import json
from functools import cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Multicodec prefix of an Ed25519 public key (0xed01).
_ED25519_PUB = b"\xed\x01"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _ALPHABET[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _ALPHABET.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def canonical(value) -> bytes:
    """JCS for the JSON this app produces (strings, integers, booleans, null,
    lists and objects; no floats): sorted keys, no whitespace, UTF-8."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


@cache
def _key_from_settings(path: str, secret: str, derived: bool) -> Ed25519PrivateKey:
    if path:
        with open(path, "rb") as handle:
            key = serialization.load_pem_private_key(handle.read(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY_FILE is not Ed25519")
        return key
    if not derived:
        raise ImproperlyConfigured(
            "CERTIFICATE_SIGNING_KEY_FILE must be set when DEBUG is off."
        )
    # Development only: a key derived from the (development) secret key, stable
    # across restarts so credentials issued in development keep verifying.
    seed = hashlib.sha256(b"certificates-signing:" + secret.encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_key() -> Ed25519PrivateKey:
    return _key_from_settings(
        settings.CERTIFICATE_SIGNING_KEY_FILE or "",
        settings.SECRET_KEY,
        settings.CERTIFICATE_DERIVED_KEY,
    )


def public_multibase(key: Ed25519PublicKey | None = None) -> str:
    key = key or signing_key().public_key()
    raw = key.public_bytes(
        encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
    )
    return "z" + b58encode(_ED25519_PUB + raw)


def public_key_from_multibase(text: str) -> Ed25519PublicKey:
    raw = b58decode(text[1:]) if text.startswith("z") else b""
    if not raw.startswith(_ED25519_PUB) or len(raw) != 34:
        raise ValueError("not an Ed25519 multikey")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def _hash_data(document: dict, options: dict) -> bytes:
    return (
        hashlib.sha256(canonical(options)).digest()
        + hashlib.sha256(canonical(document)).digest()
    )


def sign(document: dict, *, verification_method: str, created: str) -> dict:
    """``document`` with a ``proof`` added."""
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
        "@context": unsigned.get("@context"),
    }
    signature = signing_key().sign(_hash_data(unsigned, options))
    proof = {k: v for k, v in options.items() if k != "@context"}
    proof["proofValue"] = "z" + b58encode(signature)
    return {**unsigned, "proof": proof}


def signature_valid(document: dict, public_key: Ed25519PublicKey) -> bool:
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return False
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return False
    if proof.get("cryptosuite") != "eddsa-jcs-2022":
        return False
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    options["@context"] = unsigned.get("@context")
    try:
        public_key.verify(b58decode(value[1:]), _hash_data(unsigned, options))
    except (InvalidSignature, ValueError):
        return False
    return True
