from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.models.results import ChangeSums
from ledger import rules


class JPEntry(models.Model):
    """One credit of development time to one employee: the single JP ledger.

    Internal activities (verified, per present attendee) and completed external
    programs both write here through ``ledger.services``; ``source_key`` names the
    origin ("activity:12", "program-completion:7") so re-crediting is an upsert.
    Minutes are stored, not JP: JP are derived once from the summed minutes (see
    ``ledger.jp``), so rounding never accumulates. Each entry keeps the minutes per
    JP of the rule in force on its date for the employee's status when it was
    credited, so a later rule never changes a past total.
    """

    class Source(models.TextChoices):
        INTERNAL = "internal", _("Pengembangan internal")
        EXTERNAL = "external", _("Program eksternal BPSDM")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="jp_entries"
    )
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices)
    source_key = models.CharField(max_length=80)
    form = models.ForeignKey(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    occurred_on = models.DateField(_("tanggal"))
    minutes = models.DecimalField(_("menit"), max_digits=9, decimal_places=2)
    minutes_per_jp = models.PositiveSmallIntegerField(_("menit per JP"))
    description = models.CharField(_("keterangan"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entri JP")
        verbose_name_plural = _("buku JP")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "source_key"], name="jp_entry_unique_source"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="jp_entry_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes_per_jp__gt=0),
                name="jp_entry_minutes_per_jp_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "occurred_on"]),
            # The API's ``?year=`` over every employee's entries: a range scan
            # (its pages follow the primary key, see ``api.pagination``).
            models.Index(fields=["occurred_on"], name="jp_entry_day"),
            # Every credit of one activity or nomination (``jp_credit_set``,
            # ``jp_credit_clear``): the unique key above leads with the employee.
            models.Index(fields=["source_key"], name="jp_entry_source"),
        ]

    def __str__(self) -> str:
        return self.description


STATUS_CHOICES = [
    ("PNS", _("PNS")),
    ("CPNS", _("CPNS")),
    ("PPPK", _("PPPK")),
    ("NON_ASN", _("Non-ASN (PHL)")),
]


class JPRule(models.Model):
    """One version of the JP rule of one employment status (see ``ledger.rules``).

    Versions are never edited once in force: a change is a new version with its
    own effective date, so reports of a past year keep the rule then in force.
    """

    class Kind(models.TextChoices):
        MINIMUM = rules.MINIMUM, _("Minimal")
        CAP = rules.CAP, _("Batas atas")
        NONE = rules.NONE, _("Tanpa ketentuan")

    class Basis(models.TextChoices):
        CALENDAR = rules.CALENDAR, _("Tahun kalender")
        CONTRACT = rules.CONTRACT, _("Tahun kontrak")

    employment_status = models.CharField(
        _("status kepegawaian"), max_length=8, choices=STATUS_CHOICES
    )
    effective_from = models.DateField(_("berlaku mulai"))
    kind = models.CharField(_("jenis ketentuan"), max_length=8, choices=Kind.choices)
    jp = models.DecimalField(
        _("jumlah JP"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    basis = models.CharField(
        _("dihitung per"), max_length=8, choices=Basis.choices, default=rules.CALENDAR
    )
    minutes_per_jp = models.PositiveSmallIntegerField(_("menit per JP"))
    legal_basis = models.CharField(_("dasar hukum"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aturan JP")
        verbose_name_plural = _("aturan JP")
        ordering = ["employment_status", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_status", "effective_from"],
                name="jp_rule_one_per_status_and_day",
            ),
            models.CheckConstraint(
                condition=(Q(kind=rules.NONE) & Q(jp__isnull=True))
                | (
                    Q(kind__in=[rules.MINIMUM, rules.CAP])
                    & Q(jp__gt=0)
                    & Q(jp__lte=1000)
                ),
                name="jp_rule_amount_matches_kind",
            ),
            models.CheckConstraint(
                condition=Q(minutes_per_jp__gte=1) & Q(minutes_per_jp__lte=600),
                name="jp_rule_minutes_per_jp_range",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[rules.MINIMUM, rules.CAP, rules.NONE]),
                name="jp_rule_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(basis__in=[rules.CALENDAR, rules.CONTRACT]),
                name="jp_rule_basis_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employment_status} {self.effective_from}"

    def terms(self) -> rules.Terms:
        return rules.Terms(
            status=self.employment_status,
            effective_from=self.effective_from,
            kind=self.kind,
            jp=self.jp,
            basis=self.basis,
            minutes_per_jp=self.minutes_per_jp,
        )


class JPTotal(models.Model):
    """Roll-up of the ledger: an employee's minutes and JP in one counting window
    (a calendar year; for an employee with a contract, also each contract year).

    Written only by ``ledger.services`` in the transaction that changes the
    entries (or the contract dates), so it always equals a recomputation from
    ``JPEntry`` (``rebuild_rollups --check`` compares them). Windows without
    entries have no row (a total of zero).
    """

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="jp_totals"
    )
    basis = models.CharField(max_length=8, choices=JPRule.Basis.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()
    minutes = models.DecimalField(max_digits=12, decimal_places=2)
    jp = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("total JP")
        verbose_name_plural = _("total JP")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "basis", "starts_on"],
                name="jp_total_one_per_window",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="jp_total_window_ordered",
            ),
            models.CheckConstraint(
                condition=Q(minutes__gt=0), name="jp_total_positive"
            ),
        ]
        indexes = [models.Index(fields=["basis", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.basis} {self.starts_on}: {self.jp}"


class FormYearEntries(models.Model):
    """How many ledger entries of one source and development form an employee
    has in a calendar year — for internal activities, the verified activities of
    that form they were present at; what the training effectiveness report counts
    and pools per form, one row per person instead of their entries. Written
    only by ``ledger.services`` with ``JPTotal``, in the transaction that changes
    the entries; entries without a form are not counted; no row when none."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    source = models.CharField(
        _("sumber"), max_length=10, choices=JPEntry.Source.choices
    )
    form = models.ForeignKey(
        "competencies.DevelopmentForm", on_delete=models.CASCADE, related_name="+"
    )
    entries = models.PositiveIntegerField(_("entri"))

    class Meta:
        verbose_name = _("entri JP per bentuk dan tahun")
        verbose_name_plural = _("entri JP per bentuk dan tahun")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "year", "source", "form"],
                name="form_year_entries_uq",
            ),
            models.CheckConstraint(
                condition=Q(entries__gt=0), name="form_year_entries_pos"
            ),
        ]
        indexes = [models.Index(fields=["year", "source", "form"])]

    def __str__(self) -> str:
        key = f"{self.employee_id} {self.year} {self.source} {self.form_id}"
        return f"{key}: {self.entries}"


class FormYearChange(ChangeSums):
    """Per unit, calendar year, internal development form and active flag: the
    people with ``FormYearEntries`` of that form in the year (``people``, and
    their ``entries``), and their change in level since 1 January of the year
    (``assessments.YearStartChange``) summed per dimension numbered 1–6
    (``counted_<n>`` people with a change on it, ``change_<n>`` its sum) — what
    the training effectiveness report pools per form for a whole province in a
    few hundred rows instead of every participant. The unit and active flag are
    the employee's current ones.

    Rewritten per unit (``ledger.rollups.form_year_changes_refresh``) by the
    writers of its three sources, in their transaction: the ledger's entries
    (``ledger.services``), the released levels and the employee moves (both
    through ``assessments.rollups.level_history_refresh``).
    ``rebuild_rollups [--check]`` recomputes it. Only internal entries."""

    unit = models.ForeignKey("people.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    form = models.ForeignKey(
        "competencies.DevelopmentForm", on_delete=models.CASCADE, related_name="+"
    )
    active = models.BooleanField(_("aktif"))
    people = models.PositiveIntegerField(_("pegawai"))
    entries = models.PositiveIntegerField(_("entri"))

    class Meta:
        verbose_name = _("perubahan level peserta per bentuk dan tahun")
        verbose_name_plural = _("perubahan level peserta per bentuk dan tahun")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "form", "active"],
                name="form_year_change_uq",
            ),
            models.CheckConstraint(
                condition=Q(people__gt=0), name="form_year_change_people_pos"
            ),
        ]
        indexes = [models.Index(fields=["year", "form"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year} {self.form_id} {self.active}: {self.people}"
