"""Phone first: every HTML page of the permission matrix, opened by every role that
may open it in a 390×844 window, fits the screen (nothing scrolls sideways) and
has no serious or critical axe-core violation at that size.

The pages and their roles come from the matrix's own table
(``testsupport/urltable.py``) on its world (``testsupport/matrix_world.py``): a
new URL is checked here as soon as it has a row there. One browser, one context
per role, each signed in once.
"""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from e2e.conftest import ARTIFACTS, screenshot, settle
from people.models import Employee, Unit, User
from sosiokultural.periods import ended_quarters
from surveys.models import FollowUp, Publication, Survey
from testsupport.matrix_world import build_world, role_users
from testsupport.urltable import ROLES, TABLE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
BLOCKING = {"serious", "critical"}
# Pages still wider than a phone, with the width measured at 390 px. Empty: every
# page fits. A page listed here that has become narrow fails the test, so the set
# only ever shrinks.
KNOWN_WIDE: dict[str, int] = {}
# Pages whose screenshots at both sizes are kept in test-artifacts/.
SCREENSHOTS = {
    "staff": ("/", "/uji/", "/jp/"),
    "head": ("/", "/kegiatan/verifikasi/"),
    "bpsdm": ("/", "/audit/"),
}


@pytest.fixture
def users(org, roles) -> dict:
    return {role: user for role, user in role_users(roles).items() if user}


def _pages_by_role(world, users) -> dict[str, list[str]]:
    """{role: [url, …]}: every page the matrix says the role opens (200) that is a
    full HTML page (not a file, not an htmx fragment). Whether a URL answers a
    page is asked once, as the first role that opens it; the browser then checks
    that every role gets its 200."""
    clients: dict[str, Client] = {}
    pages: dict[str, list[str]] = {role: [] for role in ROLES if role != "anonymous"}
    for name, (build_kwargs, expected) in TABLE.items():
        openers = [role for role in pages if expected[role] == 200]
        if not openers:
            continue
        if openers[0] not in clients:
            clients[openers[0]] = Client()
            clients[openers[0]].force_login(users[openers[0]])
        url = reverse(name, kwargs=build_kwargs(world))
        response = clients[openers[0]].get(url)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code == 200 and is_html and b"<main" in response.content:
            for role in openers:
                pages[role].append(url)
    return pages


def _signed_in_context(browser, live_server, user, viewport):
    client = Client()
    client.force_login(user)
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    cookies["django_language"] = "id"
    context = browser.new_context(viewport=viewport)
    context.add_cookies(
        [
            {"name": name, "value": value, "url": live_server.url}
            for name, value in cookies.items()
        ]
    )
    return context


# The width of the page, or of the widest table box in it that scrolls sideways:
# a list whose buttons are off screen is as unusable as a page that scrolls. Only
# matrices (bordered tables, or data-keep-table) may scroll inside their box.
_WIDTH = """() => Math.max(document.documentElement.scrollWidth, ...[
  ...document.querySelectorAll(".table-responsive")
].filter(box => box.scrollWidth > box.clientWidth + 1
  && !box.querySelector("table.table-bordered, table[data-keep-table]")
).map(box => box.scrollWidth + box.getBoundingClientRect().left))"""


_LEGEND = """() => [...document.querySelectorAll("#heatmap-legend .legend-swatch")]
  .slice(0, 4).map(el => getComputedStyle(el).backgroundColor)"""


def _width(page) -> int:
    return round(page.evaluate(_WIDTH))


def _describe(url: str, violations: list[dict]) -> str:
    lines = [url]
    for violation in violations:
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
    return "\n".join(lines)


def test_every_page_fits_a_phone_for_every_role(
    org, roles, users, browser_page, live_server
):
    world = build_world(org, roles)
    pages = _pages_by_role(world, users)
    assert sum(len(urls) for urls in pages.values()) > 300
    browser = browser_page.context.browser
    axe = Axe()
    wide: dict[str, int] = {}
    violations = []
    checked_by_axe: set[str] = set()
    refused: dict[str, int] = {}

    browser_page.set_viewport_size(PHONE)
    browser_page.context.add_cookies(
        [{"name": "django_language", "value": "id", "url": live_server.url}]
    )
    browser_page.goto(f"{live_server.url}/akun/masuk/")
    if _width(browser_page) > PHONE["width"]:
        wide["/akun/masuk/ (anonymous)"] = _width(browser_page)

    for role, urls in pages.items():
        context = _signed_in_context(browser, live_server, users[role], PHONE)
        page = context.new_page()
        page.set_default_timeout(15000)
        for url in urls:
            response = page.goto(live_server.url + url, wait_until="load")
            if response.status != 200:
                refused[f"{url} ({role})"] = response.status
                continue
            settle(page)
            width = _width(page)
            if width > PHONE["width"]:
                wide[f"{url} ({role})"] = width
            if url not in checked_by_axe:  # axe once per page, as its first role
                checked_by_axe.add(url)
                found = [
                    v
                    for v in axe.run(page).response["violations"]
                    if v["impact"] in BLOCKING
                ]
                if found:
                    violations.append(_describe(f"{url} ({role})", found))
        context.close()

    assert not refused, "not a 200 in the browser:\n" + "\n".join(
        f"  {key}: {status}" for key, status in sorted(refused.items())
    )
    unexpected = {key: w for key, w in wide.items() if key not in KNOWN_WIDE}
    narrowed = sorted(set(KNOWN_WIDE) - set(wide))
    assert not unexpected, "wider than 390 px:\n" + "\n".join(
        f"  {key}: {width} px" for key, width in sorted(unexpected.items())
    )
    assert not narrowed, "now fits, remove from KNOWN_WIDE: " + ", ".join(narrowed)
    assert not violations, "\n\n".join(violations)


# The demo logins (``seed_demo``) as the matrix's roles.
DEMO_LOGINS = {
    "staff": "pegawai.teknis",
    "head": "kepala.meruyautara",
    "head_parent": "kepala.kembangan",
    "bpsdm": "bpsdm",
    "admin": "admin",
    "inspector": "inspektorat",
}


def _kwargs_free_urls(role: str) -> list[str]:
    """The matrix's URLs that take no object (lists, dashboards, forms) that
    ``role`` opens."""
    urls = []
    for name, (build_kwargs, expected) in TABLE.items():
        if expected[role] != 200:
            continue
        try:
            kwargs = build_kwargs(None)
        except AttributeError:  # needs an object of the matrix's world
            continue
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_list_pages_fit_a_phone_on_the_demo_data(demo, browser_page, live_server):
    """The same check on the demo data (a year of activities, 37 people): the
    lists are full, as on a real day."""
    browser = browser_page.context.browser
    wide = {}
    checked = 0
    for role, username in DEMO_LOGINS.items():
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        urls = []
        for url in _kwargs_free_urls(role):
            response = client.get(url)
            is_html = response.get("Content-Type", "").startswith("text/html")
            if response.status_code == 200 and is_html and b"<main" in response.content:
                urls.append(url)
        context = _signed_in_context(browser, live_server, user, PHONE)
        page = context.new_page()
        for url in urls:
            page.goto(live_server.url + url, wait_until="load")
            checked += 1
            if _width(page) > PHONE["width"]:
                wide[f"{url} ({username})"] = _width(page)
        context.close()
    assert checked > 100
    assert not wide, "wider than 390 px:\n" + "\n".join(
        f"  {key}: {width} px" for key, width in sorted(wide.items())
    )


def test_main_pages_screenshots_at_phone_and_desktop_size(
    org, roles, users, browser_page, live_server
):
    world = build_world(org, roles)
    browser = browser_page.context.browser
    urls = dict(SCREENSHOTS)
    urls["staff"] += (reverse("reports:employee", kwargs={"pk": world.employee.pk}),)
    unit_report = reverse("reports:unit", kwargs={"pk": world.unit.pk})
    urls["head"] += (unit_report,)
    for role, paths in urls.items():
        for size, viewport in (("390", PHONE), ("1366", DESKTOP)):
            context = _signed_in_context(browser, live_server, users[role], viewport)
            page = context.new_page()
            for path in paths:
                page.goto(live_server.url + path, wait_until="load")
                if size == "390":
                    assert _width(page) <= PHONE["width"], path
                if path == unit_report:  # the heatmap's legend has the cells' colours
                    assert page.evaluate(_LEGEND) == [
                        "rgb(209, 231, 221)",
                        "rgb(255, 243, 205)",
                        "rgb(255, 229, 180)",
                        "rgb(248, 215, 218)",
                    ]
                slug = path.strip("/").replace("/", "-") or "dashboard"
                screenshot(page, f"phone-layout-{role}-{slug}-{size}")
            context.close()


# The IKM follow-up (PEKPPP) section of a page: its table's row links, and the
# page's link to the follow-up details, each {text, visible, left, right}.
_FOLLOW_UP_LINKS = """() => {
  const section = document.getElementById("pekppp-title").closest("section");
  return [...section.querySelectorAll("tbody a, tfoot a, p a, .card-body > a")]
    .map(a => {
      const box = a.getBoundingClientRect();
      return {text: a.textContent.trim(), visible: box.width > 0 && box.height > 0,
              left: box.left, right: box.right};
    });
}"""


def _follow_up_world():
    """The demo's latest ended quarter with something followed up: every
    element of Kembangan's survey done 12 days after the quarter (only the weak
    ones count) and published on the website, so the section's longest cells
    ("n dari m (x %)", "mean (days ÷ elements)") are filled."""
    quarter = ended_quarters(timezone.localdate(), 1)[-1]
    kembangan = Unit.objects.get(code="JB-KMB")
    survey = Survey.objects.get(
        unit=kembangan, year=quarter.year, quarter=quarter.quarter
    )
    owner = Employee.objects.filter(unit=kembangan).first()
    done_on = quarter.end + timedelta(days=12)
    for element in survey.element_set.elements.all():
        FollowUp.objects.create(
            survey=survey,
            element=element,
            action="Perbaikan layanan",
            owner=owner,
            due_on=done_on,
            status=FollowUp.Status.DONE,
            done_on=done_on,
            evidence="Notulen",
        )
    Publication.objects.create(survey=survey, channel="website", published_on=done_on)
    return quarter, kembangan, Unit.objects.get(code="JB-KMB-MU")


def test_follow_up_sections_fit_a_phone_on_the_demo_data(
    demo, browser_page, live_server
):
    """The survey page, the aggregate and the unit report with their PEKPPP
    figures filled, as BPSDM and as unit heads, at 390 × 844: nothing scrolls
    sideways and every link of the section (each row's, the details link) is on
    screen. The unit report's printout (its only PDF) keeps the section."""
    quarter, kembangan, meruya = _follow_up_world()
    survey_page = "/ikm/unit/{}/" + f"{quarter}/"
    pages = {
        "bpsdm": [
            "/laporan/provinsi/",
            f"/laporan/provinsi/?unit={kembangan.pk}",
            f"/laporan/unit/{kembangan.pk}/",
            survey_page.format(kembangan.pk),
        ],
        "kepala.kembangan": [
            "/laporan/provinsi/",
            f"/laporan/unit/{kembangan.pk}/",
            survey_page.format(kembangan.pk),
        ],
        "kepala.meruyautara": [
            "/laporan/provinsi/",
            f"/laporan/unit/{meruya.pk}/",
            survey_page.format(meruya.pk),
        ],
    }
    browser = browser_page.context.browser
    wide, off_screen, row_links = {}, [], {}
    for username, urls in pages.items():
        user = User.objects.get(username=username)
        context = _signed_in_context(browser, live_server, user, PHONE)
        page = context.new_page()
        page.set_default_timeout(15000)
        for url in urls:
            page.goto(live_server.url + url, wait_until="load")
            settle(page)
            assert "dari" in page.locator("#pekppp-title").locator("..").inner_text()
            if _width(page) > PHONE["width"]:
                wide[f"{url} ({username})"] = _width(page)
            links = page.evaluate(_FOLLOW_UP_LINKS)
            row_links[f"{url} ({username})"] = len(links)
            for link in links:
                if not link["visible"] or link["left"] < 0 or link["right"] > 390:
                    off_screen.append(f"{url} ({username}): {link}")
            slug = url.strip("/").replace("/", "-").replace("?unit=", "-")
            # The section alone (the pages are several screens long).
            section = page.locator("section", has=page.locator("#pekppp-title"))
            ARTIFACTS.mkdir(exist_ok=True)
            section.screenshot(
                path=str(ARTIFACTS / f"phone-follow-up-{username}-{slug}.png")
            )
            if url.startswith("/laporan/unit/"):
                page.emulate_media(media="print")
                assert page.locator("#pekppp-title").is_visible(), url
                page.emulate_media(media="screen")
        context.close()
    assert not wide, "wider than 390 px:\n" + "\n".join(
        f"  {key}: {width} px" for key, width in sorted(wide.items())
    )
    assert not off_screen, "\n".join(off_screen)
    # Kembangan's aggregate: its own survey and its six kelurahan, each linked,
    # and the details link.
    assert row_links[f"/laporan/provinsi/?unit={kembangan.pk} (bpsdm)"] == 1 + 6 + 1
    assert row_links["/laporan/provinsi/ (kepala.meruyautara)"] == 1 + 1
