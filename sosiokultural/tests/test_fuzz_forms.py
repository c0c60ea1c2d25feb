"""No input ends in a server error: every form (and htmx control) found on the pages
of the permission matrix is sent generated values (hypothesis) by every role that
sees it, and no answer may be 5xx.

The pages are the matrix's URLs (``testsupport.urltable.TABLE``) on its world
(``matrix_world``), each opened by every role it answers 200 to; their forms are
read from the HTML (action, method, field names, the options of each select) and
filled with values drawn from what breaks code: numbers past any column type, dates
out of range, text far past a field's length, markup, files of random bytes under
each accepted name, and the options themselves. A form that several roles see is
sent by roles drawn from those. The examples are derandomised (the same on every
run) and bounded: ``EXAMPLES`` per distinct form, so the whole run stays near a
minute.
"""

import json
import logging
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from testsupport.matrix_world import build_world, role_clients
from testsupport.urltable import ROLES, TABLE

pytestmark = pytest.mark.django_db

EXAMPLES = 6
# Signing out or switching the language would change the client, not test a form.
SKIPPED_ACTIONS = ("/akun/keluar/", "/i18n/")

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1",
    "2",
    "3",
    "32767",
    "32768",
    "2147483647",
    "2147483648",
    "99999999999999999999",
    "-99999999999999999999",
    "1e999",
    "-1e-999",
    "NaN",
    "Infinity",
    "1.999999999999999999999",
    "0,5",
    "100.001",
    "9999-12-31",
    "0001-01-01",
    "2024-02-30",
    "10000-01-01",
    "31/12/9999",
    "2024-01-01T25:61",
    "99:99",
    "23:59",
    "2024Q9",
    "99999Q4",
    "2024Q1",
    "x" * 5000,
    "é" * 400,
    "😀" * 60,
    "<b>tebal</b> <script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "'; DROP TABLE people_employee; --",
    "%s %(x)s {{ x }} {% x %}",
    "../../etc/passwd",
    "\u202etext",
    "a\x00b",
]
FILE_NAMES = ["data.csv", "data.xlsx", "bukti.pdf", "foto.png", "foto.jpg", "x.exe"]
FILE_CONTENTS = [
    b"",
    b"%PDF-1.4\n",
    b"\x89PNG\r\n\x1a\n",
    b"PK\x03\x04not a zip",
    b"nama,nip,unit\nAni,1,X\n",
    "nama;U1\r\nAni;4\r".encode("utf-16"),
]


@dataclass
class Target:
    roles: list[str]
    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → options
    files: list[str] = field(default_factory=list)
    found_on: str = ""

    def key(self):
        return (self.method, self.action, tuple(sorted(self.fields)))


class _Forms(HTMLParser):
    """Forms and htmx controls of one page, with their named fields."""

    VOID = {"input", "br", "img", "hr", "meta", "link", "source", "wbr", "col"}

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.stack: list[tuple[str, dict | None]] = []  # (tag, target-in-progress)
        self.found: list[dict] = []
        self.select: tuple[str, list[str]] | None = None

    def _open(self) -> list[dict]:
        return [target for __, target in self.stack if target is not None]

    def _add(self, name: str, options: list[str]) -> None:
        for target in self._open():
            target["fields"].setdefault(name, [])
            target["fields"][name].extend(options)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        target = None
        if tag == "form":
            method = (a.get("method") or "get").lower()
            action = a.get("hx-post") or a.get("action") or self.url
            method = "post" if a.get("hx-post") else method
            target = {"method": method, "action": action, "fields": {}, "files": []}
        elif a.get("hx-post") or (a.get("hx-get") and tag != "form"):
            method = "post" if a.get("hx-post") else "get"
            action = a.get("hx-post") or a.get("hx-get")
            target = {"method": method, "action": action, "fields": {}, "files": []}
            try:
                values = json.loads(a.get("hx-vals") or "{}")
            except ValueError:
                values = {}
            for name, value in values.items():
                target["fields"][name] = [str(value)]
        if target is not None:
            self.found.append(target)
        if tag not in self.VOID:
            self.stack.append((tag, target))
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                for open_target in self._open():
                    open_target["files"].append(a["name"])
            else:
                self._add(a["name"], [a["value"]] if a.get("value") else [])
                if target is not None:  # an htmx input sends itself
                    target["fields"].setdefault(a["name"], [])
        elif tag in {"textarea", "button"} and a.get("name"):
            self._add(a["name"], [a["value"]] if a.get("value") else [])
        elif tag == "select" and a.get("name"):
            self.select = (a["name"], [])
        elif tag == "option" and self.select is not None and "value" in a:
            self.select[1].append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select" and self.select is not None:
            self._add(*self.select)
            self.select = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break


def _targets(role: str, url: str, html: str) -> list[Target]:
    parser = _Forms(url)
    parser.feed(html)
    targets = []
    for found in parser.found:
        action = urljoin(url, found["action"])
        parts = urlsplit(action)
        if parts.netloc or parts.path.startswith(SKIPPED_ACTIONS):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        targets.append(
            Target([role], found["method"], path, found["fields"], found["files"], url)
        )
    return targets


def _value(options: list[str]):
    choices = sorted(set(options)) + NASTY
    return st.one_of(
        st.sampled_from(choices),
        st.text(max_size=40),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
    )


def _file():
    return st.builds(
        lambda name, content: SimpleUploadedFile(name, content),
        st.sampled_from(FILE_NAMES),
        st.one_of(st.sampled_from(FILE_CONTENTS), st.binary(max_size=300)),
    )


def _data(target: Target):
    fields = {
        name: st.one_of(st.none(), _value(options))
        for name, options in target.fields.items()
        if name != "csrfmiddlewaretoken"
    }
    files = {name: st.one_of(st.none(), _file()) for name in target.files}
    return st.fixed_dictionaries({**fields, **files}).map(
        lambda values: {k: v for k, v in values.items() if v is not None}
    )


@pytest.fixture
def _quiet():
    """Refusals (400, 403, 404) are expected by the thousand; keep them out of the
    log. Server errors still fail the test."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def test_no_form_answers_a_server_error(org, roles, _quiet):
    world = build_world(org, roles)
    clients = role_clients(roles)

    started = time.monotonic()
    targets: dict[tuple, Target] = {}
    for name, (build_kwargs, expected) in TABLE.items():
        url = reverse(name, kwargs=build_kwargs(world))
        for role in ROLES:
            if expected[role] != 200:
                continue
            response = clients[role].get(url)
            if not response["Content-Type"].startswith("text/html"):
                continue
            for target in _targets(role, url, response.content.decode()):
                seen = targets.setdefault(target.key(), target)
                if role not in seen.roles:
                    seen.roles.append(role)
    assert len(targets) > 80  # the discovery found the forms
    print(f"discovery {time.monotonic() - started:.1f} s")

    failures: list[str] = []
    started = time.monotonic()
    for target in targets.values():
        _sender(target, clients, failures)()
    print(f"{len(targets)} forms in {time.monotonic() - started:.1f} s")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)


def _sender(target: Target, clients: dict[str, Client], failures: list[str]):
    """One form's property: whatever is sent, by whichever role that sees the
    form, the answer is not a 5xx."""

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(role=st.sampled_from(target.roles), data=_data(target))
    def send(role, data):
        client = clients[role]
        send_one = client.post if target.method == "post" else client.get
        try:
            with transaction.atomic():
                status = send_one(target.action, data).status_code
        except Exception as exc:  # noqa: BLE001 - reported below
            status = f"{type(exc).__name__}: {exc}"[:300]
        if not isinstance(status, int) or status >= 500:
            failures.append(
                f"{target.method.upper()} {target.action} as {role} "
                f"(form on {target.found_on}): {status}\n  data={data!r:.600}"
            )

    return send
