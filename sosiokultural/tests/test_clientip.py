"""Login throttling keys on the real client behind the configured proxies."""

import pytest
from django.test import RequestFactory

from people.tests.factories import UserFactory
from sosiokultural.clientip import client_ip

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the reverse proxy, as the app sees it (REMOTE_ADDR)


def _request(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/akun/masuk/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, None, PROXY),
        (0, "203.0.113.5", PROXY),  # no proxy configured: the header is not read
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # forged prefix skipped
        (1, "1.1.1.1,6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.7", "203.0.113.5"),
        (1, None, PROXY),  # a request that did not come through the proxy
        (1, "not-an-address", PROXY),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(_request(forwarded)) == expected


def _fail(client, username, forwarded):
    return client.post(
        "/akun/masuk/",
        {"username": username, "password": "salah"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_two_clients_behind_one_proxy_do_not_lock_each_other_out(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="bpsdm.sasaran")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, "bpsdm.sasaran", "198.51.100.9")
    assert _fail(client, "bpsdm.sasaran", "198.51.100.9").status_code == 429
    # The real owner, from another address through the same proxy, still logs in.
    response = client.post(
        "/akun/masuk/",
        {"username": "bpsdm.sasaran", "password": "rahasia-123"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert (response.status_code, response["Location"]) == (302, "/")


def test_forged_header_does_not_escape_the_lockout(client, settings):
    """An attacker rotating X-Forwarded-For values is still one client: the
    proxy appends the address it really saw."""
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="sasaran")
    for i in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, "sasaran", f"192.0.2.{i}, 198.51.100.9")
    assert _fail(client, "sasaran", "192.0.2.99, 198.51.100.9").status_code == 429


def test_forged_header_without_a_proxy_does_not_escape_the_lockout(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(username="sasaran")
    for i in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, "sasaran", f"192.0.2.{i}")
    assert _fail(client, "sasaran", "192.0.2.200").status_code == 429
