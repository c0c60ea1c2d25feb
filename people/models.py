from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sosiokultural.jobs import Job


class User(AbstractUser):
    """A login. Its role decides what it may see; see ``people.selectors``."""

    class Role(models.TextChoices):
        STAFF = "pegawai", _("Pegawai")
        HEAD = "kepala", _("Kepala unit")
        BPSDM = "bpsdm", _("Admin BPSDM")
        ADMIN = "admin", _("Administrator")
        INSPECTOR = "inspektorat", _("Inspektorat")

    role = models.CharField(
        _("peran"), max_length=12, choices=Role.choices, default=Role.STAFF
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    role__in=["pegawai", "kepala", "bpsdm", "admin", "inspektorat"]
                ),
                name="user_role_valid",
            )
        ]

    # The role predicates of ``people.permissions``, as attributes for code that
    # holds a user (a head whose employee record is inactive is no longer a head).

    @property
    def is_head(self) -> bool:
        from people.permissions import is_head

        return is_head(self)

    @property
    def is_bpsdm(self) -> bool:
        from people.permissions import is_bpsdm

        return is_bpsdm(self)

    @property
    def is_administrator(self) -> bool:
        from people.permissions import is_administrator

        return is_administrator(self)

    @property
    def is_inspector(self) -> bool:
        from people.permissions import is_inspector

        return is_inspector(self)

    @property
    def sees_all_units(self) -> bool:
        """BPSDM, administrators and the inspectorate see every unit."""
        from people.permissions import sees_all_units

        return sees_all_units(self)


class UnitQuerySet(models.QuerySet):
    """The tree's interface for every app (its storage is ``people.tree``)."""

    def subtree_of(self, unit: "Unit") -> "UnitQuerySet":
        """``unit`` and everything under it: one indexed prefix query."""
        from people.tree import subtree_q

        return self.filter(subtree_q(unit, field=""))

    def subtree_at(self, key: str) -> "UnitQuerySet":
        """The subtree whose top unit has the path ``key`` (``""`` = every unit):
        for reports that group rows by a unit's path prefix (``people.tree``)."""
        return self.filter(path__startswith=key) if key else self.all()

    def ancestors_of(self, unit: "Unit") -> "UnitQuerySet":
        """The chain from the top unit down to ``unit`` (inclusive), top first."""
        from people.tree import ancestor_paths

        return self.filter(path__in=ancestor_paths(unit.path)).order_by("depth")

    def children_of(self, unit: "Unit | None") -> "UnitQuerySet":
        """The units directly under ``unit`` (the top units for ``None``)."""
        if unit is None:
            return self.filter(parent__isnull=True)
        return self.filter(parent=unit)


class Unit(models.Model):
    """A node of the organisation tree.

    ``path`` is a materialised path (see ``people.tree``), so "this unit and
    everything under it" is one indexed ``LIKE 'prefix%'`` query. It is maintained
    by ``people.services.unit_create`` / ``unit_move`` only; other apps use the
    queryset methods (``Unit.objects.subtree_of(unit)``) or ``people.tree``.
    """

    class Kind(models.TextChoices):
        PROVINCE = "provinsi", _("Kantor provinsi")
        CITY = "kota", _("UPPTSP Kota/Kabupaten")
        DISTRICT = "kecamatan", _("UPPTSP Kecamatan")
        VILLAGE = "kelurahan", _("UP PTSP Kelurahan")
        BPSDM = "bpsdm", _("BPSDM")

    code = models.CharField(_("kode"), max_length=32, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("unit")
        ordering = ["path"]
        indexes = [
            models.Index(
                fields=["path"],
                name="unit_path_prefix_idx",
                opclasses=["varchar_pattern_ops"],
            )
        ]

    def __str__(self) -> str:
        return self.name

    def contains(self, other: "Unit") -> bool:
        """Whether ``other`` is this unit or lies under it."""
        from people.tree import unit_contains

        return unit_contains(self, other)


class PositionType(models.Model):
    """A kind of position (jabatan): data, edited by administrators."""

    class Tier(models.TextChoices):
        # Position tiers of the competency standard (PermenPANRB 38/2017).
        PELAKSANA = "pelaksana", _("Pelaksana")
        PENGAWAS = "pengawas", _("Pengawas")
        ADMINISTRATOR = "administrator", _("Administrator")
        JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
        JPT_MADYA = "jpt_madya", _("JPT Madya/Utama")

    code = models.SlugField(_("kode"), max_length=32, unique=True)
    name = models.CharField(_("nama"), max_length=100, unique=True)
    tier = models.CharField(_("tingkat jabatan"), max_length=16, choices=Tier.choices)
    leads_unit = models.BooleanField(
        _("memimpin unit"),
        default=False,
        help_text=_("Pemegang jabatan ini adalah kepala unit atau subbagian."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis jabatan")
        verbose_name_plural = _("jenis jabatan")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Employee(models.Model):
    class Status(models.TextChoices):
        PNS = "PNS", _("PNS")
        CPNS = "CPNS", _("CPNS")
        PPPK = "PPPK", _("PPPK")
        NON_ASN = "NON_ASN", _("Non-ASN (PHL)")

    class Gender(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    name = models.CharField(_("nama"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=18, null=True, blank=True, unique=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="employees"
    )
    position_type = models.ForeignKey(
        PositionType,
        verbose_name=_("jabatan"),
        on_delete=models.PROTECT,
        related_name="employees",
    )
    employment_status = models.CharField(
        _("status kepegawaian"), max_length=8, choices=Status.choices
    )
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices)
    placed_on = models.DateField(_("tanggal penempatan di unit"))
    is_active = models.BooleanField(_("aktif"), default=True)
    email = models.EmailField(_("email"), blank=True)
    # A PPPK's work contract: its JP rule may count per contract year.
    contract_starts_on = models.DateField(_("kontrak mulai"), null=True, blank=True)
    contract_ends_on = models.DateField(_("kontrak selesai"), null=True, blank=True)
    user = models.OneToOneField(
        User,
        verbose_name=_("akun login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(employment_status="NON_ASN") | Q(nip__isnull=False),
                name="employee_asn_has_nip",
            ),
            models.CheckConstraint(
                condition=Q(nip__isnull=True)
                | Q(employment_status__in=["PNS", "CPNS", "PPPK"]),
                name="employee_non_asn_without_nip",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=["L", "P"]), name="employee_gender_valid"
            ),
            models.CheckConstraint(
                condition=Q(
                    contract_starts_on__isnull=True, contract_ends_on__isnull=True
                )
                | (Q(employment_status="PPPK") & Q(contract_starts_on__isnull=False)),
                name="employee_contract_only_pppk",
            ),
            models.CheckConstraint(
                condition=Q(contract_ends_on__isnull=True)
                | Q(contract_ends_on__gte=models.F("contract_starts_on")),
                name="employee_contract_ordered",
            ),
        ]
        indexes = [models.Index(fields=["unit", "is_active"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from people.nip import nip_errors

        errors = {}
        nip = nip_errors(
            self.nip or "", status=self.employment_status, gender=self.gender
        )
        if nip:
            errors["nip"] = nip
        errors.update(self._contract_errors())
        if errors:
            raise ValidationError(errors)

    def _contract_errors(self) -> dict[str, str]:
        start, end = self.contract_starts_on, self.contract_ends_on
        if start is None and end is None:
            return {}
        if self.employment_status != self.Status.PPPK:
            return {
                "contract_starts_on": _(
                    "Tanggal kontrak hanya diisi untuk pegawai PPPK."
                )
            }
        if start is None:
            return {"contract_starts_on": _("Isi tanggal mulai kontrak.")}
        if end is not None and end < start:
            return {
                "contract_ends_on": _(
                    "Tanggal selesai kontrak tidak boleh sebelum tanggal mulai."
                )
            }
        return {}

    @property
    def is_asn(self) -> bool:
        return self.employment_status != self.Status.NON_ASN


def employee_import_upload_to(instance: "EmployeeImport", filename: str) -> str:
    return f"imports/{instance.requested_by_id}/{filename}"


class EmployeeImport(Job):
    """An uploaded employee file imported in the background (``sosiokultural.jobs``):
    all rows or none in one transaction, the job marked done in that same
    transaction. The file is deleted once the job ends; the row report stays."""

    file = models.FileField(_("berkas"), upload_to=employee_import_upload_to)
    filename = models.CharField(_("nama berkas"), max_length=200)
    created_count = models.PositiveIntegerField(_("pegawai baru"), default=0)
    updated_count = models.PositiveIntegerField(_("pegawai diperbarui"), default=0)
    # {"errors": [[row, message], …], "rows": [[row, "created" | "updated"], …]}
    report = models.JSONField(_("laporan baris"), default=dict)

    class Meta(Job.Meta):
        verbose_name = _("impor pegawai")
        verbose_name_plural = _("impor pegawai")

    def __str__(self) -> str:
        return f"{self.filename} #{self.pk}"

    @property
    def errors(self) -> list:
        return self.report.get("errors", [])
