"""Evaluation of development (Kirkpatrick levels 1 and 3): the reaction survey a
participant answers once a BPSDM program or an internal activity has ended, and
the on-the-job follow-up a head records about an employee three months after a
completion, per dimension the program or activity develops.

Each row names exactly one of a program or an activity (a database check). Writes
go through ``evaluations.services``; reads and scoping through
``evaluations.selectors``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models.results import ChangeSums

SCALE = [MinValueValidator(1), MaxValueValidator(5)]
# Exactly one subject: a program or an activity.
ONE_SUBJECT = Q(program__isnull=False, activity__isnull=True) | Q(
    program__isnull=True, activity__isnull=False
)


def _scale_ok(field: str) -> Q:
    return Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


class Reaction(models.Model):
    """Level 1: one participant's answers about one program or activity."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="reactions",
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reactions",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("kegiatan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reactions",
    )
    relevance = models.PositiveSmallIntegerField(
        _("relevan dengan pekerjaan"), validators=SCALE
    )
    usefulness = models.PositiveSmallIntegerField(_("bermanfaat"), validators=SCALE)
    facilitator = models.PositiveSmallIntegerField(
        _("kualitas fasilitator"), validators=SCALE
    )
    recommend = models.PositiveSmallIntegerField(
        _("akan merekomendasikan"), validators=SCALE
    )
    comment = models.TextField(_("komentar"), blank=True)
    submitted_at = models.DateTimeField(_("diisi"), default=timezone.now)

    class Meta:
        verbose_name = _("survei reaksi")
        verbose_name_plural = _("survei reaksi")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=ONE_SUBJECT, name="reaction_one_subject"),
            models.UniqueConstraint(
                fields=["employee", "program"],
                condition=Q(program__isnull=False),
                name="reaction_once_per_program",
            ),
            models.UniqueConstraint(
                fields=["employee", "activity"],
                condition=Q(activity__isnull=False),
                name="reaction_once_per_activity",
            ),
            models.CheckConstraint(
                condition=_scale_ok("relevance")
                & _scale_ok("usefulness")
                & _scale_ok("facilitator")
                & _scale_ok("recommend"),
                name="reaction_items_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.program_id or self.activity_id}"


class FollowUp(models.Model):
    """Level 3: what the employee's head observed on the job, three months after
    the employee completed a program or took part in an activity."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="training_follow_ups",
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("kegiatan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("dicatat"), default=timezone.now)

    class Meta:
        verbose_name = _("tindak lanjut di tempat kerja")
        verbose_name_plural = _("tindak lanjut di tempat kerja")
        ordering = ["-recorded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=ONE_SUBJECT, name="follow_up_one_subject"),
            models.UniqueConstraint(
                fields=["employee", "program"],
                condition=Q(program__isnull=False),
                name="follow_up_once_per_program",
            ),
            models.UniqueConstraint(
                fields=["employee", "activity"],
                condition=Q(activity__isnull=False),
                name="follow_up_once_per_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.program_id or self.activity_id}"


class Observation(models.Model):
    """The behaviour observed on one dimension, read against the behavioural
    indicators of the standard."""

    class Outcome(models.TextChoices):
        NOT_SEEN = "not_seen", _("Tidak terlihat")
        PARTLY = "partly", _("Sebagian")
        CONSISTENT = "consistent", _("Konsisten")

    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="observations"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension",
        verbose_name=_("dimensi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("perilaku"), max_length=10, choices=Outcome.choices)

    class Meta:
        verbose_name = _("pengamatan perilaku")
        verbose_name_plural = _("pengamatan perilaku")
        ordering = ["follow_up", "dimension__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "dimension"], name="observation_once_per_dim"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=["not_seen", "partly", "consistent"]),
                name="observation_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follow_up_id}/{self.dimension_id}: {self.outcome}"


class ProgramChange(ChangeSums):
    """Per program, unit and active flag: the program's participants (approved
    nominations not marked "not completed", ``selectors.program_participations``,
    one per person) and their change in level since the program's start day —
    current level (``assessments.LatestLevel``) minus the released level in
    force on ``starts_on`` — per dimension numbered 1–6 (``counted_<n>`` people
    with both levels, ``change_<n>`` the sum): what the effectiveness report
    compares per program, a few rows per program instead of every participant's
    results. The unit and active flag are the employee's current ones.

    Rewritten by ``evaluations.rollups.program_changes_refresh`` in the writer's
    transaction: the nomination services (the program × the nominee's unit), a
    change of the program's start day (the program), and
    ``assessments.rollups.level_history_refresh`` (released levels, moves and
    (de)activations: the units). ``rebuild_rollups [--check]`` recomputes it."""

    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey("people.Unit", on_delete=models.CASCADE, related_name="+")
    active = models.BooleanField(_("aktif"))
    people = models.PositiveIntegerField(_("peserta"))

    class Meta:
        verbose_name = _("perubahan level peserta program")
        verbose_name_plural = _("perubahan level peserta program")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "unit", "active"], name="program_change_uq"
            ),
            models.CheckConstraint(
                condition=Q(people__gt=0), name="program_change_people_pos"
            ),
        ]
        indexes = [models.Index(fields=["unit"])]

    def __str__(self) -> str:
        return f"{self.program_id} {self.unit_id} {self.active}: {self.people}"


class DueFollowUpDay(models.Model):
    """Per unit, kind of participation and completion day: how many
    participations completed that day by the employees placed in the unit now
    still have no follow-up recorded (``selectors.due_programs`` / ``due_activities``: a
    program nomination approved with outcome "lulus / selesai", ending on the
    program's end date; a present attendance of a verified activity of an
    evaluated form, on the activity's day); no row when none. Active or not
    alike, as the queue shows them.

    The follow-up queue counts and locates its page from these rows (a few per
    unit and day) instead of counting and sorting every due follow-up of the
    head's subtree: ``selectors.FollowUpQueue``.

    Rewritten by ``evaluations.rollups.due_follow_ups_refresh`` in the writer's
    transaction (the units locked): the activity services (the activity's day
    in its attendees' units), the nomination services (the program's end day in
    the nominee's unit), a new end day (``programs.services.program_update``),
    a follow-up recorded (``evaluations.services.follow_up_record``) and
    employee moves (``people.services``: every day of both units).
    ``rebuild_rollups [--check]`` recomputes it."""

    class Kind(models.TextChoices):
        # The kinds of ``evaluations.selectors`` (PROGRAM, ACTIVITY).
        PROGRAM = "program", _("program")
        ACTIVITY = "kegiatan", _("kegiatan")

    # Led by the unique index below: no separate foreign-key index.
    unit = models.ForeignKey(
        "people.Unit", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    completed_on = models.DateField(_("selesai"))
    outstanding = models.PositiveIntegerField(_("belum ditindaklanjuti"))

    class Meta:
        verbose_name = _("tindak lanjut belum dicatat per hari")
        verbose_name_plural = _("tindak lanjut belum dicatat per hari")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "completed_on"], name="due_follow_up_day_uq"
            ),
            models.CheckConstraint(
                condition=Q(outstanding__gt=0), name="due_follow_up_day_pos"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["program", "kegiatan"]),
                name="due_follow_up_day_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.kind} {self.completed_on}: {self.outstanding}"
