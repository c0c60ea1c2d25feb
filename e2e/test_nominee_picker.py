"""A head nominates through the type-ahead picker on a phone: matches grouped by
unit with gap and JP, someone already nominated shown disabled with the reason,
an eligible person picked and nominated. Screenshot in ``test-artifacts/``."""

import re

import pytest
from django.utils import timezone

from e2e.conftest import PHONE, screenshot
from people.models import Employee
from programs.models import Nomination, Program
from programs.tests.factories import NominationFactory

pytestmark = pytest.mark.browser


def test_head_nominates_through_the_picker(demo, sign_in, live_server):
    today = timezone.localdate()
    program = (
        Program.objects.filter(
            registration_opens_on__lte=today, registration_closes_on__gte=today
        )
        .order_by("pk")
        .first()
    )
    assert program is not None
    program.eligible_statuses = []
    program.save(update_fields=["eligible_statuses"])
    program.eligible_position_types.clear()
    people = (
        Employee.objects.filter(unit__code="JB-KMB-MU", is_active=True)
        .exclude(user__username="kepala.meruyautara")
        .order_by("name")
    )
    taken, chosen = people[0], people[1]
    Nomination.objects.filter(program=program).delete()
    NominationFactory(program=program, employee=taken)

    page = sign_in("kepala.meruyautara", viewport=PHONE)
    page.goto(f"{live_server.url}/program/{program.pk}/usulkan/")
    box = page.locator("#id_employees")
    box.fill(taken.name[:6])
    page.get_by_text(re.compile("Sudah diusulkan")).first.wait_for()
    disabled = page.locator(".lookup-results [aria-disabled=true]")
    assert taken.name in disabled.first.inner_text()
    assert page.locator(".lookup-results .list-group-item-secondary").count() >= 1
    screenshot(page, "journey-head-nominee-picker-matches-390")
    box.fill(chosen.name)
    page.locator(f"[data-lookup-pick='{chosen.pk}']").wait_for()
    assert "JP" in page.locator(f"[data-lookup-pick='{chosen.pk}']").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator(f"[data-lookup-pick='{chosen.pk}']").click()
    page.get_by_label("Alasan usulan").fill("Kesenjangan komunikasi layanan.")
    page.get_by_role("button", name="Kirim usulan").click()
    page.wait_for_url(re.compile(rf"/program/{program.pk}/$"))
    assert Nomination.objects.filter(
        program=program, employee=chosen, state="nominated"
    ).exists()
    screenshot(page, "journey-head-nominee-picker-390")
