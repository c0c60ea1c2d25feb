"""Writing and delivering notices (the outbox)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from notices import whatsapp
from notices.models import ChannelDelivery, Notice, NoticePreference
from sosiokultural.broker import publish

logger = logging.getLogger(__name__)

# A delivery claimed longer ago than this is presumed dead (worker killed mid-send)
# and may be claimed again by the sweep. It is longer than any send can last: the
# delivery task is stopped after ``SEND_TIME_LIMIT`` seconds (notices.tasks) and
# every SMTP socket operation after ``EMAIL_TIMEOUT`` (settings), so a claim is
# never taken over from a worker that is still sending, only from a dead one.
CLAIM_LEASE = timedelta(minutes=5)
SEND_TIME_LIMIT = 120
MAX_ATTEMPTS = 10


def notice_create(
    *,
    recipient,
    kind: str,
    dedupe_key: str,
    subject: str,
    body: str,
    link: str = "",
) -> Notice:
    """Write the outbox row (idempotent by ``dedupe_key``) and queue its delivery
    once the surrounding transaction commits."""
    notice, created = Notice.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "recipient": recipient,
            "kind": kind,
            "subject": subject[:200],
            "body": body,
            "link": link,
        },
    )
    if created:
        transaction.on_commit(lambda: notice_enqueue(notice_id=notice.pk))
        delivery = _channel_delivery_create(notice)
        if delivery is not None:
            transaction.on_commit(
                lambda: channel_delivery_enqueue(delivery_id=delivery.pk)
            )
    return notice


# -- preferences -------------------------------------------------------------------

# Digests are sent by email whatever the preference that asked for them.
DIGEST_KIND = "digest"


def preference_of(user) -> NoticePreference:
    """The person's preference, or the default (email each notice, no WhatsApp)
    without writing a row."""
    try:
        return user.notice_preference
    except NoticePreference.DoesNotExist:
        return NoticePreference(user=user)


def preference_update(
    *,
    user,
    email: bool,
    daily_digest: bool,
    whatsapp: bool,
    whatsapp_number: str,
) -> NoticePreference:
    NoticePreference.objects.update_or_create(
        user=user,
        defaults={
            "email": email,
            "daily_digest": daily_digest,
            "whatsapp": whatsapp,
            "whatsapp_number": whatsapp_number,
        },
    )
    return NoticePreference.objects.get(user=user)


def _wants_email_now(notice: Notice) -> bool:
    if notice.kind == DIGEST_KIND:
        return True
    preference = preference_of(notice.recipient)
    return preference.email and not preference.daily_digest


# -- other channels (WhatsApp) ------------------------------------------------------


def _channel_delivery_create(notice: Notice) -> ChannelDelivery | None:
    if notice.kind == DIGEST_KIND:
        return None
    preference = preference_of(notice.recipient)
    if not (preference.whatsapp and preference.whatsapp_number):
        return None
    return ChannelDelivery.objects.create(
        notice=notice,
        channel=ChannelDelivery.Channel.WHATSAPP,
        address=preference.whatsapp_number,
    )


def channel_delivery_enqueue(*, delivery_id: int, force: bool = False) -> bool:
    from notices.tasks import deliver_channel

    return publish(deliver_channel, kwargs={"delivery_id": delivery_id}, force=force)


def channel_delivery_claim(*, delivery_id: int) -> bool:
    """The same one-UPDATE claim as an email's (``notice_claim``)."""
    now = timezone.now()
    claimable = Q(status=Notice.Status.PENDING) | Q(
        status=Notice.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )
    return bool(
        ChannelDelivery.objects.filter(claimable, pk=delivery_id).update(
            status=Notice.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def channel_delivery_deliver(*, delivery_id: int) -> bool:
    """Send one claimed channel delivery. True when this call handed it over;
    False when it was not claimable or failed for good. A transient failure gives
    the claim back and is raised (the task retries it; the sweep too)."""
    if not channel_delivery_claim(delivery_id=delivery_id):
        return False
    delivery = ChannelDelivery.objects.select_related("notice").get(pk=delivery_id)
    notice = delivery.notice
    link = f"{settings.SITE_URL}{notice.link}" if notice.link else settings.SITE_URL
    try:
        external_id = whatsapp.send_template(
            to=delivery.address, kind=notice.kind, params=[notice.subject, link]
        )
    except whatsapp.TransientError as exc:
        _channel_release(delivery_id, str(exc))
        raise
    except whatsapp.PermanentError as exc:
        ChannelDelivery.objects.filter(pk=delivery_id).update(
            status=Notice.Status.FAILED, last_error=str(exc)[:2000]
        )
        logger.warning("channel delivery %s failed for good: %s", delivery_id, exc)
        return False
    # Recorded the moment the platform accepted it (see notice_deliver).
    ChannelDelivery.objects.filter(pk=delivery_id, status=Notice.Status.SENDING).update(
        status=Notice.Status.DELIVERED,
        delivered_at=timezone.now(),
        external_id=external_id[:200],
        last_error="",
    )
    return True


def _channel_release(delivery_id: int, error: str) -> None:
    ChannelDelivery.objects.filter(pk=delivery_id, status=Notice.Status.SENDING).update(
        status=Notice.Status.PENDING, claimed_at=None, last_error=error[:2000]
    )
    ChannelDelivery.objects.filter(
        pk=delivery_id, status=Notice.Status.PENDING, attempts__gte=MAX_ATTEMPTS
    ).update(status=Notice.Status.FAILED)


def channel_deliveries_undelivered_ids() -> list[int]:
    now = timezone.now()
    return list(
        ChannelDelivery.objects.filter(
            Q(status=Notice.Status.PENDING)
            | Q(status=Notice.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE)
        ).values_list("pk", flat=True)[:1000]
    )


# -- the daily digest -----------------------------------------------------------------


def daily_digests_create(*, now=None) -> int:
    """One digest notice (email) per person who chose it, listing their notices of
    the last day still unread; idempotent per person and day (its dedupe key).
    Returns how many were written."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    now = now or timezone.now()
    since = now - timedelta(days=1)
    day = timezone.localdate(now)
    written = 0
    # One read of the day's unread notices of everyone who chose a digest, in
    # recipient order; at most 50 subjects listed per person.
    rows = (
        Notice.objects.filter(
            recipient__notice_preference__daily_digest=True,
            recipient__notice_preference__email=True,
            read_at__isnull=True,
            created_at__gte=since,
        )
        .exclude(kind=DIGEST_KIND)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    by_user: dict[int, tuple] = {}
    for notice in rows.iterator(chunk_size=1000):
        user, subjects = by_user.setdefault(notice.recipient_id, (notice.recipient, []))
        if len(subjects) < 50:
            subjects.append(notice.subject)
    for user_id, (user, notices) in by_user.items():
        lines = "\n".join(f"- {subject}" for subject in notices)
        notice_create(
            recipient=user,
            kind=DIGEST_KIND,
            dedupe_key=f"digest:{user_id}:{day.isoformat()}",
            subject=ngettext(
                "%(count)d pemberitahuan baru, %(day)s",
                "%(count)d pemberitahuan baru, %(day)s",
                len(notices),
            )
            % {"count": len(notices), "day": date_format(day, "DATE_FORMAT")},
            body=_("Pemberitahuan Anda sejak kemarin:") + "\n" + lines,
            link="/pemberitahuan/",
        )
        written += 1
    return written


def notices_create(*, notices: list[dict]) -> int:
    """``notice_create`` for many notices (dicts of its keywords) in a constant
    number of queries per thousand: the rows whose ``dedupe_key`` exists are
    left alone, the others are inserted and their delivery queued once the
    surrounding transaction commits. Returns how many were written."""
    keys = [n["dedupe_key"] for n in notices]
    existing: set[str] = set()
    for start in range(0, len(keys), 1000):
        existing.update(
            Notice.objects.filter(
                dedupe_key__in=keys[start : start + 1000]
            ).values_list("dedupe_key", flat=True)
        )
    new = []
    for data in notices:
        if data["dedupe_key"] in existing:
            continue
        existing.add(data["dedupe_key"])
        new.append(
            Notice(
                recipient=data["recipient"],
                kind=data["kind"],
                dedupe_key=data["dedupe_key"],
                subject=data["subject"][:200],
                body=data["body"],
                link=data.get("link", ""),
            )
        )
    created = Notice.objects.bulk_create(new, batch_size=1000)
    ids = [notice.pk for notice in created]
    if ids:
        transaction.on_commit(lambda: [notice_enqueue(notice_id=pk) for pk in ids])
    _channel_deliveries_create_many(created)
    return len(ids)


def _channel_deliveries_create_many(notices: list[Notice]) -> None:
    """``_channel_delivery_create`` for many notices: one query for the
    recipients' WhatsApp preferences, one insert."""
    wanted = [n for n in notices if n.kind != DIGEST_KIND]
    if not wanted:
        return
    numbers = dict(
        NoticePreference.objects.filter(
            user_id__in={n.recipient_id for n in wanted}, whatsapp=True
        )
        .exclude(whatsapp_number="")
        .values_list("user_id", "whatsapp_number")
    )
    deliveries = ChannelDelivery.objects.bulk_create(
        [
            ChannelDelivery(
                notice=n,
                channel=ChannelDelivery.Channel.WHATSAPP,
                address=numbers[n.recipient_id],
            )
            for n in wanted
            if n.recipient_id in numbers
        ],
        batch_size=1000,
    )
    ids = [d.pk for d in deliveries]
    if ids:
        transaction.on_commit(
            lambda: [channel_delivery_enqueue(delivery_id=pk) for pk in ids]
        )


def notice_enqueue(*, notice_id: int, force: bool = False) -> bool:
    """Publish the delivery task. A broker outage is logged, not raised: the row
    stays pending and ``notices.sweep`` publishes it again later
    (``sosiokultural.broker``: after a failure, further publishes are skipped for
    a while unless ``force``; the sweep forces)."""
    from notices.tasks import deliver_notice

    return publish(deliver_notice, kwargs={"notice_id": notice_id}, force=force)


def notice_claim(*, notice_id: int) -> bool:
    """Claim a notice for delivery with one conditional UPDATE, so two workers (or
    a task run twice) cannot both send it."""
    now = timezone.now()
    claimable = Q(status=Notice.Status.PENDING) | Q(
        status=Notice.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )
    return bool(
        Notice.objects.filter(claimable, pk=notice_id).update(
            status=Notice.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def notice_deliver(*, notice_id: int) -> bool:
    """Send the email of a claimed notice. Returns True when this call delivered it,
    False when it was not claimable (already delivered or being delivered)."""
    if not notice_claim(notice_id=notice_id):
        return False
    notice = Notice.objects.select_related(
        "recipient", "recipient__notice_preference"
    ).get(pk=notice_id)
    if not _wants_email_now(notice):
        Notice.objects.filter(pk=notice_id, status=Notice.Status.SENDING).update(
            status=Notice.Status.SKIPPED, last_error=""
        )
        return True
    address = notice.recipient.email
    if not address:
        _mark_delivered(notice_id)
        return True
    # One connection, opened here and closed only after the delivery is recorded:
    # the row is marked the moment the server has accepted the message, before
    # the goodbye (QUIT) round trip, so a worker killed while closing does not
    # leave a claim that the sweep would send again.
    connection = get_connection()
    try:
        connection.open()
        message = EmailMessage(
            subject=notice.subject,
            body=_email_body(notice),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
            # Stable id: a receiving server can drop a resend after a worker crash.
            headers={"Message-ID": f"<notice-{notice.dedupe_key}@sosiokultural>"},
            connection=connection,
        )
        message.send()
    except Exception as exc:
        notice_release(notice_id=notice_id, error=str(exc))
        _close_quietly(connection)
        raise
    _mark_delivered(notice_id)
    _close_quietly(connection)
    return True


def _mark_delivered(notice_id: int) -> None:
    Notice.objects.filter(pk=notice_id, status=Notice.Status.SENDING).update(
        status=Notice.Status.DELIVERED, delivered_at=timezone.now(), last_error=""
    )


def _close_quietly(connection) -> None:
    """The message is handed over (or refused) already; a failed goodbye changes
    nothing about it."""
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - see above
        logger.warning("notice mail connection did not close cleanly", exc_info=True)


def notice_release(*, notice_id: int, error: str) -> None:
    """Give a failed claim back (or mark it failed after too many attempts)."""
    Notice.objects.filter(pk=notice_id, status=Notice.Status.SENDING).update(
        status=Notice.Status.PENDING, claimed_at=None, last_error=error[:2000]
    )
    Notice.objects.filter(
        pk=notice_id, status=Notice.Status.PENDING, attempts__gte=MAX_ATTEMPTS
    ).update(status=Notice.Status.FAILED)


def notices_undelivered_ids() -> list[int]:
    now = timezone.now()
    return list(
        Notice.objects.filter(
            Q(status=Notice.Status.PENDING)
            | Q(status=Notice.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE)
        ).values_list("pk", flat=True)[:1000]
    )


def notice_mark_read(*, notice: Notice) -> Notice:
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


def notices_mark_all_read(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _email_body(notice: Notice) -> str:
    body = notice.body
    if notice.link:
        body += f"\n\n{settings.SITE_URL}{notice.link}"
    return body
