from celery import shared_task

from siasn.client import TransientError
from siasn.services import run_execute

MAX_RETRIES = 3


@shared_task(name="siasn.run_sync", bind=True, max_retries=MAX_RETRIES)
def run_sync(self, *, run_id: int) -> None:
    """Push or reconcile one run; only transient SIASN errors (timeouts, 5xx)
    are retried, with a growing delay. Safe to deliver twice (the run is
    claimed), and a retry sends only what did not go through."""
    final = self.request.retries >= MAX_RETRIES
    try:
        run_execute(run_id=run_id, final_attempt=final)
    except TransientError as exc:
        raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
