"""Thin, idempotent tasks."""

from celery import shared_task

from privacy.services import evidence_delete_expired


@shared_task(name="privacy.delete_expired_evidence")
def delete_expired_evidence() -> int:
    return evidence_delete_expired()
