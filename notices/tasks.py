"""Thin, idempotent tasks: fetch ids, call a service."""

from celery import shared_task
from django.core.mail import BadHeaderError

from notices.services import (
    SEND_TIME_LIMIT,
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


@shared_task(name="notices.sweep")
def sweep_notices() -> int:
    """Re-queue every notice not yet delivered (broker was down, worker died).
    Stops at the first publish the broker refuses: it is still down, and the next
    sweep tries again. Returns how many were queued."""
    queued = 0
    for notice_id in notices_undelivered_ids():
        if notice_enqueue(notice_id=notice_id, force=True):
            queued += 1
        elif broker_down():
            break
    return queued
