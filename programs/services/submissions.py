"""Unit data submissions to BPSDM (dated snapshots)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from notices.services import notice_create
from people.models import Unit, User
from people.permissions import check
from people.selectors import units_visible_to
from programs.models import Submission
from programs.permissions import REVIEW_SUBMISSIONS, SUBMIT_UNIT_DATA
from programs.snapshot import snapshot_build
from sosiokultural.formatting import day


@transaction.atomic
def submission_create(*, unit: Unit, by: User, as_of: date | None = None) -> Submission:
    """Freeze the unit's (and its subtree's) competency and training profile as it
    is on ``as_of`` (today by default) and send it to BPSDM."""
    check(by, SUBMIT_UNIT_DATA, message=_("Data unit dikirim oleh kepala unit."))
    if not units_visible_to(by).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Unit ini berada di luar cakupan Anda."))
    as_of = as_of or timezone.localdate()
    dimensions, rows = snapshot_build(unit=unit, as_of=as_of)
    return Submission.objects.create(
        unit=unit,
        as_of=as_of,
        submitted_by=by,
        employee_count=len(rows),
        dimensions=dimensions,
        rows=rows,
    )


def _answered(submission_id: int, by: User) -> Submission:
    """The submission, locked, still waiting for BPSDM's answer."""
    check(by, REVIEW_SUBMISSIONS, message=_("Kiriman ditanggapi oleh BPSDM."))
    submission = (
        # Only the submission's row is locked (its sender may be gone: a nullable
        # join PostgreSQL cannot lock).
        Submission.objects.select_for_update(of=("self",))
        .select_related("unit", "submitted_by")
        .get(pk=submission_id)
    )
    if submission.status != Submission.Status.SENT:
        raise ValidationError(
            _("Kiriman ini sudah ditanggapi (%(status)s).")
            % {"status": submission.get_status_display()}
        )
    return submission


def _tell_sender(submission: Submission, subject: str, body: str) -> None:
    sender = submission.submitted_by
    if sender is None or not sender.is_active:
        return
    notice_create(
        recipient=sender,
        kind="submission",
        dedupe_key=f"submission:{submission.pk}:{submission.status}",
        subject=subject,
        body=body,
        link=reverse("programs:submission_detail", args=[submission.pk]),
    )


def _review(submission: Submission, by: User, status: str, reason: str = "") -> None:
    submission.status = status
    submission.reviewed_by = by
    submission.reviewed_at = timezone.now()
    submission.return_reason = reason
    submission.save(
        update_fields=["status", "reviewed_by", "reviewed_at", "return_reason"]
    )
    audit_record(
        actor=by,
        action=f"submission.{status}",
        target=submission,
        before={"status": Submission.Status.SENT},
        after={"status": status, **({"return_reason": reason} if reason else {})},
    )


@transaction.atomic
def submission_acknowledge(*, submission_id: int, by: User) -> Submission:
    """BPSDM confirms it received the unit's data as sent."""
    submission = _answered(submission_id, by)
    _review(submission, by, Submission.Status.ACKNOWLEDGED)
    values = {"unit": submission.unit.name, "on": day(submission.as_of)}
    _tell_sender(
        submission,
        _("Kiriman data %(unit)s diterima BPSDM") % values,
        _("BPSDM menerima kiriman data %(unit)s per %(on)s.") % values,
    )
    return submission


@transaction.atomic
def submission_return(*, submission_id: int, by: User, reason: str) -> Submission:
    """BPSDM sends the data back with a reason; the unit corrects and sends a new
    submission."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan kiriman dikembalikan.")})
    submission = _answered(submission_id, by)
    _review(submission, by, Submission.Status.RETURNED, reason)
    values = {
        "unit": submission.unit.name,
        "on": day(submission.as_of),
        "reason": reason,
    }
    _tell_sender(
        submission,
        _("Kiriman data %(unit)s dikembalikan BPSDM") % values,
        _(
            "BPSDM mengembalikan kiriman data %(unit)s per %(on)s: %(reason)s. "
            "Perbaiki datanya lalu kirim ulang."
        )
        % values,
    )
    return submission
