"""Decisions on submitted activities: by a head over the unit, or by BPSDM when
no head is left who may decide; never by someone the activity is about
(``activities.permissions``)."""

from django.core.exceptions import ValidationError
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
    _audit(activity, actor, "activity.unverify", before)
    return activity
