from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from api.services import token_create


@pytest.fixture
def token_for():
    """``token_for(user, scope="read")`` → a new token string of ``user``."""

    def make(user, scope: str = "read", days: int = 30) -> str:
        __, raw = token_create(
            user=user,
            name="test",
            scope=scope,
            expires_on=timezone.localdate() + timedelta(days=days),
        )
        return raw

    return make


@pytest.fixture
def api(token_for):
    """``api(user, scope="read")`` → an API client sending that user's token
    (``api(None)``: no credentials)."""

    def make(user, scope: str = "read") -> APIClient:
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user, scope)}")
        return client

    return make


@pytest.fixture(autouse=True)
def framework(db):
    """Dimensions, levels, development forms and the standard."""
    from competencies.bootstrap import reference_load

    return reference_load()
