from datetime import timedelta

import time_machine

from api.models import ApiToken
from api.services import token_revoke


def test_bearer_token_reads_as_its_owner(roles, api):
    response = api(roles.staff_a).get("/api/v1/employees/")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [
        roles.staff_a.employee.pk
    ]
    assert ApiToken.objects.get(user=roles.staff_a).last_used_at is not None


def test_no_or_bad_credentials_answer_401(roles, api):
    anonymous = api(None)
    assert anonymous.get("/api/v1/units/").status_code == 401
    assert anonymous.get("/api/v1/units/")["WWW-Authenticate"] == "Bearer"
    anonymous.credentials(HTTP_AUTHORIZATION="Bearer sk_nonsense")
    assert anonymous.get("/api/v1/units/").status_code == 401
    anonymous.credentials(HTTP_AUTHORIZATION="Bearer a b")
    assert anonymous.get("/api/v1/units/").status_code == 401


def test_revoked_token_is_refused(roles, token_for, api):
    client = api(roles.staff_a)
    assert client.get("/api/v1/units/").status_code == 200
    token_revoke(token=ApiToken.objects.get(), by=roles.staff_a)
    assert client.get("/api/v1/units/").status_code == 401


def test_expired_token_is_refused(roles, api):
    client = api(roles.staff_a)
    token = ApiToken.objects.get()
    with time_machine.travel(token.expires_at - timedelta(seconds=5)):
        assert client.get("/api/v1/units/").status_code == 200
    with time_machine.travel(token.expires_at + timedelta(seconds=1)):
        assert client.get("/api/v1/units/").status_code == 401


def test_token_of_a_deactivated_login_is_refused(roles, api):
    client = api(roles.staff_a)
    roles.staff_a.is_active = False
    roles.staff_a.save()
    assert client.get("/api/v1/units/").status_code == 401


def test_read_token_cannot_write(roles, api):
    response = api(roles.staff_a, "read").post(
        "/api/v1/activities/briefings/", {}, format="json"
    )
    assert response.status_code == 403
