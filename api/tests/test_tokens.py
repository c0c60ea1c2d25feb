from api.tokens import looks_like_token, token_digest, token_generate


def test_token_generate_makes_distinct_tokens_with_their_prefix():
    first, prefix = token_generate()
    second, __ = token_generate()
    assert first != second
    assert first.startswith(f"sk_{prefix}_")
    assert len(prefix) == 8
    assert looks_like_token(first)


def test_token_digest_is_sha256_hex_and_not_the_token():
    raw, __ = token_generate()
    digest = token_digest(raw)
    assert len(digest) == 64
    assert raw not in digest
    assert token_digest(raw) == digest


def test_looks_like_token_refuses_other_strings():
    raw, __ = token_generate()
    assert not looks_like_token("")
    assert not looks_like_token(raw[:-1])
    assert not looks_like_token("xx" + raw[2:])
    assert not looks_like_token(raw.replace("_", "-", 2))
