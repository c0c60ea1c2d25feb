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
