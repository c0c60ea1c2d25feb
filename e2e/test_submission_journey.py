"""A unit's data submission returned by BPSDM and sent again, in a real browser on
the demo data: the head previews and confirms on a phone, BPSDM returns it with a
reason at a desk, the head sees why and resends. Screenshots of the final state at
390 and 1366 px in ``test-artifacts/``."""

import re

import pytest

from e2e.conftest import PHONE, screenshot
from notices.models import Notice
from people.models import Unit
from programs.models import Submission

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
REASON = "Jabatan dua pegawai belum diperbarui; mohon perbaiki dulu."


def _fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _send(page, live_server) -> None:
    """From the preview: tick the confirmation, accept the browser's question."""
    page.get_by_role("heading", name=re.compile("Pratinjau kiriman")).wait_for()
    _fits_the_phone(page)
    page.get_by_label("Saya sudah memeriksa pratinjau").check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Kirim ke BPSDM").click()
    page.wait_for_url(re.compile(r"/program/kiriman/\d+/$"))


def test_a_submission_returned_and_resent(demo, sign_in, live_server):
    unit = Unit.objects.get(code="JB-KMB-MU")
    before = Submission.objects.count()
    head = sign_in("kepala.meruyautara", viewport=PHONE)
    head.goto(f"{live_server.url}/program/kiriman/")
    head.get_by_role("button", name="Pratinjau data sebelum dikirim").click()
    # Without the confirmation nothing is sent (the browser holds the form; the
    # server refuses it too, see programs/tests/test_views_submissions.py).
    head.get_by_role("heading", name=re.compile("Pratinjau kiriman")).wait_for()
    head.get_by_role("button", name="Kirim ke BPSDM").click()
    assert head.get_by_label("Saya sudah memeriksa pratinjau").evaluate(
        "box => !box.validity.valid"
    )
    assert Submission.objects.count() == before
    _send(head, live_server)
    first = Submission.objects.get(pk=int(head.url.rstrip("/").rsplit("/", 1)[1]))
    assert (first.unit, first.status) == (unit, "sent")
    head.get_by_text("Menunggu tanggapan BPSDM").first.wait_for()

    bpsdm = sign_in("bpsdm", viewport=LAPTOP)
    bpsdm.goto(f"{live_server.url}/program/kiriman/{first.pk}/")
    bpsdm.get_by_label("Alasan dikembalikan").fill(REASON)
    bpsdm.get_by_role("button", name="Kembalikan ke unit").click()
    bpsdm.get_by_text("Kiriman dikembalikan ke unit dengan alasannya.").wait_for()
    first.refresh_from_db()
    assert (first.status, first.return_reason) == ("returned", REASON)
    assert Notice.objects.filter(
        recipient__username="kepala.meruyautara", kind="submission"
    ).exists()

    head.reload()
    head.get_by_text(REASON).wait_for()
    _fits_the_phone(head)
    head.get_by_role("button", name="Perbaiki lalu kirim ulang").click()
    _send(head, live_server)
    second = Submission.objects.get(pk=int(head.url.rstrip("/").rsplit("/", 1)[1]))
    assert second.pk != first.pk
    assert second.status == "sent"

    bpsdm.goto(f"{live_server.url}/program/kiriman/{second.pk}/")
    bpsdm.get_by_role("button", name="Tandai diterima").click()
    bpsdm.get_by_text("Kiriman ditandai diterima.").wait_for()
    second.refresh_from_db()
    assert second.status == "acknowledged"

    head.goto(f"{live_server.url}/program/kiriman/")
    head.get_by_text("Diterima BPSDM").first.wait_for()
    head.get_by_text("Dikembalikan").first.wait_for()
    _fits_the_phone(head)
    screenshot(head, "journey-submission-returned-resent-390")
    bpsdm.goto(f"{live_server.url}/program/kiriman/")
    bpsdm.get_by_text("Diterima BPSDM").first.wait_for()
    screenshot(bpsdm, "journey-submission-returned-resent-1366")
