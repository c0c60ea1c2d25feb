"""Writes of external development (keyword-only, typed, transactional).

Split by entity; everything is importable from ``programs.services``.
"""

from programs.services.exchanges import (
    exchange_create,
    exchange_report_update,
    exchange_update,
)
from programs.services.nominations import (
    CapacityFull,
    nomination_approve,
    nomination_complete,
    nomination_completion_clear,
    nomination_create,
    nomination_reject,
    nomination_waitlist,
    nomination_withdraw,
    nominations_create,
    nominations_remind_upcoming,
)
from programs.services.programs import program_create, program_update
from programs.services.submissions import (
    submission_acknowledge,
    submission_create,
    submission_return,
)

__all__ = [
    "CapacityFull",
    "exchange_create",
    "exchange_report_update",
    "exchange_update",
    "nomination_approve",
    "nomination_complete",
    "nomination_completion_clear",
    "nomination_create",
    "nomination_reject",
    "nomination_waitlist",
    "nomination_withdraw",
    "nominations_create",
    "nominations_remind_upcoming",
    "program_create",
    "submission_acknowledge",
    "submission_return",
    "program_update",
    "submission_create",
]
