"""The IKM pages in a real browser on a phone: the trend chart draws, the comparison
table swaps through htmx, nothing is wider than the screen."""

import pytest
from django.conf import settings

from surveys.tests.factories import import_survey

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
def test_trend_and_comparison_on_a_phone(
    roles, org, surveys, browser_page, browser_login, live_server
):
    import_survey(org.kel_a, "2019Q1", rows=[[4] * 9, [3] * 9])
    browser_page.set_extra_http_headers({"Accept-Language": "id"})
    page = browser_login(roles.head_kecamatan)
    page.set_viewport_size(PHONE)
    page.emulate_media(reduced_motion="reduce")  # the chart then draws at once

    page.goto(f"{live_server.url}/ikm/unit/{org.kel_a.pk}/")
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.getElementById('trend-chart'))"
    )
    labels = page.evaluate(
        "Chart.getChart(document.getElementById('trend-chart')).data.labels"
    )
    assert labels == ["2018Q4", "2019Q1"]
    ikm = page.evaluate(
        "Chart.getChart(document.getElementById('trend-chart')).data.datasets[0].data"
    )
    assert ikm == [79.17, 87.5]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "ikm-trend-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/ikm/perbandingan/?period=2018Q4")
    table = page.locator("#comparison-table")
    assert "Meruya Utara" in table.inner_text()
    page.select_option("#id_level", "kecamatan")
    page.wait_for_url("**level=kecamatan**")
    table.get_by_text("84,98").wait_for()
    assert "Meruya Utara" not in table.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
