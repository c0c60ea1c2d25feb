"""Internal development activities run by the units (paper, "pengembangan internal"):
briefing, coaching, pendekatan personal, gathering, benchmarking, pengembangan diri.

One ``Activity`` row per held activity carries what every form shares (unit, start,
duration, facilitator, attendance, dimensions, evidence, who recorded it and the
verification state); a one-to-one detail row holds what only one form needs.
Verified activities credit JP to present attendees through ``ledger.services``.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# One working day; a longer activity is recorded as several days' activities.
MAX_DURATION_MINUTES = 480

FORM_BRIEFING = "briefing"
FORM_COACHING = "coaching"
FORM_PERSONAL = "pendekatan-personal"
FORM_GATHERING = "gathering"
FORM_BENCHMARKING = "benchmarking"
FORM_SELF = "pengembangan-diri"
INTERNAL_FORMS = [
    FORM_BRIEFING,
    FORM_COACHING,
    FORM_PERSONAL,
    FORM_GATHERING,
    FORM_BENCHMARKING,
    FORM_SELF,
]


class Activity(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Menunggu verifikasi")
        VERIFIED = "verified", _("Terverifikasi")
        REJECTED = "rejected", _("Ditolak")

    form = models.ForeignKey(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        on_delete=models.PROTECT,
        limit_choices_to={"provider": "internal"},
        related_name="activities",
    )
    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    started_at = models.DateTimeField(_("waktu mulai"))
    duration_minutes = models.PositiveSmallIntegerField(_("durasi (menit)"))
    facilitator = models.ForeignKey(
        "people.Employee",
        verbose_name=_("fasilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_activities",
    )
    summary = models.TextField(_("ringkasan"), blank=True)
    dimensions = models.ManyToManyField(
        "competencies.Dimension",
        verbose_name=_("dimensi yang dikembangkan"),
        blank=True,
        related_name="activities",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.PROTECT,
        related_name="recorded_activities",
    )
    recorded_at = models.DateTimeField(_("dicatat pada"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verified_activities",
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True)

    class Meta:
        verbose_name = _("kegiatan pengembangan internal")
        verbose_name_plural = _("kegiatan pengembangan internal")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0)
                & Q(duration_minutes__lte=MAX_DURATION_MINUTES),
                name="activity_duration_one_working_day",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "verified", "rejected"]),
                name="activity_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="verified")
                | Q(verified_by__isnull=False, verified_at__isnull=False),
                name="activity_verified_has_verifier",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="activity_rejected_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "started_at"]),
            models.Index(fields=["status", "unit"]),
            # The list's order: a page is the first rows of this index.
            models.Index(fields=["-started_at", "-id"], name="activity_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.form} · {timezone.localtime(self.started_at):%d-%m-%Y %H:%M}"

    @property
    def ended_at(self):
        return self.started_at + timedelta(minutes=self.duration_minutes)

    @property
    def source_key(self) -> str:
        """The key of this activity's credits in the JP ledger."""
        return f"activity:{self.pk}"

    @property
    def is_personal(self) -> bool:
        return self.form.code == FORM_PERSONAL

    @property
    def counts(self) -> bool:
        return self.status == self.Status.VERIFIED


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Hadir")
        EXCUSED = "excused", _("Izin")
        ABSENT = "absent", _("Tidak hadir")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="attendances"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    status = models.CharField(
        _("kehadiran"), max_length=8, choices=Status.choices, default=Status.PRESENT
    )

    class Meta:
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        ordering = ["employee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "employee"], name="attendance_unique_employee"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["present", "excused", "absent"]),
                name="attendance_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["employee", "status"])]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.status}"


class BriefingDetail(models.Model):
    class Agenda(models.TextChoices):
        RULE_CHANGE = "rule_change", _("Perubahan aturan")
        COMPLAINT = "complaint_evaluation", _("Evaluasi pengaduan")
        SETIA = "setia_motivation", _("Motivasi SETIA")
        OTHER = "other", _("Lainnya")

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, primary_key=True, related_name="briefing"
    )
    agenda_kind = models.CharField(_("agenda"), max_length=24, choices=Agenda.choices)

    class Meta:
        verbose_name = _("rincian briefing")
        verbose_name_plural = _("rincian briefing")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    agenda_kind__in=[
                        "rule_change",
                        "complaint_evaluation",
                        "setia_motivation",
                        "other",
                    ]
                ),
                name="briefing_agenda_valid",
            )
        ]

    def __str__(self) -> str:
        return self.get_agenda_kind_display()


class Coaching(models.Model):
    """A coaching engagement: one coach, one coachee, a goal; its sessions are
    activities (``CoachingSession``), each verified and credited on its own."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Berjalan")
        COMPLETED = "completed", _("Selesai")
        STOPPED = "stopped", _("Dihentikan")

    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="coachings",
    )
    coach = models.ForeignKey(
        "people.Employee",
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coachings_given",
    )
    coachee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("coachee"),
        on_delete=models.PROTECT,
        related_name="coachings_received",
    )
    goal = models.TextField(_("tujuan coaching"))
    dimensions = models.ManyToManyField(
        "competencies.Dimension",
        verbose_name=_("dimensi"),
        blank=True,
        related_name="coachings",
    )
    started_on = models.DateField(_("mulai"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("coaching")
        verbose_name_plural = _("coaching")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(coach=F("coachee")), name="coaching_coach_not_coachee"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["active", "completed", "stopped"]),
                name="coaching_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coach} → {self.coachee}"


class CoachingSession(models.Model):
    activity = models.OneToOneField(
        Activity,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="coaching_session",
    )
    coaching = models.ForeignKey(
        Coaching, on_delete=models.PROTECT, related_name="sessions"
    )
    agreed_actions = models.TextField(_("tindak lanjut yang disepakati"), blank=True)
    due_on = models.DateField(_("tenggat tindak lanjut"), null=True, blank=True)

    class Meta:
        verbose_name = _("sesi coaching")
        verbose_name_plural = _("sesi coaching")

    def __str__(self) -> str:
        return f"{self.coaching} #{self.pk}"


class GatheringDetail(models.Model):
    class Kind(models.TextChoices):
        OUTBOUND = "outbound", _("Outbound")
        GAMES = "games", _("Permainan kelompok")
        SPORT = "sport", _("Olahraga bersama")
        MEAL = "meal", _("Makan bersama")
        DISCUSSION = "discussion", _("Diskusi/sharing")
        RECREATION = "recreation", _("Rekreasi")
        OTHER = "other", _("Lainnya")

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, primary_key=True, related_name="gathering"
    )
    event = models.CharField(_("nama acara"), max_length=200)
    kinds = models.JSONField(_("bentuk kegiatan"), default=list, blank=True)
    location = models.CharField(_("lokasi"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("rincian gathering")
        verbose_name_plural = _("rincian gathering")

    def __str__(self) -> str:
        return self.event

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(self.Kind.choices)
        return [str(labels.get(k, k)) for k in self.kinds]


class BenchmarkingDetail(models.Model):
    class HostType(models.TextChoices):
        INTERNAL = "internal_unit", _("Unit internal DPMPTSP")
        AGENCY = "other_agency", _("Instansi lain")
        ABROAD = "abroad", _("Luar negeri")

    activity = models.OneToOneField(
        Activity,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="benchmarking",
    )
    host_type = models.CharField(
        _("jenis tuan rumah"), max_length=14, choices=HostType.choices
    )
    host_name = models.CharField(_("nama tuan rumah"), max_length=200)
    host_unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit tuan rumah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    findings = models.TextField(_("temuan"))
    practices_adopted = models.TextField(_("praktik yang diadopsi"), blank=True)

    class Meta:
        verbose_name = _("rincian benchmarking")
        verbose_name_plural = _("rincian benchmarking")
        constraints = [
            models.CheckConstraint(
                condition=Q(host_type__in=["internal_unit", "other_agency", "abroad"]),
                name="benchmarking_host_type_valid",
            )
        ]

    def __str__(self) -> str:
        return self.host_name


class SelfDevelopmentDetail(models.Model):
    class StudyKind(models.TextChoices):
        COURSE = "course", _("Kursus/pelatihan mandiri")
        CASES = "service_cases", _("Kasus pelayanan")
        PROCEDURES = "procedures", _("Prosedur dan dasar hukum")
        OTHER = "other", _("Lainnya")

    activity = models.OneToOneField(
        Activity,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="self_development",
    )
    study_kind = models.CharField(
        _("yang dipelajari"), max_length=14, choices=StudyKind.choices
    )
    topic = models.CharField(_("topik"), max_length=200)
    source = models.CharField(
        _("sumber belajar"),
        max_length=300,
        blank=True,
        help_text=_("Mis. alamat situs internal pelayanan atau nama kursus."),
    )

    class Meta:
        verbose_name = _("rincian pengembangan diri")
        verbose_name_plural = _("rincian pengembangan diri")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    study_kind__in=["course", "service_cases", "procedures", "other"]
                ),
                name="self_development_kind_valid",
            )
        ]

    def __str__(self) -> str:
        return self.topic


class PersonalNote(models.Model):
    """The private notes of a pendekatan personal. Readable ONLY by the head who
    wrote them and the employee concerned (``activities.selectors.
    personal_note_for``): never by other staff or heads, BPSDM, administrators,
    lists, exports or the admin site."""

    activity = models.OneToOneField(
        Activity,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="personal_note",
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("catatan pribadi"))

    class Meta:
        verbose_name = _("catatan pendekatan personal")
        verbose_name_plural = _("catatan pendekatan personal")

    def __str__(self) -> str:
        # Never the text: this may end up in logs or admin messages.
        return f"{self._meta.verbose_name} #{self.pk}"


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    # A random name: the original is kept in ``original_name`` and files are only
    # served through the scoped download view.
    name = f"{uuid.uuid4().hex}.{instance.kind}"
    return f"activities/evidence/{instance.activity_id}/{name}"


class Evidence(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("berkas"), upload_to=evidence_upload_to, max_length=200)
    original_name = models.CharField(_("nama berkas"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=4)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bukti kegiatan")
        verbose_name_plural = _("bukti kegiatan")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["pdf", "jpg", "png", "docx", "xlsx"]),
                name="evidence_kind_allowed",
            ),
            models.CheckConstraint(
                condition=Q(size__lte=5 * 1024 * 1024), name="evidence_max_5mb"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name
