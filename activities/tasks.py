"""Thin, idempotent tasks: call a service."""

from celery import shared_task

from activities.services.notify import notify_pending_digest


@shared_task(name="activities.pending_digest")
def pending_digest() -> int:
    """The daily notice to heads with activities waiting for their verification
    (idempotent per head and day)."""
    return notify_pending_digest()
