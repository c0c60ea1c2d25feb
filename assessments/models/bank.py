"""The item bank and versioned instruments with per-dimension thresholds."""

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
    min_answered_percent = models.PositiveSmallIntegerField(
        _("jawaban minimal per dimensi (%)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Bagian butir suatu dimensi yang harus dijawab agar dimensi itu diberi "
            "level (dibulatkan ke atas); di bawahnya: bukti belum cukup. Dapat "
            "diganti per dimensi pada ambang level."
        ),
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
            models.CheckConstraint(
                condition=Q(min_answered_percent__gte=1, min_answered_percent__lte=100),
                name="instrument_min_answered_percent_1_100",
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
    min_answered = models.PositiveSmallIntegerField(
        _("butir dijawab minimal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Kosong: sesuai persentase instrumen. Di bawah jumlah ini dimensi "
            "tidak diberi level (bukti belum cukup)."
        ),
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
            models.CheckConstraint(
                condition=Q(min_answered__isnull=True) | Q(min_answered__gte=1),
                name="threshold_min_answered_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id}/{self.dimension_id}"

    @property
    def cuts(self) -> tuple:
        return (self.min_level_2, self.min_level_3, self.min_level_4, self.min_level_5)
