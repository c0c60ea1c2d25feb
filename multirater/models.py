"""Multi-rater feedback rounds (penilaian 360).

A round rates the employees of a unit (and its sub-units) for one quarter on the
dimensions of the competency standard. Who rates whom is an ``Assignment``; what
was answered is a ``Response`` with one ``Rating`` per dimension. A response
names the person rated and the rater's *group* (self, head, peer, staff), never
the rater: once submitted, nothing in the database ties an answer to the one who
gave it (the assignment only records that it was done). Results are read in
aggregate, per group, only where the group reaches the round's threshold
(``multirater.anonymity``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sosiokultural.periods import Period

#: Never fewer responses than this make a group's figures visible.
MIN_THRESHOLD = 3
MAX_THRESHOLD = 20


class Relation(models.TextChoices):
    SELF = "self", _("Diri sendiri")
    HEAD = "head", _("Atasan")
    PEER = "peer", _("Rekan kerja")
    STAFF = "staff", _("Bawahan")


#: The groups whose figures are shown only from the threshold on (not self).
OTHER_RELATIONS = (Relation.HEAD, Relation.PEER, Relation.STAFF)


class Round(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Berjalan")
        CLOSED = "closed", _("Ditutup")

    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="feedback_rounds",
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"))
    title = models.CharField(_("judul"), max_length=200)
    min_responses = models.PositiveSmallIntegerField(
        _("penilai minimum per kelompok"),
        default=MIN_THRESHOLD,
        validators=[
            MinValueValidator(MIN_THRESHOLD),
            MaxValueValidator(MAX_THRESHOLD),
        ],
        help_text=_(
            "Hasil sebuah kelompok penilai (atasan, rekan, bawahan) tampil hanya "
            "bila sekurang-kurangnya sebanyak ini yang menilai; paling sedikit 3."
        ),
    )
    standard = models.ForeignKey(
        "competencies.Standard",
        verbose_name=_("standar kompetensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        verbose_name = _("putaran penilaian 360")
        verbose_name_plural = _("putaran penilaian 360")
        ordering = ["-year", "-quarter", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_responses__gte=MIN_THRESHOLD)
                & Q(min_responses__lte=MAX_THRESHOLD),
                name="feedback_round_threshold_at_least_3",
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4),
                name="feedback_round_quarter_1_4",
            ),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status="closed", closed_at__isnull=False),
                name="feedback_round_closed_at_when_closed",
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.title} · {self.unit} {self.period}"

    @property
    def period(self) -> Period:
        return Period(self.year, self.quarter)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Assignment(models.Model):
    """``rater`` rates ``ratee`` in ``round`` as ``relation``; ``done`` once the
    answer is in (the answer itself is a ``Response`` without the rater)."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="assignments"
    )
    ratee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("dinilai"),
        on_delete=models.PROTECT,
        related_name="feedback_received",
    )
    rater = models.ForeignKey(
        "people.Employee",
        verbose_name=_("penilai"),
        on_delete=models.PROTECT,
        related_name="feedback_given",
    )
    relation = models.CharField(_("hubungan"), max_length=8, choices=Relation.choices)
    done = models.BooleanField(_("sudah menilai"), default=False)

    class Meta:
        verbose_name = _("penugasan penilai")
        verbose_name_plural = _("penugasan penilai")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "ratee", "rater"],
                name="feedback_assignment_once_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(relation__in=["self", "head", "peer", "staff"]),
                name="feedback_assignment_relation_valid",
            ),
            # Self exactly when the rater is the person rated.
            models.CheckConstraint(
                condition=(Q(relation="self") & Q(rater=F("ratee")))
                | (~Q(relation="self") & ~Q(rater=F("ratee"))),
                name="feedback_assignment_self_is_self",
            ),
        ]
        indexes = [
            models.Index(fields=["rater", "done"]),
            models.Index(fields=["round", "ratee"]),
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.ratee_id} ← {self.get_relation_display()}"


class Response(models.Model):
    """One submitted answer about ``ratee``: the rater's group, an optional
    comment, and a ``Rating`` per dimension. Deliberately without the rater and
    without a time (which could be matched with a login or an assignment)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    ratee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="+"
    )
    relation = models.CharField(max_length=8, choices=Relation.choices)
    comment = models.TextField(_("komentar"), blank=True)

    class Meta:
        verbose_name = _("jawaban penilaian 360")
        verbose_name_plural = _("jawaban penilaian 360")
        constraints = [
            models.CheckConstraint(
                condition=Q(relation__in=["self", "head", "peer", "staff"]),
                name="feedback_response_relation_valid",
            ),
        ]
        indexes = [models.Index(fields=["round", "ratee", "relation"])]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.ratee_id} ({self.get_relation_display()})"


class Rating(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="ratings"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("nilai dimensi 360")
        verbose_name_plural = _("nilai dimensi 360")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "dimension"],
                name="feedback_rating_once_per_dimension",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="feedback_rating_level_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response_id}: {self.dimension_id} = {self.level}"
