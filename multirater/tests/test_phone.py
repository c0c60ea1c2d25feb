"""The weighted 360 score on a phone: the result page, the employee report and
the standard's pages, with weights in force, fit 390 px (nothing scrolls
sideways) and have no serious or critical axe-core violation. The matrix-wide
phone test (``e2e/test_phone_layout.py``) runs on a world without weights."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone

from competencies.tests.factories import RaterGroupWeightsFactory, StandardFactory
from e2e.conftest import screenshot, settle
from e2e.test_phone_layout import BLOCKING, PHONE, _width
from multirater.tests.factories import grouped_round

pytestmark = pytest.mark.browser


def _context(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=PHONE)
    context.add_cookies(
        [
            {"name": name, "value": morsel.value, "url": live_server.url}
            for name, morsel in client.cookies.items()
        ]
        + [{"name": "django_language", "value": "id", "url": live_server.url}]
    )
    return context


def test_weighted_pages_fit_a_phone(org, roles, browser_page, live_server):
    rated = grouped_round(org, roles, heads=[[4] * 6] * 3, peers=[[3] * 6] * 3)
    standard = StandardFactory(
        name="Standar kompetensi sosiokultural berbobot",
        effective_from=rated.round.period.start,
    )
    RaterGroupWeightsFactory(standard=standard, self_weight="0.5")
    future = StandardFactory(effective_from=timezone.localdate() + timedelta(days=9))
    RaterGroupWeightsFactory(standard=future)
    result = f"/360/{rated.round.pk}/pegawai/{rated.ratee.pk}/hasil/"
    report = f"/laporan/pegawai/{rated.ratee.pk}/"
    pages = {
        roles.staff_a: [result, report],
        roles.head_a: [result, report],
        roles.bpsdm: [
            f"/kompetensi/standar/{standard.pk}/",
            "/kompetensi/standar/baru/",
            f"/kompetensi/standar/{future.pk}/ubah/",
        ],
    }
    browser = browser_page.context.browser
    axe = Axe()
    wide, violations = {}, []
    for user, urls in pages.items():
        context = _context(browser, live_server, user)
        page = context.new_page()
        for url in urls:
            page.goto(live_server.url + url, wait_until="load")
            settle(page)
            body = page.content()
            assert "Skor 360 terbobot" in body or "Bobot kelompok penilai 360" in body
            if _width(page) > PHONE["width"]:
                wide[f"{url} ({user.username})"] = _width(page)
            found = [
                v["id"]
                for v in axe.run(page).response["violations"]
                if v["impact"] in BLOCKING
            ]
            if found:
                violations.append(f"{url}: {found}")
        if user == roles.head_a:
            page.goto(live_server.url + result, wait_until="load")
            screenshot(page, "multirater-weighted-result-390")
        if user == roles.bpsdm:
            page.goto(live_server.url + "/kompetensi/standar/baru/", wait_until="load")
            screenshot(page, "competencies-standard-weights-390")
        context.close()
    assert wide == {}
    assert violations == []
