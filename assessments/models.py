"""Competency tests (uji kompetensi): the item bank, versioned instruments with
per-dimension thresholds, test windows, attempts with server-side answers, results
per dimension, the audited re-score, and ``LatestLevel`` — the roll-up of every
employee's current level per dimension that reports read in one query.

Rules live in ``assessments.services`` (writes) and ``assessments.scoring`` (pure
scoring); the models only hold data and the database constraints.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


def _in_english() -> bool:
    return (get_language() or "id").startswith("en")


class Item(models.Model):
    """A question of the bank. Situational items have 4–5 scored options; Likert
    and personality items are answered on the fixed 1–5 agreement scale."""

    class Kind(models.TextChoices):
        SITUATIONAL = "situational", _("Penilaian situasional")
        LIKERT = "likert", _("Penilaian diri (Likert)")
        PERSONALITY = "personality", _("Kepribadian")

    class Trait(models.TextChoices):
        # Big Five; reported separately, never used for a competency level.
        OPENNESS = "keterbukaan", _("Keterbukaan terhadap pengalaman")
        CONSCIENTIOUSNESS = "kehati-hatian", _("Kehati-hatian (kesungguhan)")
        EXTRAVERSION = "ekstraversi", _("Ekstraversi")
        AGREEABLENESS = "keramahan", _("Keramahan (kemudahan bekerja sama)")
        STABILITY = "stabilitas-emosi", _("Stabilitas emosi")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    kind = models.CharField(_("jenis butir"), max_length=12, choices=Kind.choices)
    dimension = models.ForeignKey(
        "competencies.Dimension",
        verbose_name=_("dimensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessment_items",
    )
    trait = models.CharField(
        _("aspek kepribadian"), max_length=20, choices=Trait.choices, blank=True
    )
    stem = models.TextField(_("pernyataan / skenario"))
    stem_en = models.TextField(_("pernyataan / skenario (Inggris)"), blank=True)
    reverse_keyed = models.BooleanField(
        _("skor terbalik"),
        default=False,
        help_text=_("Jawaban 5 dinilai 1, jawaban 1 dinilai 5 (6 − jawaban)."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("revisi dari"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("butir soal")
        verbose_name_plural = _("bank soal")
        ordering = ["dimension__number", "kind", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=["situational", "likert"],
                    dimension__isnull=False,
                    trait="",
                )
                | (Q(kind="personality", dimension__isnull=True) & ~Q(trait="")),
                name="item_kind_target",
            ),
            models.CheckConstraint(
                condition=~Q(kind="situational", reverse_keyed=True),
                name="item_situational_not_reversed",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def text(self) -> str:
        return self.stem_en if _in_english() and self.stem_en else self.stem

    @property
    def uses_options(self) -> bool:
        return self.kind == self.Kind.SITUATIONAL


class ItemOption(models.Model):
    """An answer option of a situational item and the score it is worth (1–5)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(_("urutan"))
    text = models.TextField(_("pilihan jawaban"))
    text_en = models.TextField(_("pilihan jawaban (Inggris)"), blank=True)
    score = models.PositiveSmallIntegerField(_("skor"), validators=SCORE_VALIDATORS)

    class Meta:
        verbose_name = _("pilihan jawaban")
        verbose_name_plural = _("pilihan jawaban")
        ordering = ["item", "order"]
        constraints = [
            models.UniqueConstraint(fields=["item", "order"], name="option_order_uq"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="option_score_1_5"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.text_en if _in_english() and self.text_en else self.text


class Instrument(models.Model):
    """One version of a test. A published version is frozen: editing it makes a
    new draft version (``instrument_revise``), so a result always points at the
    exact items, thresholds and weights it was scored with."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        PUBLISHED = "published", _("Terbit")
        RETIRED = "retired", _("Ditarik")

    code = models.SlugField(_("kode"), max_length=40)
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    name = models.CharField(_("nama"), max_length=200)
    name_en = models.CharField(_("nama (Inggris)"), max_length=200, blank=True)
    description = models.TextField(_("petunjuk"), blank=True)
    description_en = models.TextField(_("petunjuk (Inggris)"), blank=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"), validators=[MinValueValidator(1)]
    )
    test_weight = models.PositiveSmallIntegerField(
        _("bobot tes (%)"),
        default=70,
        validators=[MaxValueValidator(100)],
        help_text=_("Bobot skor tes bila ada penilaian atasan."),
    )
    supervisor_weight = models.PositiveSmallIntegerField(
        _("bobot penilaian atasan (%)"),
        default=30,
        validators=[MaxValueValidator(100)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    items = models.ManyToManyField(Item, through="InstrumentItem", related_name="+")
    previous = models.ForeignKey(
        "self",
        verbose_name=_("versi sebelumnya"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_versions",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("instrumen")
        verbose_name_plural = _("instrumen")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"], name="instrument_code_version_uq"
            ),
            models.CheckConstraint(
                condition=Q(test_weight__lte=100)
                & Q(test_weight=100 - F("supervisor_weight")),
                name="instrument_weights_sum_100",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="instrument_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} v{self.version}"

    @property
    def label(self) -> str:
        return self.name_en if _in_english() and self.name_en else self.name

    @property
    def is_frozen(self) -> bool:
        return self.status != self.Status.DRAFT


class InstrumentItem(models.Model):
    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="instrument_items"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        verbose_name = _("butir instrumen")
        verbose_name_plural = _("butir instrumen")
        ordering = ["instrument", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "item"], name="instrument_item_uq"
            ),
            models.UniqueConstraint(
                fields=["instrument", "order"], name="instrument_item_order_uq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id}#{self.order}: {self.item_id}"


class Threshold(models.Model):
    """Cut-offs of one dimension in one instrument: a score ≥ ``min_level_k`` is
    level k (the highest such k); below ``min_level_2`` is level 1."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="thresholds"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.PROTECT, related_name="+"
    )
    min_level_2 = models.DecimalField(
        _("skor minimal level 2"), max_digits=3, decimal_places=2
    )
    min_level_3 = models.DecimalField(
        _("skor minimal level 3"), max_digits=3, decimal_places=2
    )
    min_level_4 = models.DecimalField(
        _("skor minimal level 4"), max_digits=3, decimal_places=2
    )
    min_level_5 = models.DecimalField(
        _("skor minimal level 5"), max_digits=3, decimal_places=2
    )

    class Meta:
        verbose_name = _("ambang level")
        verbose_name_plural = _("ambang level")
        ordering = ["instrument", "dimension__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "dimension"], name="threshold_dimension_uq"
            ),
            models.CheckConstraint(
                condition=Q(min_level_2__gt=1)
                & Q(min_level_2__lte=F("min_level_3"))
                & Q(min_level_3__lte=F("min_level_4"))
                & Q(min_level_4__lte=F("min_level_5"))
                & Q(min_level_5__lte=5),
                name="threshold_ordered_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id}/{self.dimension_id}"

    @property
    def cuts(self) -> tuple:
        return (self.min_level_2, self.min_level_3, self.min_level_4, self.min_level_5)


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


class Result(models.Model):
    """The scored outcome of an attempt: one per attempt (a database guarantee, so
    a double submit cannot make two). Immutable once released, except through the
    audited ``result_rescore``."""

    class Status(models.TextChoices):
        SCORED = "scored", _("Dinilai, belum dirilis")
        RELEASED = "released", _("Dirilis")

    attempt = models.OneToOneField(
        Attempt, on_delete=models.PROTECT, related_name="result"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="assessment_results",
    )
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrumen penilaian"),
        on_delete=models.PROTECT,
        related_name="results",
    )
    assessed_on = models.DateField(_("tanggal uji"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCORED
    )
    scored_at = models.DateTimeField(_("dinilai"))
    released_at = models.DateTimeField(_("dirilis"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.PositiveSmallIntegerField(_("revisi"), default=0)

    class Meta:
        verbose_name = _("hasil uji")
        verbose_name_plural = _("hasil uji")
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="scored") | Q(released_at__isnull=False),
                name="result_released_has_date",
            )
        ]
        indexes = [models.Index(fields=["employee", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.employee} · {self.assessed_on:%d-%m-%Y}"

    @property
    def is_released(self) -> bool:
        return self.status == self.Status.RELEASED


class DimensionResult(models.Model):
    """A result's score and level on one dimension: the history across rounds.
    ``score`` is the combined score the level was read from."""

    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="dimension_results"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.PROTECT, related_name="+"
    )
    test_score = models.DecimalField(_("skor tes"), max_digits=3, decimal_places=2)
    supervisor_rating = models.PositiveSmallIntegerField(
        _("penilaian atasan"), null=True, blank=True
    )
    score = models.DecimalField(_("skor gabungan"), max_digits=3, decimal_places=2)
    level = models.PositiveSmallIntegerField(_("level"), validators=SCORE_VALIDATORS)

    class Meta:
        verbose_name = _("hasil per dimensi")
        verbose_name_plural = _("hasil per dimensi")
        ordering = ["result", "dimension__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["result", "dimension"], name="dimension_result_uq"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="dimension_result_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.result_id}/{self.dimension_id}: {self.level}"


class PersonalityScore(models.Model):
    """Mean score of a personality trait: reported apart from the levels."""

    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="personality_scores"
    )
    trait = models.CharField(_("aspek"), max_length=20, choices=Item.Trait.choices)
    score = models.DecimalField(_("skor"), max_digits=3, decimal_places=2)

    class Meta:
        verbose_name = _("skor kepribadian")
        verbose_name_plural = _("skor kepribadian")
        ordering = ["result", "trait"]
        constraints = [
            models.UniqueConstraint(fields=["result", "trait"], name="personality_uq")
        ]

    def __str__(self) -> str:
        return f"{self.result_id}/{self.trait}: {self.score}"


class Rescore(models.Model):
    """The audit row of a correction to a released result: who, when, why, and
    the per-dimension scores and levels before and after."""

    result = models.ForeignKey(
        Result, on_delete=models.PROTECT, related_name="rescores"
    )
    reason = models.TextField(_("alasan"))
    rescored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rescored_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    instrument_before = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="+"
    )
    instrument_after = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="+"
    )
    # {dimension_code: {"test_score": "3.25", "supervisor_rating": 4 | None,
    #                   "score": "3.48", "level": 3}}
    before = models.JSONField(_("sebelum"))
    after = models.JSONField(_("sesudah"))

    class Meta:
        verbose_name = _("skor ulang")
        verbose_name_plural = _("skor ulang")
        ordering = ["-rescored_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.result_id} @ {self.rescored_at:%Y-%m-%d %H:%M}"


class LatestLevel(models.Model):
    """Each employee's current level per dimension: the latest released result
    (by ``assessed_on``, then result id). Maintained by the release and re-score
    services so reports read current levels in one query."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="latest_levels"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=SCORE_VALIDATORS)
    assessed_on = models.DateField(_("tanggal uji"))
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("level terkini")
        verbose_name_plural = _("level terkini")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "dimension"], name="latest_level_uq"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="latest_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}/{self.dimension_id}: {self.level}"
