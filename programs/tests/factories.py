"""Factories and builders for the programs tests."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.db import transaction
from django.utils import timezone

from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    RequiredLevel,
    Standard,
)
from programs.models import Nomination, Program

DIMENSION_CODES = [
    "keragaman-budaya",
    "jejaring-sosial",
    "manajemen-konflik",
    "empati-sosial",
    "kepekaan-gender",
    "kepekaan-disabilitas",
]
FIVE = DIMENSION_CODES[:5]
# The external half of the matrix (paper, Table 5) and one internal form.
FORMS = [
    # code, provider, default JP, dimensions
    ("orientasi-pelayanan", "external", Decimal(24), DIMENSION_CODES),
    ("e-learning", "external", Decimal(10), FIVE),
    ("diklat-komunikasi", "external", Decimal(30), FIVE),
    ("pertukaran-pns-swasta", "external", Decimal(40), FIVE),
    ("uji-kompetensi", "external", Decimal(2), FIVE),
    ("diklat-disabilitas", "external", Decimal(24), ["kepekaan-disabilitas"]),
    ("briefing", "internal", None, DIMENSION_CODES),
]


def framework() -> tuple[dict[str, Dimension], dict[str, DevelopmentForm]]:
    dims = {}
    for number, code in enumerate(DIMENSION_CODES, start=1):
        dims[code], __ = Dimension.objects.get_or_create(
            code=code, defaults={"number": number, "name": code.replace("-", " ")}
        )
    forms = {}
    for order, (code, provider, jp, dim_codes) in enumerate(FORMS):
        forms[code], __ = DevelopmentForm.objects.get_or_create(
            code=code,
            defaults={
                "name": code.replace("-", " ").title(),
                "provider": provider,
                "classification": "classical",
                "default_jp": jp,
                "default_minutes": None if jp else 10,
                "order": order,
            },
        )
        for dim_code in dim_codes:
            FormDimension.objects.get_or_create(
                form=forms[code], dimension=dims[dim_code]
            )
    return dims, forms


def standard(levels: dict, effective_from: date = date(2018, 1, 1)) -> Standard:
    """A standard with ``levels`` {PositionType: level} for every dimension."""
    std = Standard.objects.create(name="Standar uji", effective_from=effective_from)
    RequiredLevel.objects.bulk_create(
        RequiredLevel(standard=std, position_type=p, dimension=d, level=level)
        for p, level in levels.items()
        for d in Dimension.objects.all()
    )
    return std


class ProgramFactory(factory.django.DjangoModelFactory):
    """An upcoming program whose registration is open today."""

    class Meta:
        model = Program
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Diklat Komunikasi Angkatan {n}")
    form = factory.LazyFunction(lambda: framework()[1]["diklat-komunikasi"])
    mode = Program.Mode.CLASSICAL
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=20))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=3))
    jp = Decimal(30)
    capacity = 3
    registration_opens_on = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=5)
    )
    registration_closes_on = factory.LazyAttribute(
        lambda o: o.starts_on - timedelta(days=1)
    )
    location = "Kampus BPSDM"

    @factory.post_generation
    def dimensions(self, create, extracted, **kwargs):
        self.dimensions.set(extracted or self.form.dimensions.all())


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    program = factory.SubFactory(ProgramFactory)
    state = Nomination.State.NOMINATED
    reason = "Gap manajemen konflik"


def past_program(**kwargs) -> Program:
    """A program that ended yesterday (outcomes can be recorded)."""
    today = timezone.localdate()
    defaults = {
        "starts_on": today - timedelta(days=5),
        "ends_on": today - timedelta(days=1),
        "registration_opens_on": today - timedelta(days=40),
        "registration_closes_on": today - timedelta(days=10),
    }
    defaults.update(kwargs)
    return ProgramFactory(**defaults)


def latest_level(employee, dimension, level: int, assessed_on: date | None = None):
    """A current level for ``employee`` in ``dimension`` (assessments'
    ``LatestLevel`` with the minimal result chain it points at)."""
    from assessments.models import Attempt, Instrument, LatestLevel, Result, TestWindow

    assessed_on = assessed_on or date(2025, 3, 1)
    now = timezone.now()
    instrument, __ = Instrument.objects.get_or_create(
        code="uji-programs",
        version=1,
        defaults={
            "name": "Uji sosiokultural",
            "time_limit_minutes": 30,
            "status": "published",
            "published_at": now,
        },
    )
    window, __ = TestWindow.objects.get_or_create(
        instrument=instrument,
        title="Jadwal uji programs",
        defaults={"opens_at": now - timedelta(days=30), "closes_at": now},
    )
    attempt, __ = Attempt.objects.get_or_create(
        window=window,
        employee=employee,
        defaults={
            "status": "submitted",
            "started_at": now - timedelta(days=1),
            "deadline": now,
            "submitted_at": now,
        },
    )
    result, __ = Result.objects.get_or_create(
        attempt=attempt,
        defaults={
            "employee": employee,
            "instrument": instrument,
            "assessed_on": assessed_on,
            "status": "released",
            "scored_at": now,
            "released_at": now,
        },
    )
    from assessments.rollups import level_counts_refresh

    row = LatestLevel.objects.create(
        employee=employee,
        dimension=dimension,
        level=level,
        assessed_on=assessed_on,
        result=result,
    )
    with transaction.atomic():  # as the release service keeps it
        level_counts_refresh(unit_ids=[employee.unit_id])
    return row


# Smallest valid file heads for the upload checks.
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def program_fields(program: Program, **overrides) -> dict:
    fields = {
        "title": program.title,
        "form": program.form,
        "mode": program.mode,
        "starts_on": program.starts_on,
        "ends_on": program.ends_on,
        "capacity": program.capacity,
        "registration_opens_on": program.registration_opens_on,
        "registration_closes_on": program.registration_closes_on,
        "jp": program.jp,
        "location": program.location,
    }
    fields.update(overrides)
    return fields
