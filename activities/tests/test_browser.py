"""The phone flow in a real browser: today's briefing for a 7-person kelurahan."""

import re

import pytest
from django.conf import settings

from activities.models import Activity
from activities.tests.factories import roster
from ledger.models import JPEntry

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
    page.get_by_text("Tandai yang tidak hadir").click()
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


DESKTOP = {"width": 1366, "height": 768}


def _shot(page, name: str) -> None:
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


@pytest.mark.browser
def test_briefing_for_a_unit_of_40_in_two_taps_on_one_screen(
    framework, roles, org, browser_page, browser_login, live_server
):
    roster(org.kel_a, 38)  # + head_a + staff_a = 40 people
    browser_page.set_extra_http_headers({"Accept-Language": "id"})
    page = browser_login(roles.head_a)
    page.set_viewport_size(PHONE)
    # Tap 1: the dashboard's "Briefing hari ini"; tap 2: save. Everyone present,
    # the SETIA agenda: the usual day.
    page.locator(".card-footer").get_by_role("link", name="Briefing hari ini").click()
    page.get_by_role("heading", name="Briefing hari ini").wait_for()
    assert page.locator("#roster-count").inner_text() == "Hadir: 40 / 40"
    # One screen: the whole form, its save button included, fits the phone.
    form_bottom = page.evaluate(
        "document.getElementById('briefing-form').getBoundingClientRect().bottom"
    )
    assert form_bottom <= PHONE["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "briefing-40-phone-form")
    page.get_by_role("button", name="Simpan briefing").click()
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))
    activity = Activity.objects.get()
    assert activity.briefing.agenda_kind == "setia_motivation"
    assert activity.attendances.filter(status="present").count() == 40
    assert "40 hadir, 0 tidak hadir" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "briefing-40-phone-saved")
    page.set_viewport_size(DESKTOP)
    _shot(page, "briefing-40-desktop-saved")
    # Back and save again: warned, nothing recorded without the confirmation.
    page.goto(f"{live_server.url}/kegiatan/briefing/")
    page.get_by_role("button", name="Simpan briefing").click()
    page.get_by_text("Centang konfirmasi bila ini memang briefing kedua").wait_for()
    assert Activity.objects.count() == 1
    _shot(page, "briefing-40-desktop-second-warning")


@pytest.mark.browser
def test_briefing_filled_offline_is_sent_once_back_online(
    framework, roles, org, browser_page, browser_login, live_server
):
    others = roster(org.kel_a, 5)
    browser_page.set_extra_http_headers({"Accept-Language": "id"})
    page = browser_login(roles.head_a)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/kegiatan/briefing/")
    # The service worker is installed and keeps the page for offline use.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        "caches.open('sosiokultural-v1').then(c => c.match('/kegiatan/briefing/'))"
        ".then(r => r !== undefined)"
    )
    page.context.set_offline(True)
    page.reload()  # no connection: the page comes from the service worker
    page.get_by_role("heading", name="Briefing hari ini").wait_for()
    page.get_by_text("Tandai yang tidak hadir").click()
    page.locator(f"input[name=present][value='{others[0].pk}']").uncheck()
    page.get_by_text("Evaluasi pengaduan", exact=True).click()
    page.get_by_role("button", name="Simpan briefing").click()
    status = page.locator("#outbox-status")
    status.get_by_text("Menunggu koneksi").wait_for()
    assert Activity.objects.count() == 0
    _shot(page, "briefing-offline-waiting-phone")
    page.context.set_offline(False)  # back online: sent by itself
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))
    activity = Activity.objects.get()
    assert activity.client_key is not None
    assert activity.briefing.agenda_kind == "complaint_evaluation"
    assert activity.attendances.filter(status="present").count() == 6
    assert page.evaluate("localStorage.getItem('sosiokultural-outbox')") == "[]"
    # Never twice: the same form sent again (the queue replayed) records nothing.
    sent = page.evaluate(
        """async (key) => {
            const form = new URLSearchParams();
            const page = await fetch('/kegiatan/briefing/').then(r => r.text());
            const token = page.match(/name="csrfmiddlewaretoken" value="([^"]+)"/)[1];
            form.append('csrfmiddlewaretoken', token);
            form.append('client_key', key);
            const r = await fetch('/kegiatan/briefing/', {
                method: 'POST', body: form, headers: {'X-Outbox': '1'}});
            return [r.status, r.headers.get('X-Location')];
        }""",
        str(activity.client_key),
    )
    assert sent == [204, f"/kegiatan/{activity.pk}/"]
    assert Activity.objects.count() == 1
    _shot(page, "briefing-offline-sent-phone")
    page.set_viewport_size(DESKTOP)
    _shot(page, "briefing-offline-sent-desktop")


@pytest.mark.browser
def test_gathering_for_one_unit_credits_only_that_units_attendees(
    framework, roles, org, browser_page, browser_login, live_server
):
    kel_a = roster(org.kel_a, 3)
    kel_b = roster(org.kel_b, 2)
    browser_page.set_extra_http_headers({"Accept-Language": "id"})
    page = browser_login(roles.head_kecamatan)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/kegiatan/baru/gathering/")
    page.locator("#id_unit").select_option(str(org.kel_a.pk))
    page.locator(f"#att-{kel_a[0].pk}").wait_for()
    assert page.locator("select[data-employee]").count() == 5  # kel_a only
    page.get_by_role("button", name="Semua hadir").click()
    page.locator("#id_event").fill("Outbound Meruya Utara")
    page.locator("#id_duration_minutes").fill("240")
    page.locator("#id_guests").fill(kel_b[0].name[:6])
    page.locator(f"[data-lookup-pick='{kel_b[0].pk}']").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "gathering-one-unit-phone-form")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))
    activity = Activity.objects.get()
    credited = set(
        JPEntry.objects.filter(source_key=activity.source_key).values_list(
            "employee_id", flat=True
        )
    )
    assert credited == {
        *(e.pk for e in kel_a),
        roles.head_a.employee.pk,
        roles.staff_a.employee.pk,
        kel_b[0].pk,
    }
    assert kel_b[1].pk not in credited
    assert roles.staff_b.employee.pk not in credited
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "gathering-one-unit-phone-saved")
    page.set_viewport_size(DESKTOP)
    _shot(page, "gathering-one-unit-desktop-saved")


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
