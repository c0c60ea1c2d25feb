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


@pytest.mark.browser
@pytest.mark.parametrize(
    ("viewport", "name"),
    [(PHONE, "phone"), ({"width": 1366, "height": 768}, "desktop")],
)
def test_bulk_verification_of_ten_items(
    framework, roles, org, browser_page, browser_login, live_server, viewport, name
):
    from activities.tests.factories import past, record_briefing

    people = roster(org.kel_a, 3)
    waiting = [
        record_briefing(roles.staff_a, present=people, started_at=past(day + 1))
        for day in range(10)
    ]
    rejected = waiting[3]
    page = browser_login(roles.head_a)
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/kegiatan/verifikasi/")
    assert "Hadir 3 dari 3" in page.content()  # the inline preview
    page.check("#pick-all")
    assert page.locator("input[name=selected]:checked").count() == 10
    page.check(f"#reject-{rejected.pk}")
    page.fill(f"#reason-{rejected.pk}", "Daftar hadir belum ditandatangani")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / f"bulk-verification-{name}-queue.png"))
    page.locator("button[form=bulk-decide]").first.click()
    page.wait_for_url(re.compile(r"/kegiatan/verifikasi/putuskan/$"))
    assert "9 kegiatan akan diverifikasi" in page.content()
    assert Activity.objects.filter(status="submitted").count() == 10  # not yet
    page.get_by_role("button", name="Ya, putuskan 10 kegiatan").click()
    page.wait_for_url(re.compile(r"/kegiatan/verifikasi/$"))
    assert "10 kegiatan diputuskan" in page.content()
    assert Activity.objects.filter(status="verified").count() == 9
    rejected.refresh_from_db()
    assert rejected.rejection_reason == "Daftar hadir belum ditandatangani"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(
        path=str(artifacts / f"bulk-verification-{name}.png"), full_page=True
    )
