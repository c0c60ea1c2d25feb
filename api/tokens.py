"""Token strings as pure functions: how a token is made, recognised and stored.

A token is ``sk_`` + 8 characters of prefix + ``_`` + 43 characters of secret
(32 random bytes, URL-safe base64). Only the SHA-256 digest of the whole string
is stored: the secret has 256 bits of entropy, so a fast hash is enough (a slow
password hash would only slow every API request down).
"""

import hashlib
import secrets

PREFIX = "sk_"
PREFIX_LENGTH = 8


def token_generate() -> tuple[str, str]:
    """A new token string and its display prefix."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    return f"{PREFIX}{prefix}_{secrets.token_urlsafe(32)}", prefix


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def looks_like_token(raw: str) -> bool:
    return (
        raw.startswith(PREFIX)
        and len(raw) == len(PREFIX) + PREFIX_LENGTH + 1 + 43
        and raw[len(PREFIX) + PREFIX_LENGTH] == "_"
    )
