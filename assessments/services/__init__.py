"""Writes of competency tests. Split by concern; import from here."""

from assessments.services.bank import (
    InstrumentFrozenError,
    instrument_create,
    instrument_publish,
    instrument_retire,
    instrument_revise,
    instrument_set_items,
    instrument_set_thresholds,
    instrument_update,
    item_create,
    item_revise,
    item_update,
)
from assessments.services.release import (
    latest_levels_refresh,
    result_release,
    result_rescore,
    results_release,
)
from assessments.services.taking import (
    AttemptClosedError,
    answer_save,
    attempt_start,
    attempt_submit,
    attempts_finalise_expired,
    result_recompute,
    supervisor_ratings_set,
    window_assign,
    window_create,
)

__all__ = [
    "AttemptClosedError",
    "InstrumentFrozenError",
    "answer_save",
    "attempt_start",
    "attempt_submit",
    "attempts_finalise_expired",
    "instrument_create",
    "instrument_publish",
    "instrument_retire",
    "instrument_revise",
    "instrument_set_items",
    "instrument_set_thresholds",
    "instrument_update",
    "item_create",
    "item_revise",
    "item_update",
    "latest_levels_refresh",
    "result_recompute",
    "result_release",
    "result_rescore",
    "results_release",
    "supervisor_ratings_set",
    "window_assign",
    "window_create",
]
