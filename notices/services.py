"""Writing and delivering notices (the outbox)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from notices.models import Notice
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
    return notice


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
    return len(ids)


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
    notice = Notice.objects.select_related("recipient").get(pk=notice_id)
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
