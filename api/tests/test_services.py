from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from api.models import ApiToken
from api.services import token_create, token_expiry_errors, token_revoke
from api.tokens import token_digest
from people.models import User
from people.tests.factories import UserFactory

TODAY = date(2025, 6, 15)


def test_token_expiry_errors_bounds(settings):
    settings.API_TOKEN_MAX_DAYS = 365
    assert token_expiry_errors(TODAY + timedelta(days=1), TODAY) == []
    assert token_expiry_errors(TODAY + timedelta(days=365), TODAY) == []
    assert token_expiry_errors(TODAY, TODAY) == [
        "Tanggal kedaluwarsa harus sesudah hari ini."
    ]
    assert token_expiry_errors(TODAY + timedelta(days=366), TODAY) == [
        "Token berlaku paling lama 365 hari (sampai 15 Jun 2026)."
    ]
    assert token_expiry_errors(None, TODAY) == ["Isi tanggal kedaluwarsa."]


@time_machine.travel("2025-06-15 09:00 +0700", tick=False)
def test_token_create_stores_only_the_digest(roles):
    token, raw = token_create(
        user=roles.staff_a, name=" Aplikasi ", scope="read", expires_on=date(2025, 7, 1)
    )
    token.refresh_from_db()
    assert token.digest == token_digest(raw)
    assert raw not in {token.digest, token.prefix, token.name}
    assert raw.startswith(f"sk_{token.prefix}_")
    assert token.name == "Aplikasi"
    assert timezone.localtime(token.expires_at).date() == date(2025, 7, 1)
    assert ApiToken.objects.filter(digest=token_digest(raw)).count() == 1


@time_machine.travel("2025-06-15 09:00 +0700", tick=False)
def test_token_create_reports_every_error(roles):
    with pytest.raises(ValidationError) as caught:
        token_create(user=roles.staff_a, name="", scope="admin", expires_on=TODAY)
    assert sorted(caught.value.message_dict) == ["expires_on", "name", "scope"]
    assert ApiToken.objects.count() == 0


@time_machine.travel("2025-06-15 09:00 +0700", tick=False)
def test_inspector_gets_read_tokens_only(db):
    inspector = UserFactory(username="inspektur", role=User.Role.INSPECTOR)
    with pytest.raises(ValidationError) as caught:
        token_create(
            user=inspector, name="x", scope="read_write", expires_on=date(2025, 7, 1)
        )
    assert caught.value.message_dict == {"scope": ["Peran Anda hanya dapat membaca."]}
    token, __ = token_create(
        user=inspector, name="x", scope="read", expires_on=date(2025, 7, 1)
    )
    assert token.scope == "read"


def test_token_revoke_by_owner_only_and_twice_is_harmless(roles, token_for):
    token_for(roles.staff_a)
    token = ApiToken.objects.get(user=roles.staff_a)
    with pytest.raises(PermissionDenied):
        token_revoke(token=token, by=roles.staff_b)
    token_revoke(token=token, by=roles.staff_a)
    first = token.revoked_at
    token_revoke(token=token, by=roles.staff_a)
    assert first is not None
    assert token.revoked_at == first
    assert not token.is_live()
