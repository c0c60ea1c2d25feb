"""The publish guard: after the broker refuses one publish, the rest of a release
does not wait on it again; the sweep forces the publish once the broker is back."""

import pytest
from kombu.exceptions import OperationalError

from notices.models import Notice
from notices.services import notice_create, notice_enqueue
from notices.tasks import deliver_notice, sweep_notices
from people.tests.factories import UserFactory
from sosiokultural import broker
from sosiokultural.broker import broker_down

pytestmark = pytest.mark.django_db


def _notice(key):
    return notice_create(
        recipient=UserFactory(), kind="t", dedupe_key=key, subject="S", body="B"
    )


def test_failed_publish_skips_the_next_ones(real_broker_mode, monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(kwargs["kwargs"]["notice_id"])
        raise OperationalError("connection refused")

    monkeypatch.setattr(deliver_notice, "apply_async", refuse)
    first, second, third = _notice("a"), _notice("b"), _notice("c")
    assert notice_enqueue(notice_id=first.pk) is False
    assert broker_down() is True
    assert notice_enqueue(notice_id=second.pk) is False
    assert notice_enqueue(notice_id=third.pk) is False
    assert calls == [first.pk]  # one wait on the broker, not three
    assert set(Notice.objects.values_list("status", flat=True)) == {"pending"}


def test_sweep_forces_publish_and_stops_while_broker_is_down(
    real_broker_mode, monkeypatch
):
    published = []
    state = {"up": False}

    def publish(*args, **kwargs):
        if not state["up"]:
            raise OperationalError("connection refused")
        published.append(kwargs["kwargs"]["notice_id"])

    monkeypatch.setattr(deliver_notice, "apply_async", publish)
    notices = [_notice(k) for k in "abc"]
    assert notice_enqueue(notice_id=notices[0].pk) is False
    assert sweep_notices() == 0  # still down: stops at the first refusal
    state["up"] = True
    assert sweep_notices() == 3  # forced despite the remembered failure
    assert sorted(published) == sorted(n.pk for n in notices)
    assert broker_down() is False


def test_guard_expires(real_broker_mode, monkeypatch):
    monkeypatch.setattr(broker, "COOLDOWN_SECONDS", 0.0)
    monkeypatch.setattr(
        deliver_notice,
        "apply_async",
        lambda *a, **k: (_ for _ in ()).throw(OperationalError("down")),
    )
    notice = _notice("a")
    assert notice_enqueue(notice_id=notice.pk) is False
    assert broker_down() is False
