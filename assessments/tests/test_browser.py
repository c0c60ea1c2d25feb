"""A competency test taken in a real browser: pages, keyboard, the sticky timer,
resume, the review and the confirm before the single submission — on a phone and
on a desktop screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from assessments.models import Answer, Result

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


def _no_sideways_scroll(page, viewport) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def _axe_clean(page) -> None:
    """No serious or critical accessibility violation (axe-core)."""
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in {"serious", "critical"}] == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_test_with_unanswered_questions_asks_before_submitting(
    browser_login, live_server, roles, attempt_a, items, viewport
):
    name = viewport["width"]
    page = browser_login(roles.staff_a)
    page.set_viewport_size(viewport)
    # The browser asks for English; the test reads the Indonesian interface.
    page.context.add_cookies(
        [{"name": "django_language", "value": "id", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/uji/")
    page.get_by_role("link", name="Kerjakan").click()
    page.get_by_role("button", name="Mulai").click()
    take = f"{live_server.url}/uji/kerjakan/{attempt_a.pk}/"
    page.wait_for_url(take)
    page.get_by_role("heading", name="Halaman 1 dari 3").wait_for()

    # By keyboard: focus the first option, arrow down twice → option 3 (autosaved).
    first, second = items[0], items[3]
    page.focus(f"#q{first.pk}-1")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.locator(f"#status-{first.pk}").get_by_text("Tersimpan").wait_for()
    # Its number in the navigation turns green ("terjawab").
    assert "btn-success" in page.locator('[data-question="1"]').get_attribute("class")
    _no_sideways_scroll(page, viewport)
    _axe_clean(page)

    # The timer and the progress stay in view at the bottom of the page.
    page.mouse.wheel(0, 5000)
    page.wait_for_function(
        "() => window.scrollY > 0"
        " || innerHeight >= document.documentElement.scrollHeight"
    )
    bar = page.locator("#test-bar")
    assert bar.evaluate("el => getComputedStyle(el).position") == "sticky"
    assert bar.evaluate("el => el.getBoundingClientRect().top") >= 0
    assert bar.evaluate("el => el.getBoundingClientRect().bottom") <= viewport["height"]
    assert page.locator("#timer-text").inner_text().count(":") == 1

    # "Next" saves the page; on page 2 an answer is chosen and the page saved by
    # going to the review through the question navigation.
    page.get_by_role("button", name="Berikutnya ›").click()
    page.get_by_role("heading", name="Halaman 2 dari 3").wait_for()
    page.check(f"#q{second.pk}-4")
    page.screenshot(path=f"test-artifacts/test-taking-page-{name}.png", full_page=True)
    page.get_by_role("button", name="Tinjau", exact=True).click()
    page.get_by_text("6 soal belum dijawab.").wait_for()
    assert dict(
        Answer.objects.filter(attempt=attempt_a).values_list("item_id", "value")
    ) == {first.pk: 3, second.pk: 4}

    # Opened again, the test resumes at the last page shown.
    page.goto(take)
    page.get_by_role("heading", name="Halaman 2 dari 3").wait_for()
    assert page.is_checked(f"#q{second.pk}-4")
    page.get_by_role("button", name="Tinjau", exact=True).click()
    page.get_by_text("6 soal belum dijawab.").wait_for()
    _no_sideways_scroll(page, viewport)
    _axe_clean(page)
    page.screenshot(
        path=f"test-artifacts/test-taking-review-{name}.png", full_page=True
    )

    # Submitting asks first; declining submits nothing.
    asked = []

    def decline(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.get_by_role("button", name="Serahkan jawaban").click()
    page.wait_for_timeout(300)
    assert asked and asked[0].startswith("6 soal belum dijawab. Serahkan sekarang?")
    assert not Result.objects.filter(attempt=attempt_a).exists()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Serahkan jawaban").click()
    page.get_by_role("heading", name="Level per dimensi").wait_for()
    result = Result.objects.get(attempt=attempt_a)
    assert page.url == f"{live_server.url}/uji/hasil/{result.pk}/"
    levels = {r.dimension_id: r.level for r in result.dimension_results.all()}
    assert levels[first.dimension_id] == 3
    assert levels[second.dimension_id] == 4
    assert page.get_by_text("bukti belum cukup").first.is_visible()
    # The columns that matter are on screen, without sideways scrolling.
    for label in ("Level", "Dipersyaratkan", "Kesenjangan"):
        header = page.get_by_role("columnheader", name=label, exact=True)
        box = header.bounding_box()
        assert box is not None and box["x"] + box["width"] <= viewport["width"]
    _no_sideways_scroll(page, viewport)
    _axe_clean(page)
    page.screenshot(
        path=f"test-artifacts/test-taking-result-{name}.png", full_page=True
    )


def test_touched_pages_fit_a_phone(browser_login, live_server, org, roles):
    """The pages of tests, results and the reports that show "bukti belum cukup"
    do not scroll sideways at 390 px, the release confirmation page included."""
    from testsupport.matrix_world import build_world

    world = build_world(org, roles)
    page = browser_login(roles.bpsdm)
    page.set_viewport_size(PHONE)
    employee = roles.staff_a.employee
    for url in (
        "/uji/hasil/",
        f"/uji/hasil/{world.result_scored.pk}/",
        "/uji/jadwal/",
        f"/uji/jadwal/{world.window.pk}/",
        f"/uji/instrumen/{world.instrument.pk}/",
        f"/uji/pegawai/{employee.pk}/",
        f"/laporan/pegawai/{employee.pk}/",
        f"/laporan/unit/{org.kel_a.pk}/",
        f"/laporan/provinsi/?unit={org.kecamatan.pk}",
    ):
        page.goto(live_server.url + url)
        page.locator("main").wait_for()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert (url, width <= PHONE["width"]) == (url, True)
    # A release posted without the confirmation (no script, a replay) gets the
    # confirmation page; it fits the phone too and released nothing.
    page.goto(f"{live_server.url}/uji/hasil/{world.result_scored.pk}/")
    page.evaluate(
        """() => {
          const form = document.querySelector("form[data-confirm]");
          form.querySelector("input[name=confirm]").remove();
          delete form.dataset.confirm;
          form.submit();
        }"""
    )
    page.get_by_role("button", name="Ya, rilis dan kirim umpan balik").wait_for()
    _no_sideways_scroll(page, PHONE)
    _axe_clean(page)
    page.screenshot(path="test-artifacts/release-confirm-390.png", full_page=True)
    world.result_scored.refresh_from_db()
    assert world.result_scored.status == Result.Status.SCORED
