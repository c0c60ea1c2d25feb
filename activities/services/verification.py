"""Decisions on submitted activities: by a head over the unit, or by BPSDM when
no head is left who may decide; never by someone the activity is about
(``activities.permissions``)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import Activity
from activities.permissions import REJECT, UNVERIFY, VERIFY
from activities.services.credits import activity_credits_sync
from activities.services.notify import notify_rejected
from activities.services.recording import locked_activity
from audit.services import audit_record
from evaluations.rollups import due_follow_ups_of_activity
from people.models import User
from people.permissions import check

SELF = gettext_lazy(
    "Kegiatan yang Anda catat atau yang mencatat JP Anda diputuskan oleh kepala "
    "unit lain (atasan Anda) atau BPSDM."
)


def _audit(activity: Activity, actor: User, action: str, before: str) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=activity,
        before={"status": before},
        after={"status": activity.status, "reason": activity.rejection_reason},
    )


@transaction.atomic
def activity_verify(*, activity: Activity, verifier: User) -> Activity:
    activity = locked_activity(activity)
    if activity.status != Activity.Status.SUBMITTED:
        raise ValidationError(_("Kegiatan ini tidak sedang menunggu verifikasi."))
    check(verifier, VERIFY, activity, message=SELF)
    activity.status = Activity.Status.VERIFIED
    activity.verified_by, activity.verified_at = verifier, timezone.now()
    activity.rejection_reason = ""
    activity.save()
    activity_credits_sync(activity=activity)
    due_follow_ups_of_activity(activity=activity)
    _audit(activity, verifier, "activity.verify", Activity.Status.SUBMITTED)
    return activity


@transaction.atomic
def activity_reject(*, activity: Activity, verifier: User, reason: str) -> Activity:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan penolakan.")})
    activity = locked_activity(activity)
    if activity.status != Activity.Status.SUBMITTED:
        raise ValidationError(_("Kegiatan ini tidak sedang menunggu verifikasi."))
    check(verifier, REJECT, activity, message=SELF)
    activity.status = Activity.Status.REJECTED
    activity.rejection_reason = reason
    activity.verified_by, activity.verified_at = None, None
    activity.save()
    activity_credits_sync(activity=activity)
    _audit(activity, verifier, "activity.reject", Activity.Status.SUBMITTED)
    notify_rejected(activity)
    return activity


@transaction.atomic
def activity_unverify(*, activity: Activity, actor: User) -> Activity:
    activity = locked_activity(activity)
    check(actor, UNVERIFY, activity, message=SELF)
    before = activity.status
    activity.status = Activity.Status.SUBMITTED
    activity.verified_by, activity.verified_at = None, None
    activity.save()
    activity_credits_sync(activity=activity)
    due_follow_ups_of_activity(activity=activity)
    _audit(activity, actor, "activity.unverify", before)
    return activity


@dataclass(frozen=True)
class Decision:
    """One item of a bulk decision: verify ``activity``, or reject it with
    ``reason`` (required)."""

    activity: Activity
    verify: bool
    reason: str = ""


@transaction.atomic
def activities_decide(*, verifier: User, decisions: Sequence[Decision]) -> int:
    """Verify and reject several activities at once, all or nothing: each goes
    through ``activity_verify`` / ``activity_reject`` (the same permission, so
    nobody decides about himself); if any of them fails, nothing is decided and
    the ``ValidationError`` maps each failed activity's id to its messages.
    Returns how many were decided."""
    if not decisions:
        raise ValidationError(_("Pilih minimal satu kegiatan."))
    errors: dict[str, list[str]] = {}
    for decision in decisions:
        activity = decision.activity
        try:
            if decision.verify:
                activity_verify(activity=activity, verifier=verifier)
            else:
                activity_reject(
                    activity=activity, verifier=verifier, reason=decision.reason
                )
        except ValidationError as exc:
            errors[str(activity.pk)] = [str(m) for m in exc.messages]
        except PermissionDenied as exc:
            errors[str(activity.pk)] = [str(exc) or str(SELF)]
    if errors:
        raise ValidationError(errors)
    return len(decisions)
