import time_machine

from api.models import ApiToken
from api.tokens import token_digest


@time_machine.travel("2025-06-15 09:00 +0700", tick=False)
def test_token_is_shown_once_and_stored_hashed(roles, login):
    client = login(roles.staff_a)
    response = client.post(
        "/akun/token-api/",
        {"name": "Dasbor unit", "scope": "read", "expires_on": "2025-09-01"},
    )
    assert response.status_code == 200
    raw = response.context["created"]
    token = ApiToken.objects.get(user=roles.staff_a)
    assert token.digest == token_digest(raw)
    assert raw in response.content.decode()
    again = client.get("/akun/token-api/")
    assert raw not in again.content.decode()
    assert f"sk_{token.prefix}…" in again.content.decode()


@time_machine.travel("2025-06-15 09:00 +0700", tick=False)
def test_token_form_errors_are_shown(roles, login):
    response = login(roles.staff_a).post(
        "/akun/token-api/", {"name": "x", "scope": "read", "expires_on": "2025-06-15"}
    )
    assert response.status_code == 200
    assert response.context["created"] is None
    assert "Tanggal kedaluwarsa harus sesudah hari ini." in response.content.decode()
    assert ApiToken.objects.count() == 0


def test_revoke_own_token_only(roles, login, token_for):
    token_for(roles.staff_a)
    token = ApiToken.objects.get()
    outsider = login(roles.staff_b).post(f"/akun/token-api/{token.pk}/cabut/")
    assert outsider.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    owner = login(roles.staff_a).post(f"/akun/token-api/{token.pk}/cabut/")
    assert owner.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_token_page_needs_a_login(client):
    assert client.get("/akun/token-api/").status_code == 302
