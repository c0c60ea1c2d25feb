"""The OpenAPI schema is valid OpenAPI 3, and schemathesis finds no server error
and no response that disagrees with it (bounded examples per operation)."""

import pytest
import schemathesis
from django.test import Client
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from testsupport.matrix_world import build_world


def test_schema_is_valid_openapi_3(client):
    response = client.get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises on an invalid document
    assert "/api/v1/activities/briefings/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["tokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Token API pribadi (halaman Token API di profil).",
    }


def test_docs_page_uses_the_packaged_assets(client):
    page = Client().get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()


@pytest.fixture
def same_connection():
    """The WSGI app is called in this thread: keep the test's database
    connection (and transaction) open across requests, as Django's test client
    does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(org, roles, token_for, framework):
    build_world(org, roles)
    return {
        "head": token_for(roles.head_a, "read_write"),
        "staff": token_for(roles.staff_a, "read_write"),
    }


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def test_api_conforms_to_its_schema(tokens, same_connection):
    """Every operation, a few generated requests each, as a head and as staff
    (both with write tokens): no 5xx, every documented response matches."""
    from sosiokultural.wsgi import application

    api_schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 24

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            for token in tokens.values():
                response = case.call(headers={"Authorization": f"Bearer {token}"})
                case.validate_response(response, checks=CHECKS)

        check()
