"""How far a notice can be sent twice: the delivery is recorded before the mail
connection closes, and no claim is taken over while a send may still run."""

import os
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from notices.models import Notice
from notices.services import CLAIM_LEASE, notice_create, notice_deliver
from notices.tasks import deliver_notice
from people.tests.factories import UserFactory
from testsupport import wait_for

# Where the test worker's mail server writes what it accepted.
OUTBOX = str(Path(tempfile.gettempdir()) / f"sosiokultural-outbox-{os.getpid()}.txt")


def _notice(user, key="double-send"):
    return notice_create(
        recipient=user,
        kind="test",
        dedupe_key=key,
        subject="Judul",
        body="Isi",
    )


def test_no_send_outlasts_the_claim_lease():
    lease = CLAIM_LEASE.total_seconds()
    assert deliver_notice.soft_time_limit > settings.EMAIL_TIMEOUT
    assert deliver_notice.soft_time_limit < deliver_notice.time_limit < lease


@pytest.mark.django_db
def test_delivery_is_recorded_before_the_connection_closes(monkeypatch, mailoutbox):
    notice = _notice(UserFactory(email="a@example.id"))
    seen_at_close = []

    def close(self):
        seen_at_close.append(Notice.objects.get(pk=notice.pk).status)
        raise OSError("connection reset during QUIT")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.close", close)
    assert notice_deliver(notice_id=notice.pk) is True
    assert seen_at_close == ["delivered"]
    assert len(mailoutbox) == 1
    # A failed goodbye is not a failed delivery: nothing is queued again.
    assert deliver_notice.apply(kwargs={"notice_id": notice.pk}).get() is False
    assert len(mailoutbox) == 1


@pytest.fixture
def outbox():
    path = Path(OUTBOX)
    for stale in (path, path.with_suffix(".killed")):
        stale.unlink(missing_ok=True)
    yield path
    for stale in (path, path.with_suffix(".killed")):
        stale.unlink(missing_ok=True)


@pytest.mark.broker
@pytest.mark.worker_env(
    EMAIL_BACKEND="notices.tests.backends.KilledWhileClosing",
    NOTICE_TEST_OUTBOX=OUTBOX,
)
def test_worker_killed_while_closing_the_connection_sends_once(
    outbox, celery_worker_process
):
    notice = _notice(UserFactory(email="a@example.id"))
    assert wait_for(lambda: celery_worker_process.poll() is not None, timeout=30)
    notice.refresh_from_db()
    assert notice.status == "delivered"  # nothing left for the sweep to resend
    assert outbox.read_text() == "<notice-double-send@sosiokultural>\n"


@pytest.mark.broker
@pytest.mark.worker_env(
    EMAIL_BACKEND="notices.tests.backends.KilledAfterAccepting",
    NOTICE_TEST_OUTBOX=OUTBOX,
)
def test_what_remains_a_kill_right_after_acceptance_resends_the_same_message(
    outbox, celery_worker_process
):
    """The one window left: the server has the message, the worker dies before
    the row is marked. After the lease the notice is sent again, as the same
    message (same Message-ID), which a receiving server or client may drop."""
    notice = _notice(UserFactory(email="a@example.id"))
    assert wait_for(lambda: celery_worker_process.poll() is not None, timeout=30)
    notice.refresh_from_db()
    assert notice.status == "sending"
    Notice.objects.filter(pk=notice.pk).update(
        claimed_at=notice.claimed_at - CLAIM_LEASE
    )
    mail.outbox = []
    assert notice_deliver(notice_id=notice.pk) is True  # the sweep's re-delivery
    first = outbox.read_text().strip()
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [first]
