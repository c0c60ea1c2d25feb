import pytest

from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_login_throttled_after_five_failures(client, settings):
    UserFactory(username="sasaran")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            "/akun/masuk/", {"username": "sasaran", "password": "salah"}
        )
        assert response.status_code == 200
    # The fifth failure locks the pair out ...
    response = client.post("/akun/masuk/", {"username": "sasaran", "password": "x"})
    assert response.status_code == 429
    # ... even with the right password.
    response = client.post(
        "/akun/masuk/", {"username": "sasaran", "password": "rahasia-123"}
    )
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()


def test_successful_login_resets_failures(client):
    UserFactory(username="lupa")
    for _ in range(3):
        client.post("/akun/masuk/", {"username": "lupa", "password": "salah"})
    response = client.post(
        "/akun/masuk/", {"username": "lupa", "password": "rahasia-123"}
    )
    assert (response.status_code, response["Location"]) == (302, "/")


def test_writes_need_csrf(roles):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(roles.staff_a)
    assert client.post("/pemberitahuan/baca-semua/").status_code == 403


def test_security_headers(client):
    response = client.get("/akun/masuk/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def _directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize(
    "url", ["/", "/pegawai/", "/laporan/", "/pemberitahuan/", "/akun/sandi/"]
)
def test_signed_in_pages_are_private_and_not_stored(roles, login, url):
    response = login(roles.staff_a).get(url)
    assert {"private", "no-store"} <= _directives(response)


def test_a_signed_in_download_is_private_and_not_stored(roles, login):
    response = login(roles.staff_a).get("/pegawai/ekspor.csv")
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)
