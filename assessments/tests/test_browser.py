"""A competency test taken in a real browser, across a page reload."""

import pytest

from assessments.models import Answer, Result

pytestmark = pytest.mark.browser


def test_test_taken_across_reload_keeps_answers(
    browser_login, live_server, roles, attempt_a, items
):
    page = browser_login(roles.staff_a)
    # The browser asks for English; the test reads the Indonesian interface.
    page.context.add_cookies(
        [{"name": "django_language", "value": "id", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/uji/")
    page.get_by_role("link", name="Kerjakan").click()
    page.get_by_role("button", name="Mulai").click()
    page.wait_for_url(f"{live_server.url}/uji/kerjakan/{attempt_a.pk}/")

    first, second, likert = items[0], items[1], items[6]
    # By keyboard: focus the first option, arrow down twice → option 3.
    page.focus(f"#q{first.pk}-1")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.locator(f"#status-{first.pk}").get_by_text("Tersimpan").wait_for()
    # By label: the fourth option of the second scenario, and a Likert answer.
    page.get_by_label("Pilihan 4").nth(1).check()
    page.locator(f"#status-{second.pk}").get_by_text("Tersimpan").wait_for()
    page.check(f"#q{likert.pk}-2")
    page.locator(f"#status-{likert.pk}").get_by_text("Tersimpan").wait_for()

    # Every autosave has reached the server (they are queued, last one wins).
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    # The tab is reloaded (or closed and opened again): the answers are kept.
    page.reload()
    assert page.is_checked(f"#q{first.pk}-3")
    assert page.is_checked(f"#q{second.pk}-4")
    assert page.is_checked(f"#q{likert.pk}-2")
    assert not page.is_checked(f"#q{items[2].pk}-1")
    page.screenshot(path="test-artifacts/test-taking-reloaded.png")
    assert dict(
        Answer.objects.filter(attempt=attempt_a).values_list("item_id", "value")
    ) == {first.pk: 3, second.pk: 4, likert.pk: 2}

    page.get_by_role("button", name="Serahkan jawaban").click()
    result = Result.objects.get(attempt=attempt_a)
    page.wait_for_url(f"{live_server.url}/uji/hasil/{result.pk}/")
    page.get_by_role("heading", name="Level per dimensi").wait_for()
    page.screenshot(path="test-artifacts/test-taking.png", full_page=True)
    rows = {r.dimension.code: r.level for r in result.dimension_results.all()}
    assert rows[first.dimension.code] == 3
    assert rows[second.dimension.code] == 4
    # Conflict management: the reverse-keyed Likert answer 2 scores 6 − 2 = 4.
    assert rows["manajemen-konflik"] == 4
    assert page.get_by_text("Hasil sementara").is_visible()
