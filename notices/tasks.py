"""Thin, idempotent tasks: fetch ids, call a service."""

from celery import shared_task
from django.core.mail import BadHeaderError

from notices import whatsapp
from notices.services import (
    SEND_TIME_LIMIT,
    channel_deliveries_undelivered_ids,
    channel_delivery_deliver,
    channel_delivery_enqueue,
    daily_digests_create,
    notice_deliver,
    notice_enqueue,
    notices_undelivered_ids,
)
from sosiokultural.broker import broker_down


@shared_task(
    name="notices.deliver",
    # Stopped well inside the claim lease (see notices.services.CLAIM_LEASE).
    soft_time_limit=SEND_TIME_LIMIT - 30,
    time_limit=SEND_TIME_LIMIT,
    autoretry_for=(OSError, ConnectionError),
    dont_autoretry_for=(BadHeaderError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def deliver_notice(*, notice_id: int) -> bool:
    return notice_deliver(notice_id=notice_id)


@shared_task(
    name="notices.deliver_channel",
    soft_time_limit=SEND_TIME_LIMIT - 30,
    time_limit=SEND_TIME_LIMIT,
    autoretry_for=(whatsapp.TransientError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def deliver_channel(*, delivery_id: int) -> bool:
    return channel_delivery_deliver(delivery_id=delivery_id)


@shared_task(name="notices.sweep")
def sweep_notices() -> int:
    """Re-queue every notice (email) and channel delivery not yet handed over
    (broker was down, worker died, the channel answered 5xx). Stops at the first
    publish the broker refuses: it is still down, and the next sweep tries again.
    Returns how many were queued."""
    queued = 0
    jobs = [(notice_enqueue, "notice_id", i) for i in notices_undelivered_ids()]
    jobs += [
        (channel_delivery_enqueue, "delivery_id", i)
        for i in channel_deliveries_undelivered_ids()
    ]
    for enqueue, key, pk in jobs:
        if enqueue(**{key: pk, "force": True}):
            queued += 1
        elif broker_down():
            break
    return queued


@shared_task(name="notices.daily_digest")
def daily_digest() -> int:
    return daily_digests_create()
