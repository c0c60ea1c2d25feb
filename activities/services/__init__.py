"""Writes of internal activities.

Every write that can change whether (or how much) an activity counts re-syncs its
JP credits in the same transaction: a verified activity credits each present
attendee with its duration (``ledger.services.jp_credit_set``); anything else
(draft, submitted, rejected, deleted) holds no credit (``jp_credit_clear``).

Verification: an activity recorded by a head (always inside the head's own scope)
counts at once; one recorded by staff waits for a head of its unit subtree.
"""

from activities.services.coaching import coaching_set_status
from activities.services.credits import activity_credits_sync, credit_description
from activities.services.evidence import evidence_add, evidence_delete
from activities.services.recording import (
    activity_delete,
    activity_record,
    activity_submit,
    activity_update,
    attendance_set,
)
from activities.services.verification import (
    Decision,
    activities_decide,
    activity_reject,
    activity_unverify,
    activity_verify,
)

__all__ = [
    "Decision",
    "activities_decide",
    "activity_credits_sync",
    "activity_delete",
    "activity_record",
    "activity_reject",
    "activity_submit",
    "activity_unverify",
    "activity_update",
    "activity_verify",
    "attendance_set",
    "coaching_set_status",
    "credit_description",
    "evidence_add",
    "evidence_delete",
]
