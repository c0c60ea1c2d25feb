"""Thin, idempotent tasks (safe to run twice: notices are deduplicated)."""

from celery import shared_task

from multirater.services import raters_remind


@shared_task(name="multirater.remind_raters")
def remind_raters() -> int:
    """Raters with answers still due in open rounds: one notice a day each."""
    return raters_remind()
