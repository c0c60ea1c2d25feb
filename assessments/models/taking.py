"""Test windows, attempts with the server clock, answers, supervisor ratings."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from assessments.models.bank import SCORE_VALIDATORS, Instrument, Item, ItemOption


class TestWindow(models.Model):
    """An instrument scheduled for a set of employees between two moments."""

    __test__ = False  # not a pytest class

    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrumen"),
        on_delete=models.PROTECT,
        related_name="windows",
    )
    title = models.CharField(_("judul"), max_length=200)
    opens_at = models.DateTimeField(_("dibuka"))
    closes_at = models.DateTimeField(_("ditutup"))
    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong: dijadwalkan BPSDM untuk pegawai mana pun."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jadwal uji")
        verbose_name_plural = _("jadwal uji")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="window_closes_after"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Attempt(models.Model):
    """One employee's sitting of a window: the assignment and, once started, the
    server-side clock. ``deadline`` = min(started_at + time limit, closes_at)."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Belum dimulai")
        STARTED = "started", _("Sedang dikerjakan")
        SUBMITTED = "submitted", _("Selesai")

    window = models.ForeignKey(
        TestWindow, on_delete=models.CASCADE, related_name="attempts"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="assessment_attempts",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASSIGNED
    )
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    deadline = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("diserahkan"), null=True, blank=True)
    auto_submitted = models.BooleanField(
        _("diserahkan otomatis (waktu habis)"), default=False
    )
    # The page of the test last saved: reopening the test resumes there.
    last_page = models.PositiveSmallIntegerField(_("halaman terakhir"), default=1)

    class Meta:
        verbose_name = _("peserta uji")
        verbose_name_plural = _("peserta uji")
        ordering = ["window", "employee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["window", "employee"], name="attempt_window_employee_uq"
            ),
            models.CheckConstraint(
                condition=Q(status="assigned")
                | Q(started_at__isnull=False, deadline__isnull=False),
                name="attempt_started_has_clock",
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False),
                name="attempt_submitted_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.window_id}/{self.employee_id}"


class Answer(models.Model):
    """One saved answer (autosaved on every change). ``value`` is 1–5: the chosen
    point of the agreement scale, or the order of the chosen situational option."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(
        ItemOption, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item"], name="answer_item_uq"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=5), name="answer_value_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.item_id}: {self.value}"


class SupervisorRating(models.Model):
    """The unit head's rating of a dimension (1–5): the optional second source."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="supervisor_ratings"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.PROTECT, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("penilaian atasan"), validators=SCORE_VALIDATORS
    )
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("penilaian atasan")
        verbose_name_plural = _("penilaian atasan")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "dimension"], name="supervisor_rating_uq"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="supervisor_rating_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.dimension_id}: {self.rating}"
