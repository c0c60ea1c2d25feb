"""The competency framework: the six sociocultural dimensions (PKP2A II LAN), the
1–5 proficiency scale, behavioural indicators, the required level per position type
(versioned by effective date), and the catalogue of development forms with the
dimension ↔ form matrix of the paper's Tables 4 and 5.

The forms and matrix live here, with the standard, because both are edited by the
standard's owner (BPSDM) and read together; ``programs`` holds BPSDM's concrete
offerings of the external forms.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from competencies.standards import NO_POSITIVE_WEIGHT, WEIGHT_PLACES
from sosiokultural.formatting import day, number

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


def in_language(text: str, text_en: str) -> str:
    """``text_en`` when the UI speaks English and it is filled in, else ``text``."""
    if (get_language() or "id").startswith("en") and text_en:
        return text_en
    return text


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a multi-line field (one list item per line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class BilingualName(models.Model):
    name = models.CharField(_("nama"), max_length=200)
    name_en = models.CharField(_("nama (Inggris)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the active UI language."""
        return in_language(self.name, self.name_en)


class Dimension(BilingualName):
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    description = models.TextField(_("deskripsi"), blank=True)
    description_en = models.TextField(_("deskripsi (Inggris)"), blank=True)

    class Meta:
        verbose_name = _("dimensi")
        verbose_name_plural = _("dimensi")
        ordering = ["number"]

    @property
    def description_label(self) -> str:
        return in_language(self.description, self.description_en)


class ProficiencyLevel(BilingualName):
    """The 1–5 scale (PermenPANRB 38/2017, "Perekat Bangsa")."""

    level = models.PositiveSmallIntegerField(
        _("level"), unique=True, validators=LEVEL_VALIDATORS
    )
    description = models.TextField(_("deskripsi"), blank=True)
    description_en = models.TextField(_("deskripsi (Inggris)"), blank=True)

    class Meta:
        verbose_name = _("level kemahiran")
        verbose_name_plural = _("level kemahiran")
        ordering = ["level"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="proficiency_level_1_5"
            )
        ]

    @property
    def description_label(self) -> str:
        return in_language(self.description, self.description_en)


class Indicator(models.Model):
    """A behavioural indicator of a dimension at a level (data BPSDM edits)."""

    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="indicators"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    text = models.TextField(_("indikator perilaku"))
    text_en = models.TextField(_("indikator perilaku (Inggris)"), blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("indikator perilaku")
        verbose_name_plural = _("indikator perilaku")
        ordering = ["dimension__number", "level", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="indicator_level_1_5"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text_label(self) -> str:
        return in_language(self.text, self.text_en)


class Standard(models.Model):
    """A version of the required levels, in force from ``effective_from`` until the
    next version starts. Reports use the version in force on their reference date,
    so a new standard never rewrites past reports."""

    name = models.CharField(_("nama"), max_length=200)
    effective_from = models.DateField(_("berlaku mulai"), unique=True)
    notes = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("standar kompetensi")
        verbose_name_plural = _("standar kompetensi")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.name} ({day(self.effective_from)})"

    def is_locked(self, today) -> bool:
        """A version that has come into force is history: reports of its dates
        depend on it, so it is never edited again (a new version replaces it)."""
        return self.effective_from <= today


#: The 360 rater groups a version may weight: the values and labels of
#: ``multirater.models.Relation`` (self, head, peer, staff), in its order.
RATER_GROUP_LABELS = {
    "self": _("Diri sendiri"),
    "head": _("Atasan"),
    "peer": _("Rekan kerja"),
    "staff": _("Bawahan"),
}
RATER_GROUPS = tuple(RATER_GROUP_LABELS)


def weight_text(value) -> str:
    """A weight as people read it: no trailing zeros ("2", "0,5", "1,25")."""
    places = max(0, -Decimal(value).normalize().as_tuple().exponent)
    return number(value, min(places, WEIGHT_PLACES))


NEGATIVE_WEIGHT = _("Bobot tidak boleh negatif.")


def _weight_field(label):
    return models.DecimalField(
        label,
        max_digits=5,  # up to WEIGHT_MAX, 999.99
        decimal_places=WEIGHT_PLACES,
        validators=[MinValueValidator(0, message=NEGATIVE_WEIGHT)],
    )


class RaterGroupWeights(models.Model):
    """How a version of the standard combines the 360 rater groups into one
    weighted score per dimension: a weight per group (0 leaves a group out).

    Part of the version it belongs to, so it is versioned with it: a round reads
    the weights of the version in force on its quarter's last day, and a version
    without them combines nothing. The weighted score is a figure of its own
    beside the groups' means; the assessed (test) level never depends on it."""

    standard = models.OneToOneField(
        Standard,
        verbose_name=_("standar kompetensi"),
        on_delete=models.CASCADE,
        related_name="rater_weights",
    )
    self_weight = _weight_field(_("bobot diri sendiri"))
    head_weight = _weight_field(_("bobot atasan"))
    peer_weight = _weight_field(_("bobot rekan kerja"))
    staff_weight = _weight_field(_("bobot bawahan"))

    class Meta:
        verbose_name = _("bobot kelompok penilai 360")
        verbose_name_plural = _("bobot kelompok penilai 360")
        constraints = [
            models.CheckConstraint(
                condition=Q(self_weight__gte=0)
                & Q(head_weight__gte=0)
                & Q(peer_weight__gte=0)
                & Q(staff_weight__gte=0),
                name="rater_weights_not_negative",
                violation_error_message=NEGATIVE_WEIGHT,
            ),
            # With none negative, some weight above 0 is a sum above 0.
            models.CheckConstraint(
                condition=Q(self_weight__gt=0)
                | Q(head_weight__gt=0)
                | Q(peer_weight__gt=0)
                | Q(staff_weight__gt=0),
                name="rater_weights_some_positive",
                violation_error_message=NO_POSITIVE_WEIGHT,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard_id}: " + " / ".join(
            str(w) for w in self.by_group().values()
        )

    def by_group(self) -> dict[str, Decimal]:
        """{group: weight} in the order of ``RATER_GROUPS``."""
        return {group: getattr(self, f"{group}_weight") for group in RATER_GROUPS}

    def rows(self) -> list[tuple[str, str]]:
        """(group label, weight as read) of every group, for pages."""
        return [
            (RATER_GROUP_LABELS[group], weight_text(weight))
            for group, weight in self.by_group().items()
        ]


class RequiredLevel(models.Model):
    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="required_levels"
    )
    position_type = models.ForeignKey(
        "people.PositionType", on_delete=models.PROTECT, related_name="required_levels"
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="required_levels"
    )
    level = models.PositiveSmallIntegerField(
        _("level yang dipersyaratkan"), validators=LEVEL_VALIDATORS
    )

    class Meta:
        verbose_name = _("level yang dipersyaratkan")
        verbose_name_plural = _("level yang dipersyaratkan")
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "position_type", "dimension"],
                name="required_level_unique",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="required_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position_type_id}/{self.dimension_id}: {self.level}"


class DevelopmentForm(BilingualName):
    """A form of competency development (Perlan 10/2018), internal or external."""

    class Provider(models.TextChoices):
        INTERNAL = "internal", _("Internal (dilaksanakan unit)")
        EXTERNAL = "external", _("Eksternal (dilaksanakan BPSDM)")

    class Classification(models.TextChoices):
        CLASSICAL = "classical", _("Klasikal")
        NON_CLASSICAL = "non_classical", _("Nonklasikal")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    provider = models.CharField(
        _("penyelenggara"), max_length=10, choices=Provider.choices
    )
    classification = models.CharField(
        _("klasifikasi LAN"), max_length=14, choices=Classification.choices
    )
    description = models.TextField(_("deskripsi"), blank=True)
    description_en = models.TextField(_("deskripsi (Inggris)"), blank=True)
    # Default JP rule: credit the actual minutes attended (internal forms), or a
    # fixed number of JP for a completed offering (external forms), editable per
    # program.
    default_jp = models.DecimalField(
        _("JP bawaan"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Kosong: JP dihitung dari durasi kehadiran (1 JP = 45 menit)."),
    )
    default_minutes = models.PositiveIntegerField(
        _("durasi bawaan (menit)"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    dimensions = models.ManyToManyField(
        Dimension, through="FormDimension", related_name="forms"
    )

    class Meta:
        verbose_name = _("bentuk pengembangan")
        verbose_name_plural = _("bentuk pengembangan")
        ordering = ["provider", "order"]

    @property
    def description_label(self) -> str:
        return in_language(self.description, self.description_en)

    @property
    def is_internal(self) -> bool:
        return self.provider == self.Provider.INTERNAL


class FormDimension(models.Model):
    """A cell of the matrix: this form develops this dimension, with the expected
    profile ("Profil yang Diharapkan") the paper gives for it."""

    form = models.ForeignKey(
        DevelopmentForm, on_delete=models.CASCADE, related_name="links"
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="links"
    )
    # One expected outcome per line, as the paper lists them.
    expected_profile = models.TextField(_("profil yang diharapkan"), blank=True)
    expected_profile_en = models.TextField(
        _("profil yang diharapkan (Inggris)"), blank=True
    )

    class Meta:
        verbose_name = _("sel matriks")
        verbose_name_plural = _("matriks dimensi ↔ bentuk pengembangan")
        ordering = ["dimension__number", "form__provider", "form__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "dimension"],
                name="form_dimension_unique",
                violation_error_message=_(
                    "Bentuk pengembangan ini sudah terhubung dengan dimensi tersebut."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension} ↔ {self.form}"

    @property
    def profile_items(self) -> list[str]:
        """The expected profile in the UI language, one item per line."""
        return text_lines(in_language(self.expected_profile, self.expected_profile_en))


class SetiaValue(BilingualName):
    """A value of DPMPTSP's SETIA culture (Solusi, Empati, Tegas, Inovasi, Andal)
    and the dimensions of the standard that put it into practice."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    description = models.TextField(_("deskripsi"), blank=True)
    description_en = models.TextField(_("deskripsi (Inggris)"), blank=True)
    dimensions = models.ManyToManyField(
        Dimension,
        verbose_name=_("dimensi yang didukung"),
        related_name="setia_values",
        blank=True,
    )

    class Meta:
        verbose_name = _("nilai SETIA")
        verbose_name_plural = _("nilai SETIA")
        ordering = ["order", "pk"]

    @property
    def description_label(self) -> str:
        return in_language(self.description, self.description_en)
