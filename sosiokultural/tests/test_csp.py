"""The Content-Security-Policy: its header, templates that need no exception, and
the browser watch that fails any browser test whose pages break the policy."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

# An inline <script> with code, an on…= handler, a style attribute or element, a
# javascript: URL: each would need an 'unsafe-…' exception.
INLINE = re.compile(
    r"<script>|<script(?![^>]*\b(src|type=\"application/json\")=?)[^>]*>|"
    r"\son[a-z]+=|\sstyle=|<style|javascript:",
    re.IGNORECASE,
)


def test_policy_header_allows_nothing_inline(roles, login):
    response = login(roles.staff_a).get("/")
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]


def test_login_page_has_the_policy_too(client):
    assert "script-src 'self'" in client.get("/akun/masuk/")["Content-Security-Policy"]


def test_no_template_needs_an_inline_exception():
    base = Path(settings.BASE_DIR)
    found = []
    for path in sorted(base.glob("**/templates/**/*.html")):
        if ".venv" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if INLINE.search(line):
                found.append(f"{path.relative_to(base)}:{number}: {line.strip()}")
    assert found == []


def test_inline_pattern_catches_each_kind():
    for text in [
        "<script>alert(1)</script>",
        '<div style="width: 1px">',
        '<button onclick="x()">',
        "<style>p {}</style>",
        '<a href="javascript:void(0)">',
        '<script type="module">x()</script>',
    ]:
        assert INLINE.search(text), text
    for text in [
        '<script src="/static/js/app.js"></script>',
        '<script id="d" type="application/json">{}</script>',
        '<div data-width="42">',
    ]:
        assert not INLINE.search(text), text


@pytest.mark.browser
def test_browser_watch_reports_a_blocked_inline_script(
    roles, browser_login, browser_page, live_server, csp_violations
):
    page = browser_login(roles.staff_a)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(300)
    ran = page.evaluate("() => window.ran === true")
    page.context.close()
    assert ran is False
    assert len(csp_violations) == 1
    assert csp_violations[0].startswith("/: script-src-elem blocked inline")
    csp_violations.clear()  # seen: the watch works
