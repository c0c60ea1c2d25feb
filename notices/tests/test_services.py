from datetime import timedelta

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError

from notices.models import Notice
from notices.services import (
    notice_claim,
    notice_create,
    notice_deliver,
    notice_enqueue,
    notices_undelivered_ids,
)
from notices.tasks import deliver_notice, sweep_notices
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _notice(user, key="k1"):
    return notice_create(
        recipient=user,
        kind="test",
        dedupe_key=key,
        subject="Judul",
        body="Isi",
        link="/x/",
    )


def test_notice_create_is_idempotent_by_key(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        first = _notice(user)
        second = _notice(user)
    assert first.pk == second.pk
    assert Notice.objects.count() == 1
    assert len(callbacks) == 1  # delivery queued once


def test_notice_delivered_on_commit(django_capture_on_commit_callbacks, mailoutbox):
    user = UserFactory(email="a@example.id")
    with django_capture_on_commit_callbacks(execute=True):
        notice = _notice(user)
    notice.refresh_from_db()
    assert notice.status == "delivered"
    assert notice.attempts == 1
    assert [m.subject for m in mailoutbox] == ["Judul"]
    assert mailoutbox[0].body == "Isi\n\nhttp://127.0.0.1:8000/x/"
    assert mailoutbox[0].extra_headers["Message-ID"] == "<notice-k1@sosiokultural>"


def test_delivery_task_twice_sends_once(mailoutbox):
    notice = _notice(UserFactory(email="a@example.id"))
    assert deliver_notice.apply(kwargs={"notice_id": notice.pk}).get() is True
    assert deliver_notice.apply(kwargs={"notice_id": notice.pk}).get() is False
    assert len(mailoutbox) == 1


def test_claim_is_exclusive_until_the_lease_expires():
    notice = _notice(UserFactory())
    assert notice_claim(notice_id=notice.pk) is True
    assert notice_claim(notice_id=notice.pk) is False  # a second worker
    # The first worker died mid-delivery: after the lease the row is claimable.
    Notice.objects.filter(pk=notice.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=6)
    )
    assert notices_undelivered_ids() == [notice.pk]
    assert notice_claim(notice_id=notice.pk) is True
    assert Notice.objects.get(pk=notice.pk).attempts == 2


def test_failed_send_is_released_for_retry(monkeypatch, mailoutbox):
    notice = _notice(UserFactory(email="a@example.id"))

    def broken_send(self, fail_silently=False):
        raise OSError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    with pytest.raises(OSError):
        notice_deliver(notice_id=notice.pk)
    notice.refresh_from_db()
    assert (notice.status, notice.last_error) == ("pending", "smtp down")
    monkeypatch.undo()
    assert notice_deliver(notice_id=notice.pk) is True
    assert Notice.objects.get(pk=notice.pk).status == "delivered"


def test_broker_down_leaves_row_pending_and_sweep_requeues(monkeypatch, mailoutbox):
    notice = _notice(UserFactory(email="a@example.id"))

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(deliver_notice, "apply_async", refuse)
    assert notice_enqueue(notice_id=notice.pk) is False
    assert Notice.objects.get(pk=notice.pk).status == "pending"
    monkeypatch.undo()
    assert sweep_notices.apply().get() == 1
    assert Notice.objects.get(pk=notice.pk).status == "delivered"
    assert sweep_notices.apply().get() == 0
    assert len(mailoutbox) == 1


def test_notice_without_email_is_delivered_in_app_only(mailoutbox):
    notice = _notice(UserFactory(email=""))
    assert notice_deliver(notice_id=notice.pk) is True
    assert Notice.objects.get(pk=notice.pk).status == "delivered"
    assert mailoutbox == []
