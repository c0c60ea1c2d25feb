"""Accessibility in a real browser: axe-core finds no serious or critical violation
on any page of the application, and forms can be filled and sent by keyboard.

The pages are every GET URL of the permission matrix
(``testsupport/urltable.py``) that answers an HTML page, each
seen by the first role that may open it, plus every role's dashboard and the
test-taking page once a test is started."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse

from activities.models import Activity
from e2e.conftest import settle
from testsupport.matrix_world import build_world
from testsupport.urltable import TABLE

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
# Whose view of a page is checked: the first of these that may open it.
VIEWERS = ("head", "staff", "bpsdm", "admin", "head_parent")


@pytest.fixture
def world(org, roles):
    return build_world(org, roles)


@pytest.fixture
def users(roles) -> dict:
    return {
        "staff": roles.staff_a,
        "head": roles.head_a,
        "head_parent": roles.head_kecamatan,
        "bpsdm": roles.bpsdm,
        "admin": roles.admin,
    }


def _html_pages(world, users) -> dict[str, list[str]]:
    """{role: [url, …]}: each page that answers full HTML (not a file, not an
    htmx fragment), under the first role of ``VIEWERS`` that gets a 200."""
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    pages: dict[str, list[str]] = {role: [] for role in users}
    for name, (build_kwargs, expected) in TABLE.items():
        role = next((r for r in VIEWERS if expected[r] == 200), None)
        if role is None:
            continue
        url = reverse(name, kwargs=build_kwargs(world))
        response = clients[role].get(url)
        is_html = response["Content-Type"].startswith("text/html")
        if is_html and b"<main" in response.content:
            pages[role].append(url)
    for role in users:  # every role's own dashboard
        if "/" not in pages[role]:
            pages[role].append("/")
    return pages


def _blocking(results) -> list[dict]:
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def _describe(url: str, violations: list[dict]) -> str:
    lines = [url]
    for violation in violations:
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"][:8]:
            lines.append(
                f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}"
            )
            lines.append(f"      {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def test_no_serious_or_critical_violation_on_any_page(
    world, users, browser_page, live_server
):
    axe = Axe()
    pages = _html_pages(world, users)
    assert sum(len(urls) for urls in pages.values()) > 60
    browser = browser_page.context.browser
    failures = []

    def check(page, url):
        settle(page)
        found = _blocking(axe.run(page))
        if found:
            failures.append(_describe(url, found))

    # Signed out: the login page.
    browser_page.context.add_cookies(
        [{"name": "django_language", "value": "id", "url": live_server.url}]
    )
    browser_page.goto(f"{live_server.url}/akun/masuk/")
    check(browser_page, "/akun/masuk/")
    for role, urls in pages.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        client = Client()
        client.force_login(users[role])
        cookies = {name: morsel.value for name, morsel in client.cookies.items()}
        cookies["django_language"] = "id"
        context.add_cookies(
            [
                {"name": name, "value": value, "url": live_server.url}
                for name, value in cookies.items()
            ]
        )
        page = context.new_page()
        for url in urls:
            page.goto(live_server.url + url)
            check(page, f"{url} ({role})")
        if role == "staff":
            # The test itself, once started.
            page.goto(f"{live_server.url}/uji/kerjakan/{world.attempt_open.pk}/")
            page.get_by_role("button", name=re.compile("Mulai|Start")).click()
            page.locator("#test-form").wait_for()
            check(page, f"/uji/kerjakan/{world.attempt_open.pk}/ started (staff)")
            # The phone pages, at phone size (the menu folds, tables scroll).
            page.set_viewport_size({"width": 390, "height": 844})
            for url in (
                "/",
                "/kegiatan/briefing/",
                f"/uji/kerjakan/{world.attempt_open.pk}/",
                f"/uji/kerjakan/{world.attempt_open.pk}/?hal=tinjau",
            ):
                page.goto(live_server.url + url)
                check(page, f"{url} at 390 px (staff)")
        context.close()
    assert not failures, "\n\n".join(failures)


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector`` (fails if the
    element cannot be reached by keyboard within ``limit`` presses)."""
    for __ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with Tab")


def test_login_and_briefing_forms_by_keyboard_alone(
    world, roles, browser_page, live_server
):
    page = browser_page
    page.context.add_cookies(
        [{"name": "django_language", "value": "id", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/akun/masuk/")
    _tab_to(page, "input[name=username]")
    page.keyboard.type(roles.head_a.username)
    _tab_to(page, "input[name=password]")
    page.keyboard.type("rahasia-123")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/kegiatan/briefing/")
    staff = roles.staff_a.employee
    # The preset agenda (Motivasi SETIA), then the arrow keys move within the
    # radio group.
    _tab_to(page, "input[name=agenda_kind]")
    page.keyboard.press("ArrowLeft")
    _tab_to(page, "textarea[name=summary]")
    page.keyboard.type("Evaluasi pengaduan antrean pagi.")
    # The collapsed roster opens from the keyboard.
    _tab_to(page, "details.briefing-absent > summary")
    page.keyboard.press("Enter")
    _tab_to(page, f"input[name=present][value='{staff.pk}']")
    page.keyboard.press("Space")  # staff A did not attend
    _tab_to(page, "#briefing-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))

    activity = Activity.objects.exclude(pk=world.activity.pk).get(form__code="briefing")
    assert activity.briefing.agenda_kind == "complaint_evaluation"
    assert activity.summary == "Evaluasi pengaduan antrean pagi."
    attendance = dict(activity.attendances.values_list("employee_id", "status"))
    assert attendance[staff.pk] == "absent"
    assert attendance[roles.head_a.employee.pk] == "present"
