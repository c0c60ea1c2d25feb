"""Thin, idempotent tasks (safe to run twice: notices are deduplicated)."""

from celery import shared_task

from surveys.followups import follow_ups_remind


@shared_task(name="surveys.remind_follow_ups")
def remind_follow_ups() -> int:
    """Owners of IKM follow-up actions due within three days; heads over the unit
    of actions past their due date."""
    return follow_ups_remind(days=3)
