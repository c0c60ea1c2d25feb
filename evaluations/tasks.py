"""Thin, idempotent tasks (safe to run twice: each notice is written once)."""

from celery import shared_task

from evaluations.services import follow_ups_remind, surveys_remind


@shared_task(name="evaluations.remind")
def remind() -> dict:
    """Participants of open reaction surveys; heads of follow-ups that became
    due."""
    return {"surveys": surveys_remind(), "follow_ups": follow_ups_remind()}
