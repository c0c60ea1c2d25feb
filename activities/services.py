"""Writes of internal activities.

Every write that can change whether (or how much) an activity counts re-syncs its
JP credits in the same transaction: a verified activity credits each present
attendee with its duration (``ledger.services.jp_credit_set``); anything else
(draft, submitted, rejected, deleted) holds no credit (``jp_credit_clear``).

Verification: an activity recorded by a head (always inside the head's own scope)
counts at once; one recorded by staff waits for a head of its unit subtree.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities import permissions
from activities.models import (
    FORM_BENCHMARKING,
    FORM_BRIEFING,
    FORM_COACHING,
    FORM_GATHERING,
    FORM_PERSONAL,
    FORM_SELF,
    INTERNAL_FORMS,
    Activity,
    Attendance,
    BenchmarkingDetail,
    BriefingDetail,
    Coaching,
    CoachingSession,
    Evidence,
    GatheringDetail,
    PersonalNote,
    SelfDevelopmentDetail,
)
from activities.rules import duration_error, evidence_kind, future_error
from activities.selectors import (
    matrix_dimension_ids,
    recordable_employees,
    recordable_units,
    unit_heads,
)
from activities.validation import detail_errors
from competencies.models import DevelopmentForm
from ledger.services import jp_credit_clear, jp_credit_set
from notices.services import notice_create
from people.models import Employee, Unit, User
from people.selectors import user_employee

PRESENT = Attendance.Status.PRESENT
# Forms whose only attendee is fixed by the form itself.
SINGLE_ATTENDEE_FORMS = {FORM_PERSONAL, FORM_SELF, FORM_COACHING}


def _errors_add(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _fixed_attendee(form_code: str, detail: Mapping[str, Any]) -> Employee | None:
    if form_code == FORM_COACHING:
        coaching = detail.get("coaching")
        return coaching.coachee if coaching else detail.get("coachee")
    return detail.get("employee")


def _validate(
    *,
    actor: User,
    form: DevelopmentForm,
    unit: Unit | None,
    started_at: datetime,
    duration_minutes: int | None,
    facilitator: Employee | None,
    attendance: Mapping[int, str],
    detail: Mapping[str, Any],
) -> None:
    """Raise ``ValidationError`` (keyed by form field) unless the activity may be
    recorded by ``actor`` as given. Forms check the same first; this is the
    guarantee for every other caller."""
    errors: dict[str, list[str]] = {}
    if form.provider != "internal" or form.code not in INTERNAL_FORMS:
        _errors_add(errors, "form", _("Bentuk ini bukan pengembangan internal."))
    if unit is None or not recordable_units(actor).filter(pk=unit.pk).exists():
        _errors_add(errors, "unit", _("Unit di luar cakupan Anda."))
    if message := duration_error(duration_minutes):
        _errors_add(errors, "duration_minutes", message)
    if message := future_error(started_at, timezone.now()):
        _errors_add(errors, "started_at", message)
    wanted = set(attendance) | ({facilitator.pk} if facilitator else set())
    allowed = set(
        recordable_employees(actor).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    outside = [pk for pk in attendance if pk not in allowed]
    if outside:
        _errors_add(
            errors,
            "attendance",
            _("%(count)s peserta berada di luar cakupan Anda.")
            % {"count": len(outside)},
        )
    valid = set(Attendance.Status.values)
    if any(status not in valid for status in attendance.values()):
        _errors_add(errors, "attendance", _("Status kehadiran tidak dikenal."))
    if not any(status == PRESENT for status in attendance.values()):
        _errors_add(errors, "attendance", _("Tandai minimal satu peserta yang hadir."))
    if facilitator is not None and facilitator.pk not in allowed:
        _errors_add(errors, "facilitator", _("Fasilitator di luar cakupan Anda."))
    for field, message in detail_errors(
        form_code=form.code,
        actor=actor,
        detail=detail,
        facilitator=facilitator,
        started_on=timezone.localdate(started_at),
    ):
        _errors_add(errors, field, message)
    if errors:
        raise ValidationError(errors)


def credit_description(activity: Activity) -> str:
    """The ledger line of an activity (never a personal note)."""
    code = activity.form.code
    label = activity.form.name
    if code == FORM_SELF and hasattr(activity, "self_development"):
        return f"{label}: {activity.self_development.topic}"
    if code == FORM_GATHERING and hasattr(activity, "gathering"):
        return f"{label}: {activity.gathering.event}"
    if code == FORM_BENCHMARKING and hasattr(activity, "benchmarking"):
        return f"{label}: {activity.benchmarking.host_name}"
    return f"{label} · {activity.unit.name}"


def activity_credits_sync(*, activity: Activity) -> None:
    """Make the JP ledger match the activity: credited when verified, else none."""
    if activity.status != Activity.Status.VERIFIED:
        jp_credit_clear(source_key=activity.source_key)
        return
    present = activity.attendances.filter(status=PRESENT).values_list(
        "employee_id", flat=True
    )
    jp_credit_set(
        source_key=activity.source_key,
        source="internal",
        occurred_on=timezone.localdate(activity.started_at),
        description=credit_description(activity),
        credits=dict.fromkeys(present, activity.duration_minutes),
        form_id=activity.form_id,
    )


def _set_attendance(activity: Activity, attendance: Mapping[int, str]) -> None:
    existing = {a.employee_id: a for a in activity.attendances.all()}
    stale = [a.pk for emp, a in existing.items() if emp not in attendance]
    if stale:
        Attendance.objects.filter(pk__in=stale).delete()
    new = []
    for employee_id, status in attendance.items():
        row = existing.get(employee_id)
        if row is None:
            new.append(
                Attendance(activity=activity, employee_id=employee_id, status=status)
            )
        elif row.status != status:
            row.status = status
            row.save(update_fields=["status"])
    Attendance.objects.bulk_create(new)


def _save_detail(
    activity: Activity,
    *,
    actor: User,
    detail: Mapping[str, Any],
    dimension_ids: list[int],
) -> None:
    code = activity.form.code
    if code == FORM_BRIEFING:
        BriefingDetail.objects.update_or_create(
            activity=activity, defaults={"agenda_kind": detail["agenda_kind"]}
        )
    elif code == FORM_GATHERING:
        GatheringDetail.objects.update_or_create(
            activity=activity,
            defaults={
                "event": detail["event"].strip(),
                "kinds": list(detail.get("kinds") or []),
                "location": (detail.get("location") or "").strip(),
            },
        )
    elif code == FORM_BENCHMARKING:
        BenchmarkingDetail.objects.update_or_create(
            activity=activity,
            defaults={
                "host_type": detail["host_type"],
                "host_name": detail["host_name"].strip(),
                "host_unit": detail.get("host_unit"),
                "findings": detail["findings"].strip(),
                "practices_adopted": (detail.get("practices_adopted") or "").strip(),
            },
        )
    elif code == FORM_SELF:
        SelfDevelopmentDetail.objects.update_or_create(
            activity=activity,
            defaults={
                "study_kind": detail["study_kind"],
                "topic": detail["topic"].strip(),
                "source": (detail.get("source") or "").strip(),
            },
        )
    elif code == FORM_PERSONAL:
        PersonalNote.objects.update_or_create(
            activity=activity,
            defaults={
                "employee": detail["employee"],
                "author": actor,
                "text": detail["note"].strip(),
            },
        )
    elif code == FORM_COACHING:
        coaching = detail.get("coaching")
        if coaching is None and hasattr(activity, "coaching_session"):
            coaching = activity.coaching_session.coaching
        if coaching is None:
            coaching = Coaching.objects.create(
                unit=detail["coachee"].unit,
                coach=activity.facilitator,
                coachee=detail["coachee"],
                goal=detail["goal"].strip(),
                started_on=timezone.localdate(activity.started_at),
                created_by=actor,
            )
            coaching.dimensions.set(dimension_ids)
        CoachingSession.objects.update_or_create(
            activity=activity,
            defaults={
                "coaching": coaching,
                "agreed_actions": (detail.get("agreed_actions") or "").strip(),
                "due_on": detail.get("due_on"),
            },
        )


def _stamp(moment: datetime | None) -> int:
    return int(moment.timestamp() * 1_000_000) if moment else 0


def _notify_submitted(activity: Activity) -> None:
    stamp = _stamp(activity.submitted_at)
    link = reverse("activities:detail", args=[activity.pk])
    for head in unit_heads(activity.unit):
        if head.pk == activity.recorded_by_id:
            continue
        notice_create(
            recipient=head,
            kind="activity_submitted",
            dedupe_key=f"activity:{activity.pk}:submitted:{stamp}:{head.pk}",
            subject=_("Kegiatan menunggu verifikasi: %(form)s")
            % {"form": activity.form.name},
            body=_(
                "%(who)s mencatat %(form)s di %(unit)s pada %(date)s. Mohon "
                "verifikasi agar JP peserta tercatat."
            )
            % {
                "who": activity.recorded_by.get_full_name()
                or activity.recorded_by.username,
                "form": activity.form.name,
                "unit": activity.unit.name,
                "date": timezone.localtime(activity.started_at).strftime(
                    "%d-%m-%Y %H:%M"
                ),
            },
            link=link,
        )


def _submit(activity: Activity, actor: User, now: datetime) -> None:
    """Move to the state a finished recording takes: verified at once when the
    actor is a head of the activity's scope, else waiting for one."""
    activity.rejection_reason = ""
    if permissions.in_head_scope(actor, activity):
        activity.status = Activity.Status.VERIFIED
        activity.verified_by, activity.verified_at = actor, now
        activity.submitted_at = activity.submitted_at or now
    else:
        activity.status = Activity.Status.SUBMITTED
        activity.verified_by, activity.verified_at = None, None
        activity.submitted_at = now


def _save_files(activity: Activity, actor: User, files: Sequence[UploadedFile]):
    saved: list[Evidence] = []
    try:
        for upload in files:
            saved.append(evidence_add(activity=activity, actor=actor, upload=upload))
    except Exception:
        for evidence in saved:
            evidence.file.delete(save=False)
        raise


@transaction.atomic
def activity_record(
    *,
    recorder: User,
    form: DevelopmentForm,
    started_at: datetime,
    duration_minutes: int | None,
    unit: Unit | None = None,
    facilitator: Employee | None = None,
    attendance: Mapping[int, str] | None = None,
    summary: str = "",
    dimension_ids: Iterable[int] | None = None,
    detail: Mapping[str, Any] | None = None,
    files: Sequence[UploadedFile] = (),
    draft: bool = False,
) -> Activity:
    """Record a held activity. ``attendance`` is {employee_id: status} for the group
    forms; the single-attendee forms take their attendee from ``detail``
    ("employee" for pendekatan personal and pengembangan diri, "coachee" or an
    existing "coaching" for a coaching session)."""
    detail = dict(detail or {})
    if form.code == FORM_PERSONAL:
        facilitator = user_employee(recorder)
        summary = ""  # the private note is the record; nothing public leaks
        files = ()
    if form.code in SINGLE_ATTENDEE_FORMS:
        attendee = _fixed_attendee(form.code, detail)
        attendance = {attendee.pk: PRESENT} if attendee else {}
        unit = attendee.unit if attendee else unit
    attendance = dict(attendance or {})
    coaching = detail.get("coaching")
    if coaching is not None and coaching.status != Coaching.Status.ACTIVE:
        raise ValidationError({"coaching": _("Coaching ini sudah tidak berjalan.")})
    _validate(
        actor=recorder,
        form=form,
        unit=unit,
        started_at=started_at,
        duration_minutes=duration_minutes,
        facilitator=facilitator,
        attendance=attendance,
        detail=detail,
    )
    now = timezone.now()
    activity = Activity(
        form=form,
        unit=unit,
        started_at=started_at,
        duration_minutes=duration_minutes,
        facilitator=facilitator,
        summary=summary.strip(),
        recorded_by=recorder,
        recorded_at=now,
        status=Activity.Status.DRAFT,
    )
    if not draft:
        _submit(activity, recorder, now)
    activity.save()
    ids = list(matrix_dimension_ids(form) if dimension_ids is None else dimension_ids)
    activity.dimensions.set(ids)
    _save_detail(activity, actor=recorder, detail=detail, dimension_ids=ids)
    _set_attendance(activity, attendance)
    _save_files(activity, recorder, files)
    activity_credits_sync(activity=activity)
    if activity.status == Activity.Status.SUBMITTED:
        _notify_submitted(activity)
    return activity


def _locked(activity: Activity) -> Activity:
    return (
        Activity.objects.select_for_update(of=("self",))
        .select_related("form", "unit", "recorded_by")
        .get(pk=activity.pk)
    )


def _current_attendee(activity: Activity) -> Employee | None:
    row = activity.attendances.select_related("employee__unit").first()
    return row.employee if row else None


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    actor: User,
    started_at: datetime,
    duration_minutes: int | None,
    unit: Unit | None = None,
    facilitator: Employee | None = None,
    attendance: Mapping[int, str] | None = None,
    summary: str = "",
    dimension_ids: Iterable[int] = (),
    detail: Mapping[str, Any] | None = None,
) -> Activity:
    """Change an activity. The attendee of a single-attendee form and the coaching
    engagement of a session stay as recorded. A rejected activity edited by its
    recorder goes back to the queue; a verified one edited by a head stays
    verified and its credits follow the change."""
    activity = _locked(activity)
    if not permissions.can_edit(actor, activity):
        raise PermissionDenied
    detail = dict(detail or {})
    code = activity.form.code
    if code == FORM_PERSONAL:
        facilitator = activity.facilitator
        summary = ""
    if code in SINGLE_ATTENDEE_FORMS:
        attendee = _current_attendee(activity)
        if code == FORM_COACHING:
            detail["coaching"] = activity.coaching_session.coaching
        else:
            detail["employee"] = attendee
        attendance = {attendee.pk: PRESENT} if attendee else {}
        unit = attendee.unit if attendee else activity.unit
    attendance = dict(attendance or {})
    _validate(
        actor=actor,
        form=activity.form,
        unit=unit,
        started_at=started_at,
        duration_minutes=duration_minutes,
        facilitator=facilitator,
        attendance=attendance,
        detail=detail,
    )
    activity.unit, activity.started_at = unit, started_at
    activity.duration_minutes, activity.facilitator = duration_minutes, facilitator
    activity.summary = summary.strip()
    resubmit = activity.status == Activity.Status.REJECTED
    if resubmit:
        _submit(activity, actor, timezone.now())
    activity.save()
    ids = list(dimension_ids)
    activity.dimensions.set(ids)
    _save_detail(activity, actor=activity.recorded_by, detail=detail, dimension_ids=ids)
    _set_attendance(activity, attendance)
    activity_credits_sync(activity=activity)
    if resubmit and activity.status == Activity.Status.SUBMITTED:
        _notify_submitted(activity)
    return activity


@transaction.atomic
def activity_submit(*, activity: Activity, actor: User) -> Activity:
    activity = _locked(activity)
    if not permissions.can_submit(actor, activity):
        raise ValidationError(_("Hanya draf milik Anda yang dapat diajukan."))
    _submit(activity, actor, timezone.now())
    activity.save()
    activity_credits_sync(activity=activity)
    if activity.status == Activity.Status.SUBMITTED:
        _notify_submitted(activity)
    return activity


@transaction.atomic
def activity_verify(*, activity: Activity, verifier: User) -> Activity:
    activity = _locked(activity)
    if activity.status != Activity.Status.SUBMITTED:
        raise ValidationError(_("Kegiatan ini tidak sedang menunggu verifikasi."))
    if not permissions.can_verify(verifier, activity):
        raise PermissionDenied
    activity.status = Activity.Status.VERIFIED
    activity.verified_by, activity.verified_at = verifier, timezone.now()
    activity.rejection_reason = ""
    activity.save()
    activity_credits_sync(activity=activity)
    return activity


@transaction.atomic
def activity_reject(*, activity: Activity, verifier: User, reason: str) -> Activity:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan penolakan.")})
    activity = _locked(activity)
    if activity.status != Activity.Status.SUBMITTED:
        raise ValidationError(_("Kegiatan ini tidak sedang menunggu verifikasi."))
    if not permissions.can_reject(verifier, activity):
        raise PermissionDenied
    activity.status = Activity.Status.REJECTED
    activity.rejection_reason = reason
    activity.verified_by, activity.verified_at = None, None
    activity.save()
    activity_credits_sync(activity=activity)
    notice_create(
        recipient=activity.recorded_by,
        kind="activity_rejected",
        dedupe_key=f"activity:{activity.pk}:rejected:{_stamp(activity.submitted_at)}",
        subject=_("Kegiatan ditolak: %(form)s") % {"form": activity.form.name},
        body=_(
            "Alasan penolakan: %(reason)s\nPerbaiki lalu simpan untuk mengajukan "
            "kembali."
        )
        % {"reason": reason},
        link=reverse("activities:detail", args=[activity.pk]),
    )
    return activity


@transaction.atomic
def activity_unverify(*, activity: Activity, actor: User) -> Activity:
    activity = _locked(activity)
    if not permissions.can_unverify(actor, activity):
        raise PermissionDenied
    activity.status = Activity.Status.SUBMITTED
    activity.verified_by, activity.verified_at = None, None
    activity.save()
    activity_credits_sync(activity=activity)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, actor: User) -> None:
    activity = _locked(activity)
    if not permissions.can_delete(actor, activity):
        raise PermissionDenied
    jp_credit_clear(source_key=activity.source_key)
    names = list(activity.evidence.values_list("file", flat=True))
    storage = Evidence._meta.get_field("file").storage
    activity.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


@transaction.atomic
def attendance_set(
    *, activity: Activity, actor: User, employee_id: int, status: str
) -> Attendance:
    """Change one attendee's status (the htmx toggle); credits follow."""
    activity = _locked(activity)
    if not permissions.can_edit(actor, activity):
        raise PermissionDenied
    if status not in Attendance.Status.values:
        raise ValidationError({"status": _("Status kehadiran tidak dikenal.")})
    row = activity.attendances.select_for_update().filter(employee_id=employee_id)
    attendance = row.select_related("employee").first()
    if attendance is None:
        raise ValidationError(_("Pegawai ini tidak tercatat pada kegiatan ini."))
    if attendance.status != status:
        attendance.status = status
        attendance.save(update_fields=["status"])
        activity_credits_sync(activity=activity)
    return attendance


def evidence_add(*, activity: Activity, actor: User, upload: UploadedFile) -> Evidence:
    """Store one evidence file after checking its type (extension and content) and
    size; raises ``ValidationError`` on the "evidence" field otherwise."""
    if activity.form.code == FORM_PERSONAL:
        raise ValidationError(
            {"evidence": _("Pendekatan personal tidak menyimpan berkas bukti.")}
        )
    try:
        kind = evidence_kind(upload.name, upload.size, upload)
    except ValueError as exc:
        raise ValidationError({"evidence": f"{upload.name}: {exc}"}) from exc
    evidence = Evidence(
        activity=activity,
        original_name=upload.name.rsplit("/", 1)[-1][:200],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    evidence.file.save(f"bukti.{kind}", upload, save=False)
    try:
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, actor: User) -> None:
    if not permissions.can_edit(actor, evidence.activity):
        raise PermissionDenied
    name = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def coaching_set_status(*, coaching: Coaching, actor: User, status: str) -> Coaching:
    if not permissions.can_manage_coaching(actor, coaching):
        raise PermissionDenied
    if status not in Coaching.Status.values:
        raise ValidationError({"status": _("Status coaching tidak dikenal.")})
    coaching.status = status
    coaching.save(update_fields=["status"])
    return coaching
