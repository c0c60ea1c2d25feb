"""Writes of training evaluation: answering a reaction survey, recording an
on-the-job follow-up, and the reminders (notices through the outbox, each
written once: deduplicated by key and skipped when already written)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record
from evaluations import rules
from evaluations.models import FollowUp, Observation, Reaction
from evaluations.permissions import RECORD_FOLLOW_UP
from evaluations.rollups import due_follow_ups_of_employees
from evaluations.selectors import (
    ACTIVITY,
    PROGRAM,
    FollowUpSubject,
    SurveySubject,
    activity_participations,
    due_activities,
    due_programs,
    follow_up_days,
    program_participations,
    survey_days,
)
from exports.writer import batches
from notices.models import Notice
from notices.services import notices_create
from people.models import User
from people.permissions import can

ALREADY_ANSWERED = gettext_lazy(
    "Survei ini sudah Anda isi; jawaban hanya dapat dikirim sekali."
)


@transaction.atomic
def reaction_submit(*, subject: SurveySubject, answers: dict, comment: str = ""):
    """Store the participant's answers (1–5 per item) once, while the survey is
    open."""
    if subject.answered is not None:
        raise ValidationError(ALREADY_ANSWERED)
    if not subject.is_open:
        raise ValidationError(_("Survei ini sudah ditutup."))
    for item in rules.ITEM_FIELDS:
        value = answers.get(item)
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError({item: _("Pilih nilai 1 sampai 5.")})
    try:
        with transaction.atomic():
            return Reaction.objects.create(
                employee=subject.employee,
                program=subject.program,
                activity=subject.activity,
                comment=comment.strip(),
                **{item: answers[item] for item in rules.ITEM_FIELDS},
            )
    except IntegrityError as exc:  # a second tap raced the first
        raise ValidationError(ALREADY_ANSWERED) from exc


@transaction.atomic
def follow_up_record(
    *, subject: FollowUpSubject, outcomes: dict, note: str = "", by
) -> FollowUp:
    """Record the head's observations (one outcome per dimension the program or
    activity develops) once. Nobody records one about themselves."""
    if not can(by, RECORD_FOLLOW_UP, subject.employee):
        raise PermissionDenied
    if subject.recorded is not None:
        raise ValidationError(_("Tindak lanjut ini sudah dicatat."))
    valid = {value for value, __ in Observation.Outcome.choices}
    missing = [d for d in subject.dimensions if outcomes.get(d.pk) not in valid]
    if missing:
        raise ValidationError(
            _("Pilih perilaku yang teramati untuk setiap dimensi: %(names)s.")
            % {"names": ", ".join(str(d) for d in missing)}
        )
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(
                employee=subject.employee,
                program=subject.program,
                activity=subject.activity,
                note=note.strip(),
                recorded_by=by,
            )
    except IntegrityError as exc:
        raise ValidationError(_("Tindak lanjut ini sudah dicatat.")) from exc
    Observation.objects.bulk_create(
        Observation(follow_up=follow_up, dimension=d, outcome=outcomes[d.pk])
        for d in subject.dimensions
    )
    # No longer due: the queue's roll-up of the employee's unit, that day.
    due_follow_ups_of_employees(
        employee_ids=[subject.employee.pk],
        kind=subject.kind,
        days=[subject.completed_on],
    )
    audit_record(
        actor=by,
        action="evaluations.follow_up_record",
        target=follow_up,
        after={
            "employee": subject.employee.pk,
            "subject": f"{subject.kind}:{(subject.program or subject.activity).pk}",
            "observations": {d.code: outcomes[d.pk] for d in subject.dimensions},
        },
    )
    return follow_up


# -- reminders ----------------------------------------------------------------------


def _without_notice(queryset, key):
    """``queryset`` annotated with its notice's ``dedupe_key`` and without the
    rows whose notice was already written (one set-based read)."""
    return queryset.annotate(notice_key=key).exclude(
        Exists(Notice.objects.filter(dedupe_key=OuterRef("notice_key")))
    )


def _key(prefix: str, *fields) -> Concat:
    parts = [Value(prefix)]
    for name in fields:
        parts += [Value(":"), Cast(name, CharField())]
    return Concat(*parts, output_field=CharField())


def surveys_remind(*, today: date | None = None) -> int:
    """One notice per participant and open survey not answered yet: written
    once (the rows already notified are left out in SQL). Returns how many."""
    today = today or timezone.localdate()
    first, last = rules.survey_window_ends(today, survey_days())
    written = 0
    programs = _without_notice(
        program_participations()
        .filter(
            program__ends_on__range=(first, last),
            employee__is_active=True,
            employee__user__is_active=True,
        )
        .exclude(
            Exists(
                Reaction.objects.filter(
                    employee_id=OuterRef("employee_id"),
                    program_id=OuterRef("program_id"),
                )
            )
        ),
        _key("evaluation-survey:program", "program_id", "employee_id"),
    ).values_list("notice_key", "employee__user", "program_id", "program__title")
    activities = _without_notice(
        activity_participations()
        .filter(
            activity__started_at__date__range=(first, last),
            employee__is_active=True,
            employee__user__is_active=True,
        )
        .exclude(
            Exists(
                Reaction.objects.filter(
                    employee_id=OuterRef("employee_id"),
                    activity_id=OuterRef("activity_id"),
                )
            )
        ),
        _key("evaluation-survey:kegiatan", "activity_id", "employee_id"),
    ).values_list("notice_key", "employee__user", "activity_id", "activity__form__name")
    for kind, rows in ((PROGRAM, programs), (ACTIVITY, activities)):
        for chunk in batches(rows.iterator(chunk_size=500), 500):
            users = User.objects.in_bulk({row[1] for row in chunk})
            written += notices_create(
                notices=[
                    {
                        "recipient": users[user_id],
                        "kind": "evaluations.survey_open",
                        "dedupe_key": key,
                        "subject": _("Isi survei evaluasi: %(title)s")
                        % {"title": title},
                        "body": _("Beri tahu kami pendapat Anda tentang %(title)s.")
                        % {"title": title},
                        "link": f"/evaluasi/survei/{kind}/{pk}/",
                    }
                    for key, user_id, pk, title in chunk
                ]
            )
    return written


def follow_ups_remind(*, today: date | None = None, window_days: int = 7) -> int:
    """Heads over an employee hear once of each follow-up that became due in
    the last ``window_days`` days and is not recorded yet (never about
    themselves). Reads every unit's heads in one query."""
    from people.models import Unit
    from people.selectors import heads_over_units

    today = today or timezone.localdate()
    days = follow_up_days()
    newest = rules.follow_up_cutoff(today, days)
    oldest = rules.follow_up_cutoff(today, days + window_days)
    programs = (
        due_programs()
        .filter(program__ends_on__range=(oldest, newest))
        .order_by()
        .values_list(
            Value(PROGRAM, output_field=CharField()),
            "program_id",
            "employee_id",
            "employee__name",
            "employee__unit_id",
            "program__title",
            "employee__user",
        )
    )
    activities = (
        due_activities()
        .filter(day__range=(oldest, newest))
        .order_by()
        .values_list(
            Value(ACTIVITY, output_field=CharField()),
            "activity_id",
            "employee_id",
            "employee__name",
            "employee__unit_id",
            "activity__form__name",
            "employee__user",
        )
    )
    due = list(programs.union(activities, all=True))
    if not due:
        return 0
    units = Unit.objects.filter(pk__in={row[4] for row in due})
    heads = heads_over_units(units)
    keys = {
        f"evaluation-follow-up:{kind}:{pk}:{eid}:{head.pk}": (
            kind,
            pk,
            eid,
            name,
            t,
            head,
        )
        for kind, pk, eid, name, unit_id, t, user_id in due
        for head in heads.get(unit_id, [])
        if head.pk != user_id
    }
    # Written once: notices_create leaves the keys already sent alone.
    return notices_create(
        notices=[
            {
                "recipient": head,
                "kind": "evaluations.follow_up_due",
                "dedupe_key": key,
                "subject": _("Tindak lanjut pelatihan jatuh tempo: %(name)s")
                % {"name": name},
                "body": _("Catat perilaku %(name)s di tempat kerja setelah %(title)s.")
                % {"name": name, "title": title},
                "link": f"/evaluasi/tindak-lanjut/{kind}/{pk}/{eid}/",
            }
            for key, (kind, pk, eid, name, title, head) in keys.items()
        ]
    )
