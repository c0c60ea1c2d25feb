"""The phone flow in a real browser: today's briefing for a 7-person kelurahan."""

import re

import pytest
from django.conf import settings

from activities.models import Activity
from activities.tests.factories import roster

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
def test_briefing_from_a_phone(
    framework, roles, org, browser_page, browser_login, live_server
):
    others = roster(org.kel_a, 5)  # + head_a + staff_a = 7 people
    browser_page.set_extra_http_headers({"Accept-Language": "id"})
    page = browser_login(roles.head_a)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/kegiatan/briefing/")
    boxes = page.locator("input[name=present]")
    assert boxes.count() == 7
    assert all(boxes.nth(i).is_checked() for i in range(7))
    page.locator(f"input[name=present][value='{others[0].pk}']").uncheck()
    page.get_by_text("Evaluasi pengaduan", exact=True).click()
    page.fill("textarea[name=summary]", "Pengaduan antrean panjang hari Senin.")
    assert page.locator("#roster-count").inner_text() == "Hadir: 6 / 7"
    assert page.locator("html").get_attribute("lang") == "id"
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "briefing-phone.png"), full_page=True)
    page.click("#briefing-form button[type=submit]")
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))
    activity = Activity.objects.get()
    # The head left himself ticked: what credits him waits for the head above,
    # and the page says why.
    assert activity.status == Activity.Status.SUBMITTED
    assert "tidak Anda verifikasi sendiri" in page.content()
    assert activity.briefing.agenda_kind == "complaint_evaluation"
    assert (
        dict(activity.attendances.values_list("employee_id", "status"))[others[0].pk]
        == "absent"
    )
    assert activity.attendances.filter(status="present").count() == 6
    assert "6 hadir, 1 tidak hadir" in page.content()
