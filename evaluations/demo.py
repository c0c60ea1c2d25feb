"""Demo data: reaction surveys answered after Kembangan's past BPSDM programs
and verified gatherings, and a few on-the-job follow-ups recorded by the demo
heads, through ``evaluations.services``.

Uses what the programs and activities demos made (they seed earlier):

- **reactions**: every participant of "E-Learning Etika Pelayanan PTSP" and of
  the competency test, some of the other past programs (so the report shows
  both a mean and a group too small for one), and two in three present
  attendees of every verified gathering; each answered a few days after the
  end, while the survey was open;
- **follow-ups**: the kecamatan head records the oldest gathering for the
  first four of his office who attended and the CPNS orientation for the
  office's CPNS; the Meruya Utara head records that gathering for his
  technical officer. Nobody about themselves; everything else stays in the
  heads' queues.

Idempotent: a reaction or follow-up already stored is skipped. Deterministic:
answers come from a ``random.Random`` seeded by the subject and the person, and
every date from the program's or activity's own date.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from activities.kinds.gathering import CODE as GATHERING
from activities.models import Activity
from evaluations import rules
from evaluations.models import FollowUp, Observation, Reaction
from evaluations.selectors import (
    ACTIVITY,
    PROGRAM,
    activity_participations,
    follow_up_days,
    follow_up_subject_get_for_user,
    program_participations,
    survey_days,
    survey_subject,
)
from evaluations.services import follow_up_record, reaction_submit
from people.models import User
from people.tree import subtree_q
from programs.models import Nomination, Program
from sosiokultural.demo import DemoContext

HEAD_LOGIN, VILLAGE_HEAD_LOGIN = "kepala.kembangan", "kepala.meruyautara"
# program title → how many participants (first by id) answered; None: all
PROGRAM_REACTIONS = {
    "E-Learning Etika Pelayanan PTSP": None,
    "Uji Kompetensi Sosiokultural & Feedback Semester I": None,
    "Diklat Komunikasi Pelayanan Angkatan I": 2,
    "Diklat Pelayanan bagi Penyandang Disabilitas Angkatan I": 2,
    "Orientasi Pelayanan CPNS Angkatan I": 1,
}
CPNS_ORIENTATION = "Orientasi Pelayanan CPNS Angkatan I"
ANSWERED_AFTER_DAYS = 2
FOLLOWED_UP_AFTER_DAYS = 5  # past the day the follow-up fell due

COMMENTS = [
    "Materinya langsung bisa dipakai di meja layanan.",
    "Contoh kasusnya dekat dengan pekerjaan sehari-hari.",
    "Waktunya terlalu singkat untuk praktik.",
    "Narasumber menjawab pertanyaan dengan jelas.",
]
NOTES = [
    "Lebih sabar menjelaskan persyaratan kepada pemohon.",
    "Mulai menerapkan, belum konsisten saat antrean panjang.",
    "Aktif membantu rekan dan berbagi informasi dengan tim.",
]
OUTCOMES = [
    Observation.Outcome.CONSISTENT,
    Observation.Outcome.PARTLY,
    Observation.Outcome.CONSISTENT,
    Observation.Outcome.NOT_SEEN,
]


def _at(day, hour: int):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _react(employee, *, program=None, activity=None, ended_on) -> Reaction | None:
    """The participant's answer, given ``ANSWERED_AFTER_DAYS`` after the end
    (while the survey was open), through the answering service."""
    if Reaction.objects.filter(
        employee=employee, program=program, activity=activity
    ).exists():
        return None
    answered_on = ended_on + timedelta(days=min(ANSWERED_AFTER_DAYS, survey_days()))
    subject = survey_subject(
        employee=employee,
        program=program,
        activity=activity,
        ended_on=ended_on,
        today=answered_on,
    )
    subject_key = program.title if program else f"{activity.form.code}:{ended_on}"
    rng = random.Random(f"reaction:{subject_key}:{employee.nip or employee.name}")
    answers = {
        item: min(5, max(1, round(rng.gauss(4.0, 0.7)))) for item in rules.ITEM_FIELDS
    }
    comment = rng.choice(COMMENTS) if rng.random() < 0.3 else ""
    reaction = reaction_submit(subject=subject, answers=answers, comment=comment)
    Reaction.objects.filter(pk=reaction.pk).update(submitted_at=_at(answered_on, 16))
    return reaction


def _reactions(units) -> int:
    made = 0
    programs = Program.objects.filter(title__in=PROGRAM_REACTIONS)
    for program in programs.order_by("ends_on", "pk"):
        limit = PROGRAM_REACTIONS[program.title]
        participants = (
            program_participations()
            .filter(subtree_q(units["JB-KMB"], "employee__unit"), program=program)
            .select_related("employee")
            .order_by("employee_id")
        )
        for nomination in participants[:limit]:
            made += (
                _react(nomination.employee, program=program, ended_on=program.ends_on)
                is not None
            )
    gatherings = (
        Activity.objects.filter(
            subtree_q(units["JB-KMB"]),
            form__code=GATHERING,
            status=Activity.Status.VERIFIED,
        )
        .select_related("form")
        .order_by("started_at", "pk")
    )
    for activity in gatherings:
        attendees = (
            activity_participations()
            .filter(activity=activity)
            .select_related("employee")
            .order_by("employee_id")
        )
        ended_on = timezone.localtime(activity.started_at).date()
        for index, attendance in enumerate(attendees):
            if index % 3 != 2:
                made += (
                    _react(attendance.employee, activity=activity, ended_on=ended_on)
                    is not None
                )
    return made


def _follow_up(user, kind, pk, employee, today, number) -> FollowUp | None:
    subject = follow_up_subject_get_for_user(user, kind, pk, employee.pk, today=today)
    if subject.recorded is not None:
        return None
    outcomes = {
        d.pk: OUTCOMES[(number + i) % len(OUTCOMES)]
        for i, d in enumerate(subject.dimensions)
    }
    follow_up = follow_up_record(
        subject=subject, outcomes=outcomes, note=NOTES[number % len(NOTES)], by=user
    )
    recorded_on = rules.follow_up_due_on(
        subject.completed_on, follow_up_days()
    ) + timedelta(days=FOLLOWED_UP_AFTER_DAYS)
    FollowUp.objects.filter(pk=follow_up.pk).update(recorded_at=_at(recorded_on, 10))
    return follow_up


def _follow_ups(units, today) -> int:
    heads = {
        u.username: u
        for u in User.objects.filter(
            username__in=[HEAD_LOGIN, VILLAGE_HEAD_LOGIN], employee__isnull=False
        ).select_related("employee")
    }
    head, village_head = heads.get(HEAD_LOGIN), heads.get(VILLAGE_HEAD_LOGIN)
    if head is None:
        return 0
    cutoff = rules.follow_up_cutoff(today, follow_up_days())
    due_gatherings = Activity.objects.filter(
        subtree_q(units["JB-KMB"]),
        form__code=GATHERING,
        status=Activity.Status.VERIFIED,
        started_at__lt=_at(cutoff, 0),
    ).order_by("started_at", "pk")
    oldest = due_gatherings.first()
    # (recorder, kind, subject pk, employee)
    plan = []
    if oldest is not None:
        attendees = (
            activity_participations()
            .filter(activity=oldest)
            .select_related("employee__unit")
            .order_by("employee_id")
        )
        office = [
            a.employee
            for a in attendees
            if a.employee.unit_id == units["JB-KMB"].pk and a.employee != head.employee
        ]
        plan += [(head, ACTIVITY, oldest.pk, e) for e in office[:4]]
    if village_head is not None:
        # The oldest due gathering a technical staff member of the village unit
        # attended (which gathering that is depends on the day the demo is seeded).
        crew = (
            activity_participations()
            .filter(
                activity__in=due_gatherings,
                employee__unit=units["JB-KMB-MU"],
                employee__position_type__code="staf-teknis",
            )
            .exclude(employee=village_head.employee)
            .select_related("employee")
            .order_by("activity__started_at", "activity_id", "employee_id")
            .first()
        )
        if crew is not None:
            plan.append((village_head, ACTIVITY, crew.activity_id, crew.employee))
    orientation = (
        Nomination.objects.filter(
            program__title=CPNS_ORIENTATION,
            program__ends_on__lte=cutoff,
            state=Nomination.State.APPROVED,
            outcome=Nomination.Outcome.COMPLETED,
            employee__unit=units["JB-KMB"],
        )
        .exclude(employee=head.employee)
        .select_related("employee")
        .order_by("employee_id")
        .first()
    )
    if orientation is not None:
        plan.append((head, PROGRAM, orientation.program_id, orientation.employee))
    made = 0
    for number, (user, kind, pk, employee) in enumerate(plan):
        made += _follow_up(user, kind, pk, employee, today, number) is not None
    return made


def seed(out, context: DemoContext) -> None:
    units = context.units
    if "JB-KMB" not in units or "JB-KMB-MU" not in units:
        return
    today = timezone.localdate()
    reactions = _reactions(units)
    follow_ups = _follow_ups(units, today)
    out.write(
        f"Evaluasi pelatihan: {reactions} survei reaksi, "
        f"{follow_ups} tindak lanjut baru."
    )
