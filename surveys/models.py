"""Service-quality surveys (Survei Kepuasan Masyarakat → IKM, PermenPANRB 14/2017).

A questionnaire is data: an ``ElementSet`` with its ``Element`` rows (the regulation's
nine elements, DKI's local nine of the paper's Table 2, or any other). A ``Survey`` is
one unit's survey of one quarter with one set, either

- ``responses``: raw answers, one ``Response`` per respondent and one ``Answer`` per
  element, from which NRR and IKM are computed (``surveys.ikm``); or
- ``reported``: aggregates copied from a report (element scores on the 25–100 scale
  and the reported total) when the raw answers are not available. These are shown as
  reported and never recomputed: Table 2's TOTAL (85.55) is not the mean of its rows
  (82.77), so neither is derived from the other.

Answers are stored one row per answer rather than as a JSON document per
respondent: the database then enforces 1–4 and one answer per element, and NRR of
any number of surveys is one ``GROUP BY`` with exact integer sums, instead of loading
every respondent into Python.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sosiokultural.periods import Period


class ElementSet(models.Model):
    """A questionnaire: the list of service elements (unsur pelayanan) asked."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    is_default = models.BooleanField(
        _("bawaan"),
        default=False,
        help_text=_("Dipakai bila impor tidak menyebut kuesioner."),
    )

    class Meta:
        verbose_name = _("kuesioner IKM")
        verbose_name_plural = _("kuesioner IKM")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="element_set_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Element(models.Model):
    """One element (unsur) of a questionnaire; ``code`` is the column header of the
    import file."""

    element_set = models.ForeignKey(
        ElementSet, on_delete=models.CASCADE, related_name="elements"
    )
    code = models.SlugField(_("kode (judul kolom)"), max_length=40)
    name = models.CharField(_("nama unsur"), max_length=200)
    order = models.PositiveSmallIntegerField(_("urutan"))
    sociocultural = models.BooleanField(
        _("terkait kompetensi sosiokultural"),
        default=False,
        help_text=_(
            "Unsur yang menurut kajian dipengaruhi sikap petugas dalam memberi "
            "informasi dan menangani pengaduan (mis. info/pengaduan, persyaratan)."
        ),
    )

    class Meta:
        verbose_name = _("unsur pelayanan")
        verbose_name_plural = _("unsur pelayanan")
        ordering = ["element_set", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["element_set", "code"], name="element_unique_code"
            ),
            models.UniqueConstraint(
                fields=["element_set", "order"], name="element_unique_order"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Survey(models.Model):
    class Kind(models.TextChoices):
        RESPONSES = "responses", _("Dihitung dari jawaban responden")
        REPORTED = "reported", _("Nilai dilaporkan")

    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"))
    element_set = models.ForeignKey(
        ElementSet,
        verbose_name=_("kuesioner"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    kind = models.CharField(_("sumber nilai"), max_length=10, choices=Kind.choices)
    population = models.PositiveIntegerField(
        _("jumlah pemohon/populasi"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Jumlah pemohon layanan dalam periode survei (mis. 175 pemohon per hari × "
            "hari layanan), dasar jumlah sampel minimum Krejcie–Morgan."
        ),
    )
    reported_total = models.DecimalField(
        _("IKM dilaporkan"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(25), MaxValueValidator(100)],
    )
    reported_respondents = models.PositiveIntegerField(
        _("jumlah responden dilaporkan"), null=True, blank=True
    )
    # Respondents of a computed survey (0 for a reported one), written with them.
    response_count = models.PositiveIntegerField(
        _("jumlah responden terimpor"), default=0, editable=False
    )
    source = models.CharField(
        _("sumber data"),
        max_length=300,
        blank=True,
        help_text=_("Mis. laporan SKM triwulan, nama berkas impor."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("survei IKM")
        verbose_name_plural = _("survei IKM")
        ordering = ["-year", "-quarter", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "quarter"], name="survey_unique_unit_period"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4),
                name="survey_quarter_1_4",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["responses", "reported"]),
                name="survey_kind_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="reported",
                        reported_total__isnull=False,
                        reported_total__gte=25,
                        reported_total__lte=100,
                    )
                    | Q(
                        kind="responses",
                        reported_total__isnull=True,
                        reported_respondents__isnull=True,
                    )
                ),
                name="survey_reported_total_only_when_reported",
            ),
        ]
        indexes = [models.Index(fields=["year", "quarter"])]

    def __str__(self) -> str:
        return f"{self.unit} {self.period}"

    @property
    def period(self) -> Period:
        return Period(self.year, self.quarter)

    @property
    def is_reported(self) -> bool:
        return self.kind == self.Kind.REPORTED


class ReportedScore(models.Model):
    """An element score as a report gives it (25–100 scale), stored as reported."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="reported_scores"
    )
    element = models.ForeignKey(
        Element, on_delete=models.PROTECT, related_name="reported_scores"
    )
    score = models.DecimalField(
        _("nilai dilaporkan"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(25), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("nilai unsur dilaporkan")
        verbose_name_plural = _("nilai unsur dilaporkan")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "element"], name="reported_score_unique"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=25, score__lte=100),
                name="reported_score_25_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element}: {self.score}"


class Response(models.Model):
    """One respondent of a survey, with the optional respondent columns."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses"
    )
    row = models.PositiveIntegerField(_("baris berkas"))
    gender = models.CharField(_("jenis kelamin"), max_length=1, blank=True)
    age = models.PositiveSmallIntegerField(_("umur"), null=True, blank=True)
    education = models.CharField(_("pendidikan"), max_length=60, blank=True)
    service_type = models.CharField(_("jenis layanan"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("responden")
        verbose_name_plural = _("responden")
        ordering = ["survey", "row"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "row"], name="response_row"),
            models.CheckConstraint(
                condition=Q(gender__in=["", "L", "P"]), name="response_gender_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.row}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    element = models.ForeignKey(
        Element, on_delete=models.PROTECT, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(_("jawaban"))

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "element"], name="answer_one_per_element"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=4), name="answer_value_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element_id}={self.value}"


class ElementTotal(models.Model):
    """The answers of one element of a computed survey, summed: what the IKM is
    computed from (``surveys.selectors.survey_results``) without reading every
    answer. Written only by the import service in the transaction that writes the
    answers (``surveys.services.survey_import_responses``; answers are never
    edited, a correction is a re-import); ``rebuild_rollups [--check]``
    recomputes it (``surveys.rollups``)."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="element_totals"
    )
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="+")
    total = models.PositiveIntegerField(_("jumlah nilai jawaban"))
    answers = models.PositiveIntegerField(_("jumlah jawaban"))

    class Meta:
        verbose_name = _("jumlah jawaban per unsur")
        verbose_name_plural = _("jumlah jawaban per unsur")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "element"], name="element_total_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.element_id}: {self.total}/{self.answers}"


class FollowUp(models.Model):
    """A follow-up action (tindak lanjut) of a survey's weak element: what will be
    done, by whom, by when, and the evidence once it is done; linked to the
    development activity or program when the cause is staff behaviour."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Direncanakan")
        IN_PROGRESS = "in_progress", _("Berjalan")
        DONE = "done", _("Selesai")

    survey = models.ForeignKey(
        Survey,
        verbose_name=_("survei"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    element = models.ForeignKey(
        Element, verbose_name=_("unsur"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("tindak lanjut"), max_length=500)
    staff_behaviour = models.BooleanField(
        _("penyebabnya perilaku petugas"), default=False
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("kegiatan pengembangan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program BPSDM"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner = models.ForeignKey(
        "people.Employee",
        verbose_name=_("penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    done_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    evidence = models.CharField(_("bukti"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tindak lanjut IKM")
        verbose_name_plural = _("tindak lanjut IKM")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="done") & Q(done_on__isnull=False))
                | (~Q(status="done") & Q(done_on__isnull=True)),
                name="followup_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.action


class Publication(models.Model):
    """Where a survey's results were published (PEKPPP asks for the channels)."""

    class Channel(models.TextChoices):
        WEBSITE = "website", _("Situs web")
        SOCIAL = "social", _("Media sosial")
        BOARD = "board", _("Papan informasi di lokasi layanan")
        PRINT = "print", _("Media cetak")
        OTHER = "other", _("Lainnya")

    survey = models.ForeignKey(
        Survey,
        verbose_name=_("survei"),
        on_delete=models.CASCADE,
        related_name="publications",
    )
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices)
    published_on = models.DateField(_("tanggal publikasi"))
    location = models.CharField(
        _("alamat atau tempat"),
        max_length=300,
        blank=True,
        help_text=_("Tautan atau tempat pengumuman."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("publikasi hasil IKM")
        verbose_name_plural = _("publikasi hasil IKM")
        ordering = ["published_on", "pk"]

    def __str__(self) -> str:
        return f"{self.survey} · {self.get_channel_display()}"
