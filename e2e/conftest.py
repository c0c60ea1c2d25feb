"""End-to-end journeys in a real browser, on the demo data (the Kembangan tree and
its logins, ``python manage.py seed_demo``), against the live server."""

import pytest
from django.conf import settings

from people.demo import DEMO_PASSWORD
from testsupport.demo import seed_demo_data

ARTIFACTS = settings.BASE_DIR / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo(transactional_db):
    """The demo data, exactly as ``make run`` serves it (seeded once per test
    process on the embedded default: ``testsupport.demo``)."""
    seed_demo_data()


@pytest.fixture
def sign_in(browser_page, live_server):
    """``sign_in("pegawai.teknis")`` → a page logged in through the login form as
    that demo login, in Indonesian. The first call uses ``browser_page``; later
    calls open a separate browser context (another person at another desk)."""
    pages = []

    def _sign_in(username: str, *, viewport: dict = DESKTOP):
        if pages:
            context = browser_page.context.browser.new_context(viewport=viewport)
            page = context.new_page()
            page.set_default_timeout(15000)
        else:
            page = browser_page
            page.set_viewport_size(viewport)
        page.context.add_cookies(
            [{"name": "django_language", "value": "id", "url": live_server.url}]
        )
        page.goto(f"{live_server.url}/akun/masuk/")
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Sandi").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{live_server.url}/")
        pages.append(page)
        return page

    return _sign_in


# A page is settled when it has loaded and no htmx request, swap or settle is
# under way and no fragment loaded after the page (``hx-trigger="load"``) still
# shows its loading spinner: what a reader sees once the page is complete.
_SETTLED = """() => !document.querySelector(
    ".htmx-request, .htmx-swapping, .htmx-settling"
  ) && ![...document.querySelectorAll('[hx-trigger~="load"]')].some(
    el => el.querySelector(".spinner-border")
  )"""


def settle(page) -> None:
    """Wait until ``page`` is settled (see ``_SETTLED``): the load event, then
    the fragments — without the half second of silence ``networkidle`` waits
    for on every page."""
    page.wait_for_load_state("load")
    page.wait_for_function(_SETTLED)


def screenshot(page, name: str) -> None:
    """Save the whole page as ``test-artifacts/<name>.png``."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
