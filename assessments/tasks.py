"""Thin, idempotent tasks."""

from celery import shared_task

from assessments.services import attempts_finalise_expired


@shared_task(name="assessments.finalise_expired")
def finalise_expired() -> int:
    """Submit attempts whose time ran out while nobody touched them."""
    return attempts_finalise_expired()


@shared_task(name="assessments.item_analysis_refresh")
def item_analysis_refresh(*, instrument_id: int) -> None:
    """Recompute an instrument's item analysis (idempotent: rows are replaced)."""
    from assessments.models import Instrument
    from assessments.services.analysis import item_analysis_refresh as refresh

    instrument = Instrument.objects.filter(pk=instrument_id).first()
    if instrument is not None:
        refresh(instrument=instrument)


@shared_task(name="assessments.item_analysis_sweep")
def item_analysis_sweep() -> int:
    """Recompute the analyses a lost refresh left behind (nightly)."""
    from assessments.models import Instrument
    from assessments.services.analysis import item_analyses_stale
    from assessments.services.analysis import item_analysis_refresh as refresh

    stale = item_analyses_stale()
    for instrument in Instrument.objects.filter(pk__in=stale):
        refresh(instrument=instrument)
    return len(stale)


@shared_task(name="assessments.release_round")
def release_round(*, job_id: int) -> bool:
    """Release the results of one release job (safe to run twice)."""
    from assessments.services.release_jobs import release_job_run

    return release_job_run(job_id=job_id)


@shared_task(name="assessments.release_sweep")
def release_sweep() -> int:
    """Publish the release jobs the broker missed; take over dead workers' jobs."""
    from assessments.services.release_jobs import release_jobs_sweep

    return release_jobs_sweep()


@shared_task(name="assessments.snapshot_quarters")
def snapshot_quarters() -> int:
    """Count the levels as of the quarter ends the reports offer (daily; only a
    quarter end not yet counted costs anything)."""
    from django.utils import timezone

    from assessments.rollups import quarter_snapshots_ensure

    return len(quarter_snapshots_ensure(timezone.localdate()))
