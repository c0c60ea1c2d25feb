from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from notices import whatsapp
from notices.models import ChannelDelivery, Notice, NoticePreference
from notices.services import (
    channel_deliveries_undelivered_ids,
    channel_delivery_deliver,
    daily_digests_create,
    notice_create,
    notice_deliver,
    preference_update,
)
from notices.tests.fake_whatsapp import FakeWhatsApp
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def channel(settings):
    with FakeWhatsApp() as server:
        for name, value in server.settings_values().items():
            setattr(settings, name, value)
        yield server


def _on_whatsapp(user, number="6281234567890"):
    NoticePreference.objects.create(user=user, whatsapp=True, whatsapp_number=number)


def _notice(user, key="k1", kind="activity.rejected"):
    return notice_create(
        recipient=user,
        kind=kind,
        dedupe_key=key,
        subject="Kegiatan ditolak",
        body="Isi",
        link="/kegiatan/1/",
    )


def test_a_notice_to_someone_on_whatsapp_gets_one_delivery_row():
    user = UserFactory()
    _on_whatsapp(user)
    notice = _notice(user)
    _notice(user)  # the same event again: still one notice, one delivery
    assert ChannelDelivery.objects.filter(notice=notice).count() == 1
    delivery = ChannelDelivery.objects.get()
    assert (delivery.channel, delivery.address, delivery.status) == (
        "whatsapp",
        "6281234567890",
        "pending",
    )
    other = UserFactory()
    _notice(other, key="k2")
    assert ChannelDelivery.objects.count() == 1


def test_whatsapp_notice_survives_a_500_and_is_sent_once_when_it_recovers(
    channel, settings
):
    settings.WHATSAPP_TEMPLATES = ["activity.rejected=kegiatan_ditolak"]
    user = UserFactory()
    _on_whatsapp(user)
    _notice(user)
    delivery = ChannelDelivery.objects.get()
    channel.state.faults = [500]
    with pytest.raises(whatsapp.TransientError):
        channel_delivery_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "pending"
    assert delivery.attempts == 1
    assert "500" in delivery.last_error
    assert channel_deliveries_undelivered_ids() == [delivery.pk]
    # The channel is back: the retry (task or sweep) sends it, once.
    assert channel_delivery_deliver(delivery_id=delivery.pk) is True
    assert channel_delivery_deliver(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert delivery.status == "delivered"
    assert delivery.attempts == 2
    assert len(channel.state.accepted) == 1
    wamid, body = channel.state.accepted[0]
    assert delivery.external_id == wamid
    assert body["to"] == "6281234567890"
    assert body["template"]["name"] == "kegiatan_ditolak"
    assert body["template"]["language"] == {"code": "id"}
    assert [p["text"] for p in body["template"]["components"][0]["parameters"]] == [
        "Kegiatan ditolak",
        f"{settings.SITE_URL}/kegiatan/1/",
    ]
    assert channel_deliveries_undelivered_ids() == []


def test_a_permanent_refusal_is_a_visible_failure_not_a_retry(channel):
    user = UserFactory()
    _on_whatsapp(user)
    _notice(user)
    delivery = ChannelDelivery.objects.get()
    channel.state.faults = [400]
    assert channel_delivery_deliver(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert channel_deliveries_undelivered_ids() == []
    assert channel.state.accepted == []


def test_a_wrong_token_fails_for_good(channel, settings):
    settings.WHATSAPP_ACCESS_TOKEN = "wrong"
    user = UserFactory()
    _on_whatsapp(user)
    _notice(user)
    delivery = ChannelDelivery.objects.get()
    assert channel_delivery_deliver(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert "401" in delivery.last_error


def test_a_dead_workers_claim_is_taken_over_after_the_lease(channel):
    user = UserFactory()
    _on_whatsapp(user)
    _notice(user)
    delivery = ChannelDelivery.objects.get()
    ChannelDelivery.objects.filter(pk=delivery.pk).update(
        status="sending", claimed_at=timezone.now(), attempts=1
    )
    assert channel_deliveries_undelivered_ids() == []  # a live claim is left alone
    assert channel_delivery_deliver(delivery_id=delivery.pk) is False
    ChannelDelivery.objects.filter(pk=delivery.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=6)
    )
    assert channel_deliveries_undelivered_ids() == [delivery.pk]
    assert channel_delivery_deliver(delivery_id=delivery.pk) is True
    assert len(channel.state.accepted) == 1


def test_unconfigured_whatsapp_fails_with_a_reason(settings):
    settings.WHATSAPP_PHONE_NUMBER_ID = ""
    user = UserFactory()
    _on_whatsapp(user)
    _notice(user)
    delivery = ChannelDelivery.objects.get()
    assert channel_delivery_deliver(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == (
        "failed",
        "WhatsApp belum dikonfigurasi",
    )


def test_no_email_and_digest_preferences_skip_the_email_of_each_notice():
    quiet = UserFactory(email="quiet@example.go.id")
    preference_update(
        user=quiet, email=False, daily_digest=False, whatsapp=False, whatsapp_number=""
    )
    digest = UserFactory(email="digest@example.go.id")
    preference_update(
        user=digest, email=True, daily_digest=True, whatsapp=False, whatsapp_number=""
    )
    default = UserFactory(email="each@example.go.id")
    for n, user in enumerate((quiet, digest, default)):
        notice_deliver(notice_id=_notice(user, key=f"k{n}").pk)
    assert [m.to for m in mail.outbox] == [["each@example.go.id"]]
    assert list(Notice.objects.order_by("pk").values_list("status", flat=True)) == [
        "skipped",
        "skipped",
        "delivered",
    ]


def test_daily_digest_lists_the_days_unread_notices_once():
    user = UserFactory(email="digest@example.go.id")
    preference_update(
        user=user, email=True, daily_digest=True, whatsapp=False, whatsapp_number=""
    )
    _notice(user, key="a")
    second = _notice(user, key="b")
    second.subject = "Hasil uji dirilis"
    second.save()
    read = _notice(user, key="c")
    read.read_at = timezone.now()
    read.save()
    old = _notice(user, key="d")
    Notice.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    UserFactory()  # no preference: no digest
    assert daily_digests_create() == 1
    assert daily_digests_create() == 1  # idempotent: the same row again
    digests = Notice.objects.filter(kind="digest")
    assert digests.count() == 1
    digest = digests.get()
    assert digest.body.splitlines()[1:] == [
        "- Kegiatan ditolak",
        "- Hasil uji dirilis",
    ]
    assert digest.subject.startswith("2 pemberitahuan baru, ")
    # The digest itself is emailed whatever the preference, and is not an entry.
    assert notice_deliver(notice_id=digest.pk) is True
    assert [m.to for m in mail.outbox] == [["digest@example.go.id"]]


def test_preferences_page_saves_and_explains_errors(roles, login):
    client = login(roles.staff_a)
    assert client.get("/pemberitahuan/pengaturan/").status_code == 200
    refused = client.post(
        "/pemberitahuan/pengaturan/",
        {"email": "on", "whatsapp": "on", "whatsapp_number": ""},
    )
    assert refused.status_code == 200
    assert "Isi nomor WhatsApp" in refused.content.decode()
    bad = client.post(
        "/pemberitahuan/pengaturan/",
        {"whatsapp": "on", "whatsapp_number": "12ab", "daily_digest": "on"},
    )
    body = bad.content.decode()
    assert "Nomor WhatsApp tidak valid" in body
    assert "Ringkasan harian dikirim lewat email" in body
    assert not NoticePreference.objects.filter(user=roles.staff_a).exists()
    ok = client.post(
        "/pemberitahuan/pengaturan/",
        {"email": "on", "whatsapp": "on", "whatsapp_number": "0812-3456-7891"},
    )
    assert ok.status_code == 302
    preference = NoticePreference.objects.get(user=roles.staff_a)
    assert (preference.email, preference.whatsapp, preference.whatsapp_number) == (
        True,
        True,
        "6281234567891",
    )
    # Another person's preference is untouched; each sees only their own.
    other = login(roles.staff_b).get("/pemberitahuan/pengaturan/").content.decode()
    assert "6281234567891" not in other


def test_notices_written_in_bulk_get_their_whatsapp_deliveries_too():
    from notices.services import notices_create

    on, off = UserFactory(), UserFactory()
    _on_whatsapp(on, number="6281111111111")
    written = notices_create(
        notices=[
            {
                "recipient": user,
                "kind": "result.released",
                "dedupe_key": f"bulk:{user.pk}",
                "subject": "Hasil uji",
                "body": "Isi",
            }
            for user in (on, off)
        ]
    )
    assert written == 2
    assert list(
        ChannelDelivery.objects.values_list("notice__recipient", "address")
    ) == [(on.pk, "6281111111111")]
