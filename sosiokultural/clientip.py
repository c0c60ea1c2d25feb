"""The client address that login throttling (django-axes) keys on.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (env ``AXES_PROXY_COUNT``), each of
which appends the address it received the request from to ``X-Forwarded-For``
(nginx: ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``), the
client is the entry that the outermost proxy appended: the ``TRUSTED_PROXY_COUNT``-th
from the right. Whatever a client writes into the header itself stands further
left and is ignored. With no proxy configured the header is not read at all, so a
forged one changes nothing; the address is the connection's (``REMOTE_ADDR``).
"""

from django.conf import settings
from django.http import HttpRequest
from ipware.ip import get_client_ip


def client_ip(request: HttpRequest) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR")
    if proxies <= 0:
        return remote
    # django-ipware counts the proxies listed in the header, i.e. every one but
    # the last, whose address is REMOTE_ADDR; not strict: a client-written prefix
    # is expected and skipped.
    address, __ = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or remote
