"""Thin, idempotent tasks (safe to run twice: notices are deduplicated)."""

from celery import shared_task

from programs.services import nominations_remind_upcoming


@shared_task(name="programs.remind_upcoming")
def remind_upcoming() -> int:
    """Remind approved participants and their heads of programs starting within
    three days."""
    return nominations_remind_upcoming(days=3)
