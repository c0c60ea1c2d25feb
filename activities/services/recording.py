"""Recording, changing, submitting and deleting activities."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity, Attendance, Evidence
from activities.permissions import (
    DELETE,
    EDIT,
    SUBMIT,
    VERIFY,
    VERIFY_ON_RECORDING,
    is_credited,
)
from activities.registry import ActivityKind, kind_for
from activities.rollups import attendee_units_change
from activities.rules import duration_error, future_error
from activities.selectors import (
    activity_by_client_key,
    matrix_dimension_ids,
    overlapping_attendances,
    recordable_employees,
    recordable_units,
)
from activities.services.credits import PRESENT, activity_credits_sync
from activities.services.evidence import evidence_save_all
from activities.services.notify import notify_submitted
from competencies.models import DevelopmentForm
from evaluations.rollups import activity_due_state, due_follow_ups_of_activity
from ledger.services import jp_credit_clear
from people.models import Employee, Unit, User
from people.permissions import can, check
from people.selectors import user_employee
from sosiokultural.formatting import clock, moment


def _errors_add(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def overlap_errors(
    *,
    employee_ids: Iterable[int],
    started_at: datetime,
    duration_minutes: int,
    exclude: Activity | None = None,
    also_lock: Iterable[int] = (),
) -> list[str]:
    """One message per present attendee who is already present at another
    (submitted or verified) activity at an overlapping time: one person cannot be
    in two activities at once. The employees' rows are locked first, so two
    recordings for the same person at once are checked one after the other. The
    lock is FOR NO KEY UPDATE (as the ledger's): a plain FOR UPDATE also blocks the
    key-share lock another recording's attendance rows take on the same employees
    at commit, and two colleagues recording at once deadlocked.

    ``also_lock``: the other attendees the write will touch (absent ones), locked
    in the same statement, in id order: the attendee-unit roll-up locks every
    attendee later in the transaction, and locking a subset first would let two
    recordings of colleagues wait on each other."""
    ids = sorted(set(employee_ids))
    if not ids:
        return []
    locked = (
        Employee.objects.select_for_update(no_key=True)
        .filter(pk__in=sorted(set(ids) | set(also_lock)))
        .order_by("pk")
    )
    list(locked.values_list("pk"))
    return [
        _(
            "%(name)s sudah tercatat hadir pada kegiatan lain pada waktu yang "
            "bertumpang tindih (%(form)s, %(start)s–%(end)s); satu orang tidak dapat "
            "mengikuti dua kegiatan sekaligus."
        )
        % {
            "name": row.employee.name,
            "form": row.activity.form.name,
            "start": moment(row.activity.started_at),
            "end": clock(row.activity.ended_at),
        }
        for row in overlapping_attendances(
            employee_ids=ids,
            started_at=started_at,
            duration_minutes=duration_minutes,
            exclude=exclude,
        )
    ]


def _present(attendance: Mapping[int, str]) -> list[int]:
    return [pk for pk, status in attendance.items() if status == PRESENT]


def _check_overlap(activity: Activity) -> None:
    """Refuse to let ``activity`` (saved, about to count) overlap another."""
    present = activity.attendances.filter(status=PRESENT).values_list(
        "employee_id", flat=True
    )
    errors = overlap_errors(
        employee_ids=present,
        started_at=activity.started_at,
        duration_minutes=activity.duration_minutes,
        exclude=activity,
    )
    if errors:
        raise ValidationError({"attendance": errors})


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
    counts: bool,
    activity: Activity | None = None,
) -> None:
    """Raise ``ValidationError`` (keyed by form field) unless the activity may be
    recorded by ``actor`` as given. Forms check the same first; this is the
    guarantee for every other caller. ``counts``: the activity will be submitted
    or verified (not a draft), so its attendees may not be at another activity at
    the same time."""
    errors: dict[str, list[str]] = {}
    kind = kind_for(form.code)
    if form.provider != "internal" or kind is None:
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
    details = (
        ()
        if kind is None
        else kind.detail_errors(
            actor=actor,
            detail=detail,
            facilitator=facilitator,
            started_on=timezone.localdate(started_at),
        )
    )
    for field, message in details:
        _errors_add(errors, field, message)
    if counts and not errors:
        for message in overlap_errors(
            employee_ids=_present(attendance),
            started_at=started_at,
            duration_minutes=duration_minutes,
            exclude=activity,
            also_lock=attendance,
        ):
            _errors_add(errors, "attendance", message)
    if errors:
        raise ValidationError(errors)


def _set_attendance(activity: Activity, attendance: Mapping[int, str]) -> None:
    """Write the attendance rows of ``activity`` (the one writer of attendance)
    and, in the same transaction, the attendee-unit roll-up."""
    existing = {a.employee_id: a for a in activity.attendances.all()}
    stale = {emp: a.pk for emp, a in existing.items() if emp not in attendance}
    if stale:
        Attendance.objects.filter(pk__in=stale.values()).delete()
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
    attendee_units_change(
        activity_id=activity.pk,
        added=[row.employee_id for row in new],
        removed=list(stale),
    )


def _submit(activity: Activity, actor: User, now: datetime, *, first: bool) -> None:
    """Move a saved activity (its attendance written) to the state a finished
    recording takes, and save it: verified at once when the actor is a head of
    its scope whom it does not credit (``VERIFY_ON_RECORDING``), else waiting for
    a head who may decide. An activity sent back after a rejection (``first`` is
    false) is verified at once only by someone who may verify it from the queue:
    never by its recorder."""
    activity.rejection_reason = ""
    activity.status = Activity.Status.SUBMITTED
    activity.verified_by, activity.verified_at = None, None
    if can(actor, VERIFY_ON_RECORDING if first else VERIFY, activity):
        activity.status = Activity.Status.VERIFIED
        activity.verified_by, activity.verified_at = actor, now
        activity.submitted_at = activity.submitted_at or now
    else:
        activity.submitted_at = now
    activity.save()


def _requeue_if_about(activity: Activity, actor: User, now: datetime) -> bool:
    """A verified activity changed by someone it credits goes back to the queue
    (a head may not change, after the fact, a verified record about himself)."""
    if activity.status != Activity.Status.VERIFIED or not is_credited(actor, activity):
        return False
    activity.status = Activity.Status.SUBMITTED
    activity.verified_by, activity.verified_at = None, None
    activity.submitted_at = now
    activity.save()
    return True


def activity_record(
    *, recorder: User, client_key: UUID | None = None, **kwargs: Any
) -> Activity:
    """Record a held activity (see ``_activity_record``), at most once per
    ``client_key``: the key a phone generated when the form was filled. Sending
    the same form again (a queue flushed when the phone is back online, a reload)
    returns the activity already recorded by that user and writes nothing; the
    unique column settles two sends that arrive at the same moment. A key already
    used by someone else is refused."""
    if client_key is None:
        return _activity_record(recorder=recorder, **kwargs)
    if (found := activity_by_client_key(client_key)) is not None:
        return _replayed(found, recorder)
    try:
        return _activity_record(recorder=recorder, client_key=client_key, **kwargs)
    except (IntegrityError, ValidationError):
        # Sent twice at once: the first send won (the second then finds its
        # attendees already present at that time, or the key taken).
        found = activity_by_client_key(client_key)
        if found is None:
            raise
        return _replayed(found, recorder)


def _replayed(activity: Activity, recorder: User) -> Activity:
    if activity.recorded_by_id != recorder.pk:
        raise ValidationError(
            {"client_key": _("Kunci pengiriman ini sudah dipakai untuk kegiatan lain.")}
        )
    return activity


@transaction.atomic
def _activity_record(
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
    client_key: UUID | None = None,
) -> Activity:
    """Record a held activity. ``attendance`` is {employee_id: status} for the group
    forms; the single-attendee forms take their attendee from ``detail``
    ("employee" for pendekatan personal and pengembangan diri, "coachee" or an
    existing "coaching" for a coaching session)."""
    detail = dict(detail or {})
    kind = kind_for(form.code)
    if kind is not None:
        if kind.author_only:
            facilitator = user_employee(recorder)
            summary = ""  # a private record: nothing public leaks
        if not kind.takes_evidence:
            files = ()
        if kind.single_attendee:
            attendee = kind.fixed_attendee(detail)
            attendance = {attendee.pk: PRESENT} if attendee else {}
            unit = attendee.unit if attendee else unit
        kind.check_recordable(detail)
    attendance = dict(attendance or {})
    _validate(
        actor=recorder,
        form=form,
        unit=unit,
        started_at=started_at,
        duration_minutes=duration_minutes,
        facilitator=facilitator,
        attendance=attendance,
        detail=detail,
        counts=not draft,
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
        client_key=client_key,
    )
    activity.save()
    ids = list(matrix_dimension_ids(form) if dimension_ids is None else dimension_ids)
    activity.dimensions.set(ids)
    kind.save_detail(activity, actor=recorder, detail=detail, dimension_ids=ids)
    _set_attendance(activity, attendance)
    if not draft:
        _submit(activity, recorder, now, first=True)
    evidence_save_all(activity, recorder, files)
    activity_credits_sync(activity=activity)
    due_follow_ups_of_activity(activity=activity)
    if activity.status == Activity.Status.SUBMITTED:
        notify_submitted(activity)
    return activity


def locked_activity(activity: Activity) -> Activity:
    """The activity, re-read and locked for the rest of the transaction (two heads
    deciding at once: the second sees the first decision)."""
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
    activity = locked_activity(activity)
    check(actor, EDIT, activity)
    # Its attendees and day before the change (the follow-up queue's roll-up).
    due_before = activity_due_state(activity)
    detail = dict(detail or {})
    kind: ActivityKind = activity.kind
    if kind.author_only:
        facilitator = activity.facilitator
        summary = ""
    if kind.single_attendee:
        attendee = _current_attendee(activity)
        detail.update(kind.kept_on_update(activity, attendee))
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
        counts=activity.status != Activity.Status.DRAFT,
        activity=activity,
    )
    activity.unit, activity.started_at = unit, started_at
    activity.duration_minutes, activity.facilitator = duration_minutes, facilitator
    activity.summary = summary.strip()
    activity.save()
    ids = list(dimension_ids)
    activity.dimensions.set(ids)
    kind.save_detail(
        activity, actor=activity.recorded_by, detail=detail, dimension_ids=ids
    )
    _set_attendance(activity, attendance)
    now = timezone.now()
    if activity.status == Activity.Status.REJECTED:
        _submit(activity, actor, now, first=False)
        queued = activity.status == Activity.Status.SUBMITTED
    else:
        queued = _requeue_if_about(activity, actor, now)
    activity_credits_sync(activity=activity)
    due_follow_ups_of_activity(activity=activity, before=due_before)
    if queued:
        notify_submitted(activity)
    return activity


@transaction.atomic
def activity_submit(*, activity: Activity, actor: User) -> Activity:
    activity = locked_activity(activity)
    if not can(actor, SUBMIT, activity):
        raise ValidationError(_("Hanya draf milik Anda yang dapat diajukan."))
    _check_overlap(activity)
    _submit(activity, actor, timezone.now(), first=True)
    activity_credits_sync(activity=activity)
    due_follow_ups_of_activity(activity=activity)
    if activity.status == Activity.Status.SUBMITTED:
        notify_submitted(activity)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, actor: User) -> None:
    activity = locked_activity(activity)
    check(actor, DELETE, activity)
    jp_credit_clear(source_key=activity.source_key)
    names = list(activity.evidence.values_list("file", flat=True))
    storage = Evidence._meta.get_field("file").storage
    due_before = activity_due_state(activity)
    activity.delete()  # its attendance and follow-ups with it
    due_follow_ups_of_activity(activity=activity, before=due_before)
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


@transaction.atomic
def attendance_set(
    *, activity: Activity, actor: User, employee_id: int, status: str
) -> Attendance:
    """Change one attendee's status (the htmx toggle); credits follow."""
    activity = locked_activity(activity)
    check(actor, EDIT, activity)
    if status not in Attendance.Status.values:
        raise ValidationError({"status": _("Status kehadiran tidak dikenal.")})
    row = activity.attendances.select_for_update().filter(employee_id=employee_id)
    attendance = row.select_related("employee").first()
    if attendance is None:
        raise ValidationError(_("Pegawai ini tidak tercatat pada kegiatan ini."))
    if attendance.status != status:
        if status == PRESENT and activity.status != Activity.Status.DRAFT:
            errors = overlap_errors(
                employee_ids=[employee_id],
                started_at=activity.started_at,
                duration_minutes=activity.duration_minutes,
                exclude=activity,
            )
            if errors:
                raise ValidationError({"status": errors})
        attendance.status = status
        attendance.save(update_fields=["status"])
        queued = _requeue_if_about(activity, actor, timezone.now())
        activity_credits_sync(activity=activity)
        due_follow_ups_of_activity(activity=activity)
        if queued:
            notify_submitted(activity)
    return attendance
