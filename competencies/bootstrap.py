"""The reference framework, loaded into any database (production included): the
PKP2A II LAN dimensions, levels and behavioural indicators, the development forms,
the matrix of the paper's Tables 4 and 5 with its expected profiles, the SETIA
values, and the 2018 standard (required level by position tier).

``python manage.py load_standard`` runs it; ``seed_demo`` builds the demo on it.
Idempotent: rows are looked up by natural key; a text field is only filled while
it is still empty, so a second run changes nothing and never overwrites what BPSDM
has edited in the app.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models

from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    ProficiencyLevel,
    RequiredLevel,
    SetiaValue,
    Standard,
)
from competencies.reference.indicators import INDICATORS, LEVEL_DESCRIPTIONS
from competencies.reference.matrix import (
    EXTERNAL_PROFILES,
    FORM_DESCRIPTIONS,
    INTERNAL_PROFILES,
    profile_text,
)
from competencies.reference.setia import SETIA_VALUES
from people.models import PositionType

DIMENSIONS = [
    # number, code, name, English name, description (paper, Table 4)
    (
        1,
        "keragaman-budaya",
        "Mengelola Keragaman Lingkungan Budaya",
        "Managing cultural diversity",
        "Kemampuan memahami dan menyadari adanya pemberdayaan budaya dan melihatnya "
        "sebagai hal positif, dalam bentuk implementasi manajemen kerja dengan mencegah "
        "diskriminasi dan menerapkan prinsip inklusifitas sehingga tujuan organisasi "
        "akan tercapai secara efektif.",
    ),
    (
        2,
        "jejaring-sosial",
        "Membangun Jejaring (Network) Sosial",
        "Building social networks",
        "Kemampuan membangun interaksi sosial atau hubungan timbal balik yang "
        "menghasilkan suatu proses pengaruh mempengaruhi antar individu maupun kelompok.",
    ),
    (
        3,
        "manajemen-konflik",
        "Manajemen Konflik",
        "Conflict management",
        "Kemampuan mengambil langkah-langkah dalam rangka mengarahkan perselisihan untuk "
        "menghasilkan hasil akhir yang positif/kreatif.",
    ),
    (
        4,
        "empati-sosial",
        "Empati Sosial",
        "Social empathy",
        "Kemampuan untuk memahami perbedaan pikiran, perasaan atau masalah berbagai "
        "kelompok sosial yang berbeda.",
    ),
    (
        5,
        "kepekaan-gender",
        "Kepekaan Gender",
        "Gender sensitivity",
        "Kemampuan untuk mengenali dan menyadari kesenjangan akses, partisipasi, kontrol "
        "dan manfaat yang diterima antara laki-laki dengan perempuan dalam lingkungan "
        "kerja maupun dalam kehidupan bermasyarakat.",
    ),
    (
        6,
        "kepekaan-disabilitas",
        "Kepekaan Disabilitas",
        "Disability sensitivity",
        "Kemampuan untuk menyadari dan mengenali kebutuhan kelompok keterbatasan fisik "
        "dan mental (difabel) dan kelompok rentan lainnya.",
    ),
]

DIMENSION_DESCRIPTIONS_EN = {
    "keragaman-budaya": (
        "The ability to understand and be aware of cultural empowerment and to see "
        "it as positive, put into practice in managing work by preventing "
        "discrimination and applying the principle of inclusiveness so that the "
        "organisation's goals are achieved effectively."
    ),
    "jejaring-sosial": (
        "The ability to build social interaction or reciprocal relationships that "
        "produce mutual influence between individuals and groups."
    ),
    "manajemen-konflik": (
        "The ability to take steps that steer a dispute towards a positive or "
        "creative outcome."
    ),
    "empati-sosial": (
        "The ability to understand the differing thoughts, feelings or problems of "
        "different social groups."
    ),
    "kepekaan-gender": (
        "The ability to recognise and be aware of gaps in access, participation, "
        "control and benefit between men and women at work and in society."
    ),
    "kepekaan-disabilitas": (
        "The ability to be aware of and recognise the needs of people with physical "
        "and mental disabilities and other vulnerable groups."
    ),
}

LEVELS = [
    (
        1,
        "Peka memahami dan menerima kemajemukan",
        "Sensitive to, understands and accepts plurality",
    ),
    (
        2,
        "Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan",
        "Actively builds mutual respect, stressing common ground and unity",
    ),
    (
        3,
        "Mempromosikan, mengembangkan sikap toleransi dan persatuan",
        "Promotes and develops tolerance and unity",
    ),
    (
        4,
        "Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan "
        "efektivitas organisasi",
        "Uses differences constructively and creatively to make the organisation "
        "more effective",
    ),
    (
        5,
        "Wakil pemerintah untuk membangun hubungan sosial psikologis",
        "Represents the government in building social and psychological bonds",
    ),
]

FORMS = [
    # code, name, English, provider, classification, default JP, default minutes
    (
        "pendekatan-personal",
        "Pendekatan Personal",
        "Personal approach",
        "internal",
        "non_classical",
        None,
        30,
    ),
    ("coaching", "Coaching", "Coaching", "internal", "non_classical", None, 60),
    ("briefing", "Briefing", "Briefing", "internal", "non_classical", None, 10),
    ("gathering", "Gathering", "Gathering", "internal", "non_classical", None, 240),
    (
        "benchmarking",
        "Benchmarking (Patok Banding)",
        "Benchmarking",
        "internal",
        "non_classical",
        None,
        240,
    ),
    (
        "pengembangan-diri",
        "Pengembangan Diri",
        "Self-development",
        "internal",
        "non_classical",
        None,
        60,
    ),
    (
        "orientasi-pelayanan",
        "Orientasi Pelayanan",
        "Service orientation",
        "external",
        "classical",
        24,
        None,
    ),
    ("e-learning", "E-Learning", "E-learning", "external", "non_classical", 10, None),
    (
        "diklat-komunikasi",
        "Diklat Komunikasi",
        "Communication training",
        "external",
        "classical",
        30,
        None,
    ),
    (
        "pertukaran-pns-swasta",
        "Pertukaran PNS–Pegawai Swasta",
        "Civil servant–private sector exchange",
        "external",
        "non_classical",
        40,
        None,
    ),
    (
        "uji-kompetensi",
        "Uji Kompetensi & Feedback",
        "Competency test with feedback",
        "external",
        "non_classical",
        2,
        None,
    ),
    (
        "diklat-disabilitas",
        "Diklat Pelayanan bagi Penyandang Disabilitas",
        "Service for persons with disabilities training",
        "external",
        "classical",
        24,
        None,
    ),
]

EXTERNAL_FIVE = [
    "orientasi-pelayanan",
    "e-learning",
    "diklat-komunikasi",
    "pertukaran-pns-swasta",
    "uji-kompetensi",
]
# Tables 4 (internal) and 5 (external) of the paper, row by row.
MATRIX = {
    "keragaman-budaya": [
        "pendekatan-personal",
        "briefing",
        "gathering",
        *EXTERNAL_FIVE,
    ],
    "jejaring-sosial": [
        "pendekatan-personal",
        "coaching",
        "briefing",
        "gathering",
        *EXTERNAL_FIVE,
    ],
    "manajemen-konflik": [
        "pendekatan-personal",
        "coaching",
        "briefing",
        "gathering",
        *EXTERNAL_FIVE,
    ],
    "empati-sosial": [
        "pendekatan-personal",
        "coaching",
        "briefing",
        "gathering",
        *EXTERNAL_FIVE,
    ],
    "kepekaan-gender": ["pendekatan-personal", "briefing", "gathering", *EXTERNAL_FIVE],
    "kepekaan-disabilitas": ["briefing", "orientasi-pelayanan", "diklat-disabilitas"],
}

# Typical published pattern (unconfirmed): kept as editable data, never as code.
TIER_LEVEL = {
    "pelaksana": 1,
    "pengawas": 2,
    "administrator": 3,
    "jpt_pratama": 4,
    "jpt_madya": 5,
}
DEFAULT_STANDARD_FROM = date(2018, 1, 1)


# A second version, as BPSDM would set it for PTSP front-line service: the staff who
# face applicants need more than the tier minimum. It shows the versioning at work
# (reports before 2025 keep the 2018 requirement). Only the full demo
# (``seed_demo``) adds it; tests that seed the framework alone get one version.
def _fill_blank(instance: models.Model, values: dict) -> None:
    """Set the fields of ``values`` that are still empty on ``instance``."""
    changed = [
        name for name, value in values.items() if value and not getattr(instance, name)
    ]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)


@dataclass(frozen=True)
class Reference:
    dimensions: dict[str, Dimension]
    forms: dict[str, DevelopmentForm]
    standard: Standard  # the 2018 reference standard


def reference_load() -> Reference:
    """Load (or complete) the reference framework; required levels of the 2018
    standard are set for every position type that exists when it is created."""
    dims = {}
    for number, code, name, name_en, description in DIMENSIONS:
        dims[code], __ = Dimension.objects.get_or_create(
            code=code,
            defaults={
                "number": number,
                "name": name,
                "name_en": name_en,
                "description": description,
            },
        )
        _fill_blank(dims[code], {"description_en": DIMENSION_DESCRIPTIONS_EN[code]})
    level_texts = {level: (text, en) for level, text, en in LEVEL_DESCRIPTIONS}
    for level, name, name_en in LEVELS:
        row, __ = ProficiencyLevel.objects.get_or_create(
            level=level, defaults={"name": name, "name_en": name_en}
        )
        description, description_en = level_texts[level]
        _fill_blank(row, {"description": description, "description_en": description_en})
    _seed_indicators(dims)
    forms = {}
    for order, (code, name, name_en, provider, cls, jp, minutes) in enumerate(FORMS):
        forms[code], __ = DevelopmentForm.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "provider": provider,
                "classification": cls,
                "default_jp": jp,
                "default_minutes": minutes,
                "order": order,
            },
        )
        description, description_en = FORM_DESCRIPTIONS[code]
        _fill_blank(
            forms[code],
            {"description": description, "description_en": description_en},
        )
    for dim_code, form_codes in MATRIX.items():
        for form_code in form_codes:
            form = forms[form_code]
            profiles = INTERNAL_PROFILES if form.is_internal else EXTERNAL_PROFILES
            text, text_en = profile_text(profiles[dim_code])
            cell, __ = FormDimension.objects.get_or_create(
                form=form, dimension=dims[dim_code]
            )
            _fill_blank(
                cell, {"expected_profile": text, "expected_profile_en": text_en}
            )
    _seed_setia(dims)
    standard, created = Standard.objects.get_or_create(
        effective_from=DEFAULT_STANDARD_FROM,
        defaults={"name": "Standar kompetensi sosiokultural PTSP"},
    )
    if created:
        RequiredLevel.objects.bulk_create(
            RequiredLevel(
                standard=standard,
                position_type=position,
                dimension=dimension,
                level=TIER_LEVEL[position.tier],
            )
            for position in PositionType.objects.all()
            for dimension in dims.values()
        )
    return Reference(dimensions=dims, forms=forms, standard=standard)


def _seed_indicators(dims: dict[str, Dimension]) -> None:
    """Three indicators per dimension and level; a (dimension, level) that already
    has indicators, seeded or written by BPSDM, is left alone."""
    filled = set(Indicator.objects.values_list("dimension__code", "level"))
    Indicator.objects.bulk_create(
        Indicator(
            dimension=dims[code], level=level, text=text, text_en=text_en, order=order
        )
        for code, levels in INDICATORS.items()
        for level, items in levels.items()
        if (code, level) not in filled
        for order, (text, text_en) in enumerate(items, start=1)
    )


def _seed_setia(dims: dict[str, Dimension]) -> None:
    for order, (code, name, name_en, text, text_en, dim_codes) in enumerate(
        SETIA_VALUES
    ):
        value, created = SetiaValue.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "description": text,
                "description_en": text_en,
                "order": order,
            },
        )
        if created:
            value.dimensions.set([dims[c] for c in dim_codes])
