"""Thin, idempotent tasks."""

from celery import shared_task

from assessments.services import attempts_finalise_expired


@shared_task(name="assessments.finalise_expired")
def finalise_expired() -> int:
    """Submit attempts whose time ran out while nobody touched them."""
    return attempts_finalise_expired()
