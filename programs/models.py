"""BPSDM's external development: program offerings of the external forms,
nominations and their decisions within capacity, completion with the certificate
(STTPP), the PNS–private exchange, and the units' data submissions.

Writes go through ``programs.services``; reads and scoping through
``programs.selectors``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sosiokultural.formatting import day

STATUS_CHOICES = [
    ("PNS", _("PNS")),
    ("CPNS", _("CPNS")),
    ("PPPK", _("PPPK")),
    ("NON_ASN", _("Non-ASN (PHL)")),
]


class Program(models.Model):
    """One offering of an external development form (e.g. "Diklat Komunikasi
    angkatan II 2025") with its dates, JP, seats and eligibility."""

    class Mode(models.TextChoices):
        CLASSICAL = "klasikal", _("Klasikal")
        ELEARNING = "e-learning", _("E-learning")
        BLENDED = "blended", _("Blended")

    title = models.CharField(_("judul"), max_length=200)
    form = models.ForeignKey(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        on_delete=models.PROTECT,
        related_name="programs",
        limit_choices_to={"provider": "external"},
    )
    dimensions = models.ManyToManyField(
        "competencies.Dimension",
        verbose_name=_("dimensi yang dikembangkan"),
        related_name="programs",
        blank=True,
    )
    mode = models.CharField(_("moda"), max_length=12, choices=Mode.choices)
    description = models.TextField(_("deskripsi"), blank=True)
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    jp = models.DecimalField(_("JP"), max_digits=5, decimal_places=2)
    capacity = models.PositiveIntegerField(
        _("kapasitas (kursi)"), null=True, blank=True
    )
    unlimited_seats = models.BooleanField(
        _("tanpa batas kursi"),
        default=False,
        help_text=_("Misalnya e-learning yang terbuka bagi semua pegawai."),
    )
    certificate_issuer = models.CharField(
        _("penerbit STTPP"), max_length=200, default="BPSDM Provinsi DKI Jakarta"
    )
    registration_opens_on = models.DateField(_("pendaftaran dibuka"))
    registration_closes_on = models.DateField(_("pendaftaran ditutup"))
    eligible_position_types = models.ManyToManyField(
        "people.PositionType",
        verbose_name=_("jabatan yang boleh ikut"),
        related_name="+",
        blank=True,
        help_text=_("Kosongkan bila semua jabatan boleh ikut."),
    )
    # A short list of Employee.Status codes; empty = every status.
    eligible_statuses = models.JSONField(
        _("status kepegawaian yang boleh ikut"), default=list, blank=True
    )
    location = models.CharField(_("lokasi"), max_length=200, blank=True)
    link = models.URLField(_("tautan kelas daring"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("program BPSDM")
        verbose_name_plural = _("program BPSDM")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="program_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_on__gte=F("registration_opens_on")),
                name="program_registration_ordered",
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_on__lte=F("ends_on")),
                name="program_registration_before_end",
            ),
            models.CheckConstraint(
                condition=Q(unlimited_seats=True, capacity__isnull=True)
                | Q(unlimited_seats=False, capacity__gte=1, capacity__lte=10_000),
                name="program_capacity_bounded",
            ),
            models.CheckConstraint(condition=Q(jp__gt=0), name="program_jp_positive"),
            models.CheckConstraint(
                condition=Q(mode__in=["klasikal", "e-learning", "blended"]),
                name="program_mode_valid",
            ),
        ]
        indexes = [models.Index(fields=["starts_on"])]

    def __str__(self) -> str:
        return self.title

    def registration_open_on(self, day) -> bool:
        return self.registration_opens_on <= day <= self.registration_closes_on

    @property
    def eligible_status_labels(self) -> list[str]:
        labels = dict(STATUS_CHOICES)
        return [str(labels.get(code, code)) for code in self.eligible_statuses]

    @property
    def seats_left(self) -> int | None:
        """Free seats (``None``: no seat limit); uses the ``approved_count``
        annotation of the selectors when present (no extra query)."""
        if self.unlimited_seats:
            return None
        approved = getattr(self, "approved_count", None)
        if approved is None:
            approved = self.nominations.filter(state=Nomination.State.APPROVED).count()
        return max(0, self.capacity - approved)


class Nomination(models.Model):
    """A seat asked for one employee in one program.

    ``requested`` (by the employee) or ``nominated`` (by a unit head) → BPSDM
    ``approved`` / ``rejected`` (with a reason) / ``waitlisted``; any live state may
    be ``withdrawn``. After the program BPSDM records the outcome (completion).
    """

    class State(models.TextChoices):
        REQUESTED = "requested", _("Diajukan pegawai")
        NOMINATED = "nominated", _("Diusulkan kepala unit")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")
        WAITLISTED = "waitlisted", _("Daftar tunggu")
        WITHDRAWN = "withdrawn", _("Ditarik")

    class Outcome(models.TextChoices):
        COMPLETED = "completed", _("Lulus / selesai")
        NOT_COMPLETED = "not_completed", _("Tidak selesai")

    PENDING = (State.REQUESTED, State.NOMINATED, State.WAITLISTED)
    CLOSED = (State.REJECTED, State.WITHDRAWN)

    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    state = models.CharField(_("status"), max_length=10, choices=State.choices)
    reason = models.TextField(_("alasan"))
    dimension = models.ForeignKey(
        "competencies.Dimension",
        verbose_name=_("dimensi dengan kesenjangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diusulkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decision_note = models.TextField(_("alasan keputusan"), blank=True)
    # FIFO order of the wait list.
    waitlisted_at = models.DateTimeField(
        _("masuk daftar tunggu"), null=True, blank=True
    )
    withdrawn_at = models.DateTimeField(_("ditarik"), null=True, blank=True)
    # Completion (after the program).
    outcome = models.CharField(
        _("hasil"), max_length=14, choices=Outcome.choices, blank=True
    )
    attendance_percent = models.PositiveSmallIntegerField(
        _("kehadiran (%)"), null=True, blank=True
    )
    score = models.DecimalField(
        _("nilai"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    certificate_number = models.CharField(_("nomor STTPP"), max_length=100, blank=True)
    # Copied from the program when the outcome is recorded: an STTPP number is
    # unique per issuer (a database constraint).
    certificate_issuer = models.CharField(
        _("penerbit STTPP"), max_length=200, blank=True
    )
    certificate_file = models.FileField(
        _("berkas STTPP"), upload_to="programs/certificates/%Y/", blank=True
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("dicatat"), null=True, blank=True)

    class Meta:
        verbose_name = _("usulan peserta")
        verbose_name_plural = _("usulan peserta")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One live nomination per employee and program; rejected and withdrawn
            # ones stay as history and do not block a new request.
            models.UniqueConstraint(
                fields=["program", "employee"],
                condition=~Q(state__in=["rejected", "withdrawn"]),
                name="nomination_active_unique",
            ),
            models.UniqueConstraint(
                fields=["certificate_issuer", "certificate_number"],
                condition=~Q(certificate_number="") & ~Q(certificate_issuer=""),
                name="nomination_certificate_unique_per_issuer",
            ),
            models.CheckConstraint(
                condition=Q(
                    state__in=[
                        "requested",
                        "nominated",
                        "approved",
                        "rejected",
                        "waitlisted",
                        "withdrawn",
                    ]
                ),
                name="nomination_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(decision_note=""),
                name="nomination_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(state="approved"),
                name="nomination_outcome_only_approved",
            ),
            models.CheckConstraint(
                condition=Q(attendance_percent__isnull=True)
                | Q(attendance_percent__lte=100),
                name="nomination_attendance_0_100",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="nomination_score_0_100",
            ),
        ]
        indexes = [
            models.Index(fields=["program", "state"]),
            models.Index(fields=["state", "waitlisted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.program}"

    @property
    def is_pending(self) -> bool:
        return self.state in self.PENDING

    @property
    def is_live(self) -> bool:
        return self.state not in self.CLOSED

    @property
    def can_withdraw(self) -> bool:
        return self.is_live and not self.outcome

    @property
    def source_key(self) -> str:
        """Key of this nomination's credit in the JP ledger."""
        return f"program-nomination:{self.pk}"


class Exchange(models.Model):
    """Pertukaran PNS–Pegawai Swasta: a placement at a private partner for at
    most one year, with the employee's learning report."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="exchanges",
    )
    partner = models.CharField(_("organisasi mitra"), max_length=200)
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    learning_report = models.TextField(_("laporan pembelajaran"), blank=True)
    report_file = models.FileField(
        _("berkas laporan"), upload_to="programs/exchanges/%Y/", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("pertukaran PNS–pegawai swasta")
        verbose_name_plural = _("pertukaran PNS–pegawai swasta")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            # The one-year ceiling needs calendar arithmetic (29 February), so it
            # is checked by ``programs.rules.exchange_date_errors``; the order is
            # also guaranteed here.
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="exchange_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.partner}"

    def clean(self) -> None:
        from programs.rules import exchange_date_errors

        errors = exchange_date_errors(self.starts_on, self.ends_on)
        if errors:
            raise ValidationError({"ends_on": errors})


class Submission(models.Model):
    """A unit's competency and training profile sent to BPSDM: a dated snapshot.

    ``dimensions`` lists the dimension columns ([code, name] pairs) as they were;
    ``rows`` holds one dict per employee (see ``programs.snapshot``). Later changes
    to people or assessments never alter a submission.
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Menunggu tanggapan BPSDM")
        ACKNOWLEDGED = "acknowledged", _("Diterima BPSDM")
        RETURNED = "returned", _("Dikembalikan")

    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    as_of = models.DateField(_("keadaan per tanggal"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikirim oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("dikirim"), auto_now_add=True)
    employee_count = models.PositiveIntegerField(_("jumlah pegawai"))
    dimensions = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    # BPSDM's answer: acknowledged, or returned with a reason (the unit then sends
    # a new submission; the returned one stays as it was sent).
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SENT
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditanggapi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    return_reason = models.TextField(_("alasan dikembalikan"), blank=True)

    class Meta:
        verbose_name = _("kiriman data unit")
        verbose_name_plural = _("kiriman data unit")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["unit", "-submitted_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["sent", "acknowledged", "returned"]),
                name="submission_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""),
                name="submission_returned_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status="sent") | Q(reviewed_at__isnull=False),
                name="submission_reviewed_when_answered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({day(self.as_of)})"
