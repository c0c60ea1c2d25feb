"""Results per dimension, personality scores, the re-score audit and the
``LatestLevel`` roll-up."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from assessments.models.bank import SCORE_VALIDATORS, Instrument, Item
from assessments.models.taking import Attempt
from sosiokultural.formatting import day


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
        indexes = [
            models.Index(fields=["employee", "assessed_on"]),
            # The result list's order, unfiltered and by status: a page is the
            # first rows of an index scan, whatever the number of results.
            models.Index(fields=["-assessed_on", "-id"], name="result_recent"),
            models.Index(
                fields=["status", "-assessed_on", "-id"], name="result_status_recent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} · {day(self.assessed_on)}"

    @property
    def is_released(self) -> bool:
        return self.status == self.Status.RELEASED


class DimensionResult(models.Model):
    """A result's score and level on one dimension: the history across rounds.
    ``score`` is the combined score the level was read from. A dimension whose
    answered items are fewer than ``min_answered`` has no score and no level
    ("bukti belum cukup"): it never updates ``LatestLevel`` and has no validity
    interval.

    ``valid_from``/``valid_to`` is the interval in which this level is the
    employee's level on the dimension (``[valid_from, valid_to)``; ``valid_to``
    None = still in force): set only on released results with a level, by the
    release and re-score services (``assessments.services.release``) in their
    transaction, so "level on date D" is a range filter. A result superseded on
    its own test date by a later result has an empty interval (``valid_to ==
    valid_from``). Intervals of one employee × dimension never overlap: at most
    one open interval (all databases) and, on PostgreSQL, an exclusion
    constraint."""

    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="dimension_results"
    )
    # The result's employee, copied so the interval constraint can name it.
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.PROTECT, related_name="+"
    )
    test_score = models.DecimalField(
        _("skor tes"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    supervisor_rating = models.PositiveSmallIntegerField(
        _("penilaian atasan"), null=True, blank=True
    )
    score = models.DecimalField(
        _("skor gabungan"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=SCORE_VALIDATORS, null=True, blank=True
    )
    valid_from = models.DateField(_("berlaku sejak"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    # 0 items: a result stored without its answers (imported history).
    answered = models.PositiveSmallIntegerField(_("butir dijawab"), default=0)
    items = models.PositiveSmallIntegerField(_("butir dimensi"), default=0)
    min_answered = models.PositiveSmallIntegerField(
        _("butir dijawab minimal"), default=0
    )

    class Meta:
        verbose_name = _("hasil per dimensi")
        verbose_name_plural = _("hasil per dimensi")
        ordering = ["result", "dimension__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["result", "dimension"], name="dimension_result_uq"
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__gte=1, level__lte=5),
                name="dimension_result_1_5",
            ),
            models.CheckConstraint(
                condition=Q(answered__lte=F("items")),
                name="dimension_result_answered_of_items",
            ),
            # A level only from enough evidence.
            models.CheckConstraint(
                condition=Q(level__isnull=True)
                | Q(answered__gte=F("min_answered"), score__isnull=False),
                name="dimension_result_level_has_evidence",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=False, valid_to__gte=F("valid_from")),
                name="dimension_result_interval",
            ),
            models.UniqueConstraint(
                fields=["employee", "dimension"],
                condition=Q(valid_from__isnull=False, valid_to__isnull=True),
                name="dimension_result_one_open",
            ),
            # The non-overlap of closed intervals is an exclusion constraint on
            # PostgreSQL (migration 0003; SQLite has none).
        ]
        indexes = [
            models.Index(
                fields=["valid_from", "valid_to"], name="dimension_result_valid"
            ),
            models.Index(
                fields=["employee", "dimension", "valid_from"],
                name="dimension_result_emp_valid",
            ),
            # The few rows without a level, read by the reports' "bukti belum
            # cukup" counts.
            models.Index(
                fields=["dimension", "result"],
                condition=Q(level__isnull=True),
                name="dimres_no_level_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.result_id}/{self.dimension_id}: {self.level}"

    @property
    def has_level(self) -> bool:
        return self.level is not None


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


class UnitLevelCounts(models.Model):
    """The columns of a count of employees per unit × position type × dimension
    × level (``LevelCount``, ``LevelCountAt``)."""

    unit = models.ForeignKey("people.Unit", on_delete=models.CASCADE, related_name="+")
    position_type = models.ForeignKey(
        "people.PositionType", on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=SCORE_VALIDATORS)
    employees = models.PositiveIntegerField(_("pegawai"))

    class Meta:
        abstract = True


class LevelCount(UnitLevelCounts):
    """How many active employees of a unit and position type are at each level of
    a dimension now (their ``LatestLevel``): the roll-up the province aggregate
    reads. Rewritten per unit by ``assessments.rollups.level_counts_refresh``,
    which the services that change levels (release, re-score) or move employees
    (unit, position type, deactivation) call in their transaction."""

    class Meta:
        verbose_name = _("jumlah pegawai per level")
        verbose_name_plural = _("jumlah pegawai per level")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "position_type", "dimension", "level"],
                name="level_count_uq",
            ),
            models.CheckConstraint(
                condition=Q(employees__gt=0), name="level_count_pos"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.unit_id}/{self.position_type_id}/{self.dimension_id}"
            f"/{self.level}: {self.employees}"
        )


class LevelSnapshotDay(models.Model):
    """A past day (the end of a quarter the reports offer) whose level counts are
    kept in ``LevelCountAt``. Added by ``assessments.rollups.level_snapshots_ensure``
    (the daily task, the benchmark's builder); a report of a day without one reads
    the validity intervals instead — the same numbers, slower."""

    on = models.DateField(_("tanggal"), unique=True)

    class Meta:
        verbose_name = _("hari potret level")
        verbose_name_plural = _("hari potret level")

    def __str__(self) -> str:
        return self.on.isoformat()


class LevelCountAt(UnitLevelCounts):
    """``LevelCount`` as of a past day: how many active employees of a unit and
    position type (now) had each level of a dimension in force on ``on`` (the
    validity intervals of the released results), for every ``LevelSnapshotDay``.
    Rewritten per unit with ``LevelCount`` (a release, a re-score — a back-dated
    one moves past intervals — a move, a deactivation), so a past-quarter report
    reads a few rows per unit instead of every level in force then."""

    on = models.DateField(_("tanggal"))

    class Meta:
        verbose_name = _("jumlah pegawai per level pada suatu hari")
        verbose_name_plural = _("jumlah pegawai per level pada suatu hari")
        constraints = [
            models.UniqueConstraint(
                fields=["on", "unit", "position_type", "dimension", "level"],
                name="level_count_at_uq",
            ),
            models.CheckConstraint(
                condition=Q(employees__gt=0), name="level_count_at_pos"
            ),
        ]
        indexes = [models.Index(fields=["unit"], name="level_count_at_unit")]

    def __str__(self) -> str:
        return (
            f"{self.on} {self.unit_id}/{self.position_type_id}/{self.dimension_id}"
            f"/{self.level}: {self.employees}"
        )


# The profile columns: one per dimension number of the standard (its six).
PROFILE_NUMBERS = range(1, 7)
PROFILE_FIELDS = [f"level_{n}" for n in PROFILE_NUMBERS]


class LevelProfileCount(models.Model):
    """How many active employees of a unit and position type have exactly these
    current levels in the six dimensions (``level_<number>`` of the dimension
    numbered 1–6; 0 = no level): the roll-up program demand reads — "employees
    with a gap in at least one of these dimensions" is a distinct count per
    employee, which per-level counts cannot give. Rewritten per unit together with
    ``LevelCount`` (``assessments.rollups.level_counts_refresh``), so by the same
    writers in the same transaction. An employee without a level in any of the six
    has no row."""

    unit = models.ForeignKey("people.Unit", on_delete=models.CASCADE, related_name="+")
    position_type = models.ForeignKey(
        "people.PositionType", on_delete=models.CASCADE, related_name="+"
    )
    level_1 = models.PositiveSmallIntegerField(_("level dimensi 1"))
    level_2 = models.PositiveSmallIntegerField(_("level dimensi 2"))
    level_3 = models.PositiveSmallIntegerField(_("level dimensi 3"))
    level_4 = models.PositiveSmallIntegerField(_("level dimensi 4"))
    level_5 = models.PositiveSmallIntegerField(_("level dimensi 5"))
    level_6 = models.PositiveSmallIntegerField(_("level dimensi 6"))
    employees = models.PositiveIntegerField(_("pegawai"))

    class Meta:
        verbose_name = _("jumlah pegawai per profil level")
        verbose_name_plural = _("jumlah pegawai per profil level")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "position_type", *PROFILE_FIELDS],
                name="level_profile_uq",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": 5}), name=f"level_profile_{name}"
                )
                for name in PROFILE_FIELDS
            ),
            models.CheckConstraint(
                condition=Q(employees__gt=0), name="level_profile_pos"
            ),
        ]

    def __str__(self) -> str:
        levels = "".join(str(getattr(self, name)) for name in PROFILE_FIELDS)
        return f"{self.unit_id}/{self.position_type_id}/{levels}: {self.employees}"


class LevelChangeStep(models.Model):
    """What one date changes in "the active employees of a unit with a released
    level of a dimension in force, and their summed change from that level to
    their current one (``LatestLevel``)": on the first day of each validity
    interval (``DimensionResult.valid_from``) one employee more and the change
    ``current − that level``, on the day it ends (``valid_to``) one fewer and
    the change taken off. Summing the rows of a unit and dimension up to a date
    D gives how many of its active employees had a level in force on D and by
    how much they changed since — what the training effectiveness report
    compares — from a few rows per unit instead of every employee's history.
    Rewritten per unit with ``LevelCount`` (``assessments.rollups``), so by the
    same writers in the same transaction; a date whose steps cancel out has no
    row."""

    unit = models.ForeignKey("people.Unit", on_delete=models.CASCADE, related_name="+")
    dimension = models.ForeignKey(
        "competencies.Dimension", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("tanggal"))
    employees = models.IntegerField(_("perubahan jumlah pegawai"))
    change = models.IntegerField(_("perubahan jumlah selisih level"))

    class Meta:
        verbose_name = _("langkah perubahan level")
        verbose_name_plural = _("langkah perubahan level")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "dimension", "day"], name="level_change_step_uq"
            ),
            models.CheckConstraint(
                condition=~Q(employees=0) | ~Q(change=0), name="level_change_step_nz"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.unit_id}/{self.dimension_id}/{self.day}: "
            f"{self.employees:+d} {self.change:+d}"
        )


CHANGE_FIELDS = [f"change_{n}" for n in PROFILE_NUMBERS]
# Of the roll-ups that sum such changes over people (``ledger.FormYearChange``,
# ``evaluations.ProgramChange``): how many people have a change, beside the sum.
COUNTED_FIELDS = [f"counted_{n}" for n in PROFILE_NUMBERS]


class ChangeSums(models.Model):
    """The columns of a roll-up that sums changes in level over a group of
    people, per dimension numbered 1–6: ``counted_<n>`` people with a change on
    it, ``change_<n>`` the sum of their changes."""

    counted_1 = models.PositiveIntegerField(default=0)
    counted_2 = models.PositiveIntegerField(default=0)
    counted_3 = models.PositiveIntegerField(default=0)
    counted_4 = models.PositiveIntegerField(default=0)
    counted_5 = models.PositiveIntegerField(default=0)
    counted_6 = models.PositiveIntegerField(default=0)
    change_1 = models.IntegerField(default=0)
    change_2 = models.IntegerField(default=0)
    change_3 = models.IntegerField(default=0)
    change_4 = models.IntegerField(default=0)
    change_5 = models.IntegerField(default=0)
    change_6 = models.IntegerField(default=0)

    class Meta:
        abstract = True


class YearStartChange(models.Model):
    """One employee's change in level since 1 January of ``year``, per dimension
    numbered 1–6 (``change_<number>``: current level minus the released level in
    force on that day; empty = no level then): what the training effectiveness
    report sums over a form's participants of a year, one row per person
    instead of their results. A row stands for its year; the ``open`` row (the
    year after the employee's latest released level began, when every change is
    0) for that year and every later one, so a new year needs no new rows.
    Rewritten per employee by the level writer
    (``assessments.services.release.latest_levels_refresh_many``) in its
    transaction; a year without any level in force has no row."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    open = models.BooleanField(_("berlaku juga untuk tahun-tahun berikutnya"))
    change_1 = models.SmallIntegerField(_("perubahan dimensi 1"), null=True)
    change_2 = models.SmallIntegerField(_("perubahan dimensi 2"), null=True)
    change_3 = models.SmallIntegerField(_("perubahan dimensi 3"), null=True)
    change_4 = models.SmallIntegerField(_("perubahan dimensi 4"), null=True)
    change_5 = models.SmallIntegerField(_("perubahan dimensi 5"), null=True)
    change_6 = models.SmallIntegerField(_("perubahan dimensi 6"), null=True)

    class Meta:
        verbose_name = _("perubahan level sejak awal tahun")
        verbose_name_plural = _("perubahan level sejak awal tahun")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "year"], name="year_start_change_uq"
            ),
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(open=True),
                name="year_start_change_one_open",
            ),
        ]

    def __str__(self) -> str:
        changes = " ".join(
            "-" if getattr(self, name) is None else f"{getattr(self, name):+d}"
            for name in CHANGE_FIELDS
        )
        return f"{self.employee_id}/{self.year}{'+' if self.open else ''}: {changes}"
