"""The demo data: Tables 4 and 5 cell by cell, Table 1 per position, and a second
run of ``seed_demo`` that changes nothing in any app."""

from collections import Counter

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from competencies.models import FormDimension, Indicator, SetiaValue
from people.models import Employee

# Expected profiles, written out from the paper (Tabel 4 and Tabel 5), one item a
# line. Every cell of a dimension row and side carries that row's list.
P_BELONGING = "Kedekatan dan rasa memiliki dalam sebuah organisasi"
P_NEW_SKILLS = (
    "Pengetahuan dan/atau keterampilan baru yang dapat menghasilkan motivasi/ide baru"
)
P_COMMUNICATION = "Menjalin komunikasi yang baik antar ASN"
P_MORALE = "Membangun semangat kerja"
P_VISION = "Menyatukan visi dan persepsi"
P_NATIONAL = "Aparatur yang berwawasan kebangsaan dan berjiwa melayani"

P_PNS = "PNS yang berwawasan kebangsaan dan memiliki jiwa melayani"
P_FULFILMENT = (
    "Pemenuhan kompetensi sosiokultural sesuai tuntutan tugas dan fungsi bidang kerja"
)
P_KNOWLEDGE_FULL = (
    "Pengetahuan baru yang dapat menghasilkan motivasi/ide baru untuk meningkatkan "
    "kinerja dan meningkatkan kualitas pelayanan"
)
P_KNOWLEDGE = "Pengetahuan baru yang dapat menghasilkan motivasi/ide baru"
P_SELF = (
    "Mengenali dan memahami karakteristik diri sendiri dan orang lain dan membangun "
    "hubungan kerja yang lebih efektif dan produktif"
)
P_LISTENING = (
    "Meningkatkan keterampilan mendengarkan termasuk memahami informasi yang "
    "diberikan dan mencari solusi"
)
P_COMMUNICATOR = (
    "Membangun keterampilan yang dibutuhkan untuk menjadi seorang komunikator yang "
    "berhasil"
)
P_FEEDBACK = "Feedback hasil tes kompetensi untuk pengembangan kompetensi pegawai"

EXTERNAL_FIVE = [
    "orientasi-pelayanan",
    "e-learning",
    "diklat-komunikasi",
    "pertukaran-pns-swasta",
    "uji-kompetensi",
]

# Tabel 4: dimension → (internal forms, expected profile).
TABLE_4 = {
    "keragaman-budaya": (
        ["pendekatan-personal", "briefing", "gathering"],
        [
            P_BELONGING,
            P_NATIONAL,
            P_COMMUNICATION,
            P_MORALE,
            "Membina keakraban dan kekompakan dalam keberagaman",
            P_VISION,
        ],
    ),
    "jejaring-sosial": (
        ["pendekatan-personal", "coaching", "briefing", "gathering"],
        [P_BELONGING, P_NEW_SKILLS, P_COMMUNICATION, P_MORALE, P_VISION],
    ),
    "manajemen-konflik": (
        ["pendekatan-personal", "coaching", "briefing", "gathering"],
        [
            P_BELONGING,
            P_NEW_SKILLS,
            P_COMMUNICATION,
            P_MORALE,
            "Membina keakraban dan kekompakan",
            P_VISION,
        ],
    ),
    "empati-sosial": (
        ["pendekatan-personal", "coaching", "briefing", "gathering"],
        [
            P_BELONGING,
            "Aparatur yang berjiwa melayani dan memiliki empati",
            P_NEW_SKILLS,
            P_MORALE,
            P_VISION,
        ],
    ),
    "kepekaan-gender": (
        ["pendekatan-personal", "briefing", "gathering"],
        [
            P_BELONGING,
            P_NEW_SKILLS,
            "Menjalin komunikasi yang baik antar Sumber Daya Manusia Aparatur",
            P_MORALE,
            "Membina keakraban dan kekompakan",
            P_VISION,
        ],
    ),
    "kepekaan-disabilitas": (
        ["briefing"],
        [P_NATIONAL, "Peka terhadap disabilitas dan kelompok rentan lainnya"],
    ),
}

# Tabel 5: dimension → (external forms, expected profile).
TABLE_5 = {
    "keragaman-budaya": (
        EXTERNAL_FIVE,
        [
            P_PNS,
            P_FULFILMENT,
            P_KNOWLEDGE_FULL,
            P_SELF,
            P_LISTENING,
            P_COMMUNICATOR,
        ],
    ),
    "jejaring-sosial": (EXTERNAL_FIVE, [P_PNS, P_FULFILMENT, P_KNOWLEDGE, P_SELF]),
    "manajemen-konflik": (
        EXTERNAL_FIVE,
        [
            P_PNS,
            "Penanganan konflik internal dan eksternal",
            P_FULFILMENT,
            P_KNOWLEDGE,
            P_SELF,
        ],
    ),
    "empati-sosial": (
        EXTERNAL_FIVE,
        [
            P_PNS,
            P_FULFILMENT,
            P_KNOWLEDGE_FULL,
            P_SELF,
            P_LISTENING,
            P_COMMUNICATOR,
            "Aparatur yang memiliki empati sosial",
            "Gambaran kompetensi sosiokultural yang dimiliki oleh pegawai pada UP "
            "PTSP Kecamatan Kembangan",
            P_FEEDBACK,
        ],
    ),
    "kepekaan-gender": (
        EXTERNAL_FIVE,
        [P_PNS, P_FULFILMENT, P_SELF, P_LISTENING, P_COMMUNICATOR, P_FEEDBACK],
    ),
    "kepekaan-disabilitas": (
        ["orientasi-pelayanan", "diklat-disabilitas"],
        [
            P_PNS,
            "Pegawai lebih peduli dan tanggap dalam pelayanan bagi penyandang "
            "disabilitas",
            P_FULFILMENT,
            P_LISTENING,
            P_COMMUNICATOR,
        ],
    ),
}


def _expected_cells() -> dict[tuple[str, str], tuple[str, list[str]]]:
    cells = {}
    for table, provider in ((TABLE_4, "internal"), (TABLE_5, "external")):
        for dimension, (forms, profile) in table.items():
            for form in forms:
                cells[(dimension, form)] = (provider, profile)
    return cells


def _project_models():
    return [
        model
        for name in settings.PROJECT_APPS
        for model in apps.get_app_config(name).get_models()
    ]


def _row_counts() -> dict[str, int]:
    """Rows of every model of every project app (auto-created M2M tables too)."""
    counts = {}
    for model in _project_models():
        counts[model._meta.label] = model.objects.count()
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            counts[through._meta.label] = through.objects.count()
    return counts


@pytest.fixture
def seeded(demo_seeded, db):
    """The demo, seeded once for this module (each test runs in a savepoint)."""


def test_seed_demo_matrix_equals_tables_4_and_5(seeded):
    expected = _expected_cells()
    actual = {
        (cell.dimension.code, cell.form.code): (cell.form.provider, cell.profile_items)
        for cell in FormDimension.objects.select_related("form", "dimension")
    }
    assert len(expected) == 46
    assert set(actual) == set(expected)
    for key, value in expected.items():
        assert actual[key] == value, key


def test_seed_demo_profiles_have_english_line_by_line(seeded):
    for cell in FormDimension.objects.all():
        english = [line for line in cell.expected_profile_en.splitlines() if line]
        assert len(english) == len(cell.expected_profile.splitlines())
        assert all(english)


def test_seed_demo_twice_gives_identical_row_counts(seeded):
    first = _row_counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _row_counts() == first
    assert first["competencies.FormDimension"] == 46
    assert first["competencies.Indicator"] == 90


def test_seed_demo_table_1_counts_per_position(seeded):
    counts = Counter(Employee.objects.values_list("position_type__code", flat=True))
    assert counts == {
        "kepala-unit": 7,
        "kepala-subbagian": 1,
        "staf-teknis": 12,
        "ajib": 4,
        "cro": 5,
        "phl": 8,
    }
    assert sum(counts.values()) == 37
    phl = Employee.objects.filter(position_type__code="phl")
    assert set(phl.values_list("employment_status", "nip")) == {("NON_ASN", None)}
    asn = Employee.objects.exclude(position_type__code="phl")
    assert asn.filter(nip__isnull=True).count() == 0
    assert asn.filter(employment_status="NON_ASN").count() == 0


def test_seed_demo_indicators_three_per_level_and_dimension(seeded):
    per_cell = Counter(Indicator.objects.values_list("dimension__code", "level"))
    assert len(per_cell) == 30
    assert set(per_cell.values()) == {3}
    assert Indicator.objects.filter(text_en="").count() == 0
    # One behaviour each, so no indicator is repeated anywhere in the standard.
    assert Indicator.objects.values("text").distinct().count() == 90


def test_seed_demo_setia_values_and_their_dimensions(seeded):
    mapping = {
        value.name: sorted(d.code for d in value.dimensions.all())
        for value in SetiaValue.objects.prefetch_related("dimensions")
    }
    assert list(mapping) == ["Solusi", "Empati", "Tegas", "Inovasi", "Andal"]
    assert mapping["Empati"] == [
        "empati-sosial",
        "kepekaan-disabilitas",
        "kepekaan-gender",
    ]
    covered = {code for codes in mapping.values() for code in codes}
    assert len(covered) == 6


def test_seed_demo_keeps_what_bpsdm_edited(seeded):
    cell = FormDimension.objects.get(
        form__code="briefing", dimension__code="kepekaan-disabilitas"
    )
    cell.expected_profile = "Profil yang diubah BPSDM"
    cell.save()
    Indicator.objects.filter(dimension__code="empati-sosial", level=5).delete()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cell.refresh_from_db()
    assert cell.expected_profile == "Profil yang diubah BPSDM"
    # A level left without indicators gets the reference ones back.
    assert (
        Indicator.objects.filter(dimension__code="empati-sosial", level=5).count() == 3
    )
