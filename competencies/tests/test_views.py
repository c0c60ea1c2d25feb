"""Framework pages. The framework has no unit scope: every logged-in role reads it
(a head of another unit sees the same pages), unknown objects are 404, and only
BPSDM admins and administrators may change it (others get 403)."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import load_workbook

from competencies import selectors
from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    RaterGroupWeights,
    RequiredLevel,
    SetiaValue,
    Standard,
)
from competencies.tests.factories import (
    DevelopmentFormFactory,
    FormDimensionFactory,
    IndicatorFactory,
)
from people.tests.factories import PositionTypeFactory

READ_URLS = [
    "/kompetensi/",
    "/kompetensi/dimensi/empati-sosial/",
    "/kompetensi/matriks/",
    "/kompetensi/bentuk/",
    "/kompetensi/bentuk/coaching/",
    "/kompetensi/standar/",
    "/kompetensi/standar/?tanggal=2017-06-01",
    "/kompetensi/matriks/ekspor.xlsx",
    "/kompetensi/standar/ekspor.xlsx",
]


def _edit_urls(framework) -> list[str]:
    indicator = Indicator.objects.first()
    cell = FormDimension.objects.first()
    return [
        "/kompetensi/dimensi/empati-sosial/ubah/",
        "/kompetensi/dimensi/empati-sosial/indikator/baru/",
        f"/kompetensi/indikator/{indicator.pk}/ubah/",
        "/kompetensi/level/1/ubah/",
        "/kompetensi/setia/empati/ubah/",
        "/kompetensi/bentuk/baru/",
        "/kompetensi/bentuk/coaching/ubah/",
        "/kompetensi/matriks/sel/baru/",
        f"/kompetensi/matriks/sel/{cell.pk}/ubah/",
        "/kompetensi/standar/baru/",
        f"/kompetensi/standar/{framework.standard.pk}/ubah/",
    ]


@pytest.mark.parametrize("who", ["staff_a", "head_a", "head_b", "bpsdm", "admin"])
def test_framework_pages_readable_by_every_role(framework, roles, login, who):
    client = login(getattr(roles, who))
    for url in READ_URLS:
        assert client.get(url).status_code == 200, url


def test_framework_pages_need_a_login(framework, client):
    response = client.get("/kompetensi/matriks/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/masuk/?next=/kompetensi/matriks/"


def test_framework_unknown_objects_are_404(framework, roles, login):
    client = login(roles.head_b)
    for url in [
        "/kompetensi/dimensi/tidak-ada/",
        "/kompetensi/bentuk/tidak-ada/",
        "/kompetensi/standar/999999/",
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("who", ["staff_a", "head_a", "head_kecamatan"])
def test_framework_edit_pages_forbidden_for_staff_and_heads(
    framework, roles, login, who
):
    client = login(getattr(roles, who))
    for url in _edit_urls(framework):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "X"}).status_code == 403, url
    indicator = Indicator.objects.first()
    for url in [
        f"/kompetensi/indikator/{indicator.pk}/hapus/",
        f"/kompetensi/matriks/sel/{FormDimension.objects.first().pk}/hapus/",
        f"/kompetensi/standar/{framework.standard.pk}/hapus/",
    ]:
        assert client.post(url).status_code == 403, url
    assert Indicator.objects.count() == 90
    assert FormDimension.objects.count() == 46
    assert Standard.objects.count() == 1
    assert Dimension.objects.get(code="empati-sosial").name == "Empati Sosial"


@pytest.mark.parametrize("who", ["bpsdm", "admin"])
def test_framework_edit_pages_open_for_bpsdm_and_admin(framework, roles, login, who):
    client = login(getattr(roles, who))
    for url in _edit_urls(framework)[:-1]:
        assert client.get(url).status_code == 200, url
    # The 2018 version is in force: it is not edited, a new version replaces it.
    response = client.get(f"/kompetensi/standar/{framework.standard.pk}/ubah/")
    assert response.status_code == 302
    assert response["Location"] == f"/kompetensi/standar/{framework.standard.pk}/"


# -- new versions of the standard ---------------------------------------------------


def _standard_post(name, effective_from, levels) -> dict:
    data = {"name": name, "effective_from": effective_from.isoformat(), "notes": ""}
    for (position_id, dimension_id), level in levels.items():
        data[f"level_{position_id}_{dimension_id}"] = "" if level is None else level
    return data


def test_standard_create_view_is_prefilled_from_the_version_in_force(
    framework, roles, login
):
    response = login(roles.bpsdm).get("/kompetensi/standar/baru/")
    form = response.context["form"]
    cro = PositionTypeFactory(code="staf-teknis")
    key = f"level_{cro.pk}_{framework.dimensions['empati-sosial'].pk}"
    assert form[key].value() == 1
    assert form["name"].value() == "Standar kompetensi sosiokultural PTSP"
    assert len(form.grid()) == 2


def test_standard_create_view_new_version_keeps_old_requirement(
    framework, roles, login
):
    today = timezone.localdate()
    start = today + timedelta(days=30)
    levels = selectors.levels_of(framework.standard)
    head = PositionTypeFactory(code="kepala-unit")
    key = (head.pk, framework.dimensions["empati-sosial"].pk)
    assert levels[key] == 2
    response = login(roles.bpsdm).post(
        "/kompetensi/standar/baru/",
        _standard_post("Standar 2026", start, {**levels, key: 4}),
    )
    new = Standard.objects.get(name="Standar 2026")
    assert response.status_code == 302
    assert response["Location"] == f"/kompetensi/standar/{new.pk}/"
    assert (new.effective_from, new.created_by) == (start, roles.bpsdm)
    assert new.required_levels.count() == 12
    assert selectors.required_levels(today)[key] == 2
    assert selectors.required_levels(start - timedelta(days=1))[key] == 2
    assert selectors.required_levels(start)[key] == 4
    # The page of the new version marks the one cell that changed.
    page = login(roles.staff_a).get(f"/kompetensi/standar/{new.pk}/")
    changed = [
        (position.code, cell.level)
        for position, cells in page.context["grid"].rows
        for cell in cells
        if cell.changed
    ]
    assert changed == [("kepala-unit", 4)]


def test_standard_create_view_level_six_and_duplicate_date_save_nothing(
    framework, roles, login
):
    levels = selectors.levels_of(framework.standard)
    first_key = next(iter(sorted(levels)))
    response = login(roles.bpsdm).post(
        "/kompetensi/standar/baru/",
        _standard_post(
            "Salah", framework.standard.effective_from, {**levels, first_key: 6}
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    field = f"level_{first_key[0]}_{first_key[1]}"
    assert form.errors[field] == ["Level tidak boleh lebih dari 5."]
    assert form.errors["effective_from"] == [
        "Tanggal berlaku tidak boleh sebelum hari ini ("
        + date_format(timezone.localdate(), "DATE_FORMAT")
        + "): laporan untuk tanggal yang sudah lewat harus tetap memakai standar "
        "lama.",
        "Sudah ada versi standar yang berlaku mulai 1 Jan 2018; pilih tanggal lain.",
    ]
    assert Standard.objects.count() == 1
    assert RequiredLevel.objects.count() == 12


def test_standard_create_view_empty_level_and_duplicate_future_date(
    framework, roles, login
):
    client = login(roles.admin)
    start = timezone.localdate() + timedelta(days=10)
    levels = selectors.levels_of(framework.standard)
    client.post("/kompetensi/standar/baru/", _standard_post("Satu", start, levels))
    key = next(iter(sorted(levels)))
    response = client.post(
        "/kompetensi/standar/baru/",
        _standard_post("Dua", start, {**levels, key: None}),
    )
    form = response.context["form"]
    assert form.errors[f"level_{key[0]}_{key[1]}"] == ["Isi level 1 sampai 5."]
    assert form.errors["effective_from"] == [
        "Sudah ada versi standar yang berlaku mulai "
        + date_format(start, "DATE_FORMAT")
        + "; pilih tanggal lain."
    ]
    assert list(Standard.objects.values_list("name", flat=True)) == [
        "Satu",
        "Standar kompetensi sosiokultural PTSP",
    ]


def test_standard_edit_and_delete_a_future_version(framework, roles, login):
    client = login(roles.bpsdm)
    start = timezone.localdate() + timedelta(days=10)
    levels = selectors.levels_of(framework.standard)
    client.post("/kompetensi/standar/baru/", _standard_post("Rencana", start, levels))
    future = Standard.objects.get(name="Rencana")
    key = next(iter(sorted(levels)))
    response = client.post(
        f"/kompetensi/standar/{future.pk}/ubah/",
        _standard_post("Rencana", start + timedelta(days=5), {**levels, key: 5}),
    )
    assert response.status_code == 302
    future.refresh_from_db()
    assert future.effective_from == start + timedelta(days=5)
    assert selectors.levels_of(future)[key] == 5
    client.post(f"/kompetensi/standar/{future.pk}/hapus/")
    assert list(Standard.objects.all()) == [framework.standard]
    # A version in force cannot be deleted.
    client.post(f"/kompetensi/standar/{framework.standard.pk}/hapus/")
    assert Standard.objects.count() == 1


def test_standard_page_date_picker_shows_past_versions(framework, roles, login):
    client = login(roles.staff_a)
    assert (
        client.get("/kompetensi/standar/?tanggal=2017-06-01").context["standard"]
        is None
    )
    response = client.get("/kompetensi/standar/?tanggal=2019-06-01")
    assert response.context["standard"] == framework.standard
    fragment = client.get(
        "/kompetensi/standar/?tanggal=2019-06-01", headers={"HX-Request": "true"}
    )
    html = fragment.content.decode()
    assert html.lstrip().startswith('<div id="levels" aria-live="polite">')
    assert "<html" not in html


def test_standard_page_marks_the_viewers_own_position(framework, roles, login):
    response = login(roles.staff_a).get("/kompetensi/standar/")
    assert (
        response.context["own_position_id"] == roles.staff_a.employee.position_type_id
    )
    assert "jabatan Anda" in response.content.decode()


# -- editing the content ------------------------------------------------------------


def test_dimension_edit_saves_names_but_not_the_code(framework, roles, login):
    response = login(roles.bpsdm).post(
        "/kompetensi/dimensi/empati-sosial/ubah/",
        {
            "name": "Empati Sosial (revisi)",
            "name_en": "Social empathy",
            "description": "Deskripsi baru",
            "description_en": "New description",
            "code": "diubah",
        },
    )
    assert response.status_code == 302
    dimension = Dimension.objects.get(pk=framework.dimensions["empati-sosial"].pk)
    assert (dimension.code, dimension.name) == (
        "empati-sosial",
        "Empati Sosial (revisi)",
    )


def test_indicator_create_edit_delete_through_the_views(framework, roles, login):
    client = login(roles.admin)
    response = client.post(
        "/kompetensi/dimensi/empati-sosial/indikator/baru/",
        {"level": "2", "text": "Menawarkan air minum kepada pemohon", "text_en": ""},
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(text="Menawarkan air minum kepada pemohon")
    assert (indicator.level, indicator.order) == (2, 4)
    client.post(
        f"/kompetensi/indikator/{indicator.pk}/ubah/",
        {"level": "3", "text": "Diubah", "text_en": "Changed", "order": "1"},
    )
    indicator.refresh_from_db()
    assert (indicator.level, indicator.text, indicator.order) == (3, "Diubah", 1)
    client.post(f"/kompetensi/indikator/{indicator.pk}/hapus/")
    assert Indicator.objects.count() == 90


def test_indicator_create_level_outside_scale_is_a_field_error(framework, roles, login):
    response = login(roles.bpsdm).post(
        "/kompetensi/dimensi/empati-sosial/indikator/baru/",
        {"level": "6", "text": "X"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "level": ["Level harus bilangan bulat 1 sampai 5."]
    }
    assert Indicator.objects.count() == 90


def test_form_create_and_edit_through_the_views(framework, roles, login):
    client = login(roles.bpsdm)
    data = {
        "code": "mentoring",
        "name": "Mentoring",
        "name_en": "Mentoring",
        "provider": "internal",
        "classification": "non_classical",
        "description": "Pembimbingan oleh pegawai senior.",
        "description_en": "",
        "default_jp": "",
        "default_minutes": "60",
        "order": "7",
    }
    assert client.post("/kompetensi/bentuk/baru/", data).status_code == 302
    again = client.post("/kompetensi/bentuk/baru/", data)
    assert again.context["form"].errors == {
        "code": ["Kode ini sudah dipakai bentuk pengembangan lain."]
    }
    bad = client.post(
        "/kompetensi/bentuk/mentoring/ubah/",
        {**data, "default_jp": "-1", "default_minutes": "0"},
    )
    assert bad.context["form"].errors == {
        "default_jp": ["JP bawaan harus lebih dari 0, atau kosongkan."],
        "default_minutes": ["Durasi bawaan harus lebih dari 0 menit, atau kosongkan."],
    }
    client.post(
        "/kompetensi/bentuk/mentoring/ubah/",
        {**data, "code": "lain", "name": "Mentoring senior", "default_jp": "2"},
    )
    form = DevelopmentForm.objects.get(code="mentoring")
    assert (form.name, str(form.default_jp)) == ("Mentoring senior", "2.00")


def test_cell_create_duplicate_and_edit_profile(framework, roles, login):
    client = login(roles.bpsdm)
    briefing = framework.forms["briefing"]
    disability = framework.dimensions["kepekaan-disabilitas"]
    response = client.post(
        "/kompetensi/matriks/sel/baru/",
        {"form": briefing.pk, "dimension": disability.pk, "expected_profile": "X"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Bentuk pengembangan ini sudah terhubung dengan dimensi tersebut."
    ]
    benchmarking = framework.forms["benchmarking"]
    client.post(
        "/kompetensi/matriks/sel/baru/",
        {
            "form": benchmarking.pk,
            "dimension": disability.pk,
            "expected_profile": "Satu\nDua",
        },
    )
    cell = FormDimension.objects.get(form=benchmarking, dimension=disability)
    assert cell.profile_items == ["Satu", "Dua"]
    client.post(
        f"/kompetensi/matriks/sel/{cell.pk}/ubah/",
        {"expected_profile": "Tiga", "expected_profile_en": "Three"},
    )
    cell.refresh_from_db()
    assert (cell.expected_profile, cell.form, cell.dimension) == (
        "Tiga",
        benchmarking,
        disability,
    )
    client.post(f"/kompetensi/matriks/sel/{cell.pk}/hapus/")
    assert FormDimension.objects.count() == 46


def test_level_and_setia_edit(framework, roles, login):
    client = login(roles.bpsdm)
    client.post(
        "/kompetensi/level/5/ubah/",
        {
            "name": "Perekat bangsa",
            "name_en": "",
            "description": "",
            "description_en": "",
        },
    )
    assert selectors.level_get(5).name == "Perekat bangsa"
    gender = framework.dimensions["kepekaan-gender"]
    client.post(
        "/kompetensi/setia/tegas/ubah/",
        {"name": "Tegas", "name_en": "Firm", "dimensions": [gender.pk]},
    )
    value = SetiaValue.objects.get(code="tegas")
    assert [d.code for d in value.dimensions.all()] == ["kepekaan-gender"]


# -- exports --------------------------------------------------------------------------


def _sheet(response, title):
    if not hasattr(response, "workbook"):  # a streamed body is read once
        response.workbook = load_workbook(io.BytesIO(response.getvalue()))
    workbook = response.workbook
    assert workbook.sheetnames[0] == "Keterangan"
    return [list(row) for row in workbook[title].iter_rows(values_only=True)]


def test_matrix_export_has_one_row_per_cell(framework, roles, login):
    response = login(roles.staff_a).get("/kompetensi/matriks/ekspor.xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="matriks-pengembangan-kompetensi.xlsx"'
    )
    rows = _sheet(response, "Matriks")
    assert rows[0] == [
        "Nomor",
        "Kode dimensi",
        "Dimensi",
        "Penyelenggara",
        "Kode bentuk",
        "Bentuk pengembangan",
        "Profil yang diharapkan",
    ]
    assert len(rows) == 47
    assert rows[1] == [
        1,
        "keragaman-budaya",
        "Mengelola Keragaman Lingkungan Budaya",
        "Internal (dilaksanakan unit)",
        "pendekatan-personal",
        "Pendekatan Personal",
        "Kedekatan dan rasa memiliki dalam sebuah organisasi\n"
        "Aparatur yang berwawasan kebangsaan dan berjiwa melayani\n"
        "Menjalin komunikasi yang baik antar ASN\n"
        "Membangun semangat kerja\n"
        "Membina keakraban dan kekompakan dalam keberagaman\n"
        "Menyatukan visi dan persepsi",
    ]
    assert [row[4] for row in rows[-3:]] == [
        "briefing",
        "orientasi-pelayanan",
        "diklat-disabilitas",
    ]
    assert rows[-1][:4] == [
        6,
        "kepekaan-disabilitas",
        "Kepekaan Disabilitas",
        "Eksternal (dilaksanakan BPSDM)",
    ]


def test_standard_export_has_the_levels_of_the_chosen_version(framework, roles, login):
    response = login(roles.head_a).get("/kompetensi/standar/ekspor.xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="standar-kompetensi-2018-01-01.xlsx"'
    )
    assert _sheet(response, "Level dipersyaratkan") == [
        [
            "Kode jabatan",
            "Jabatan",
            "Mengelola Keragaman Lingkungan Budaya",
            "Membangun Jejaring (Network) Sosial",
            "Manajemen Konflik",
            "Empati Sosial",
            "Kepekaan Gender",
            "Kepekaan Disabilitas",
        ],
        ["kepala-unit", "Kepala Unit", 2, 2, 2, 2, 2, 2],
        ["staf-teknis", "Staf Teknis", 1, 1, 1, 1, 1, 1],
    ]
    version = _sheet(response, "Versi")
    assert version[1][0] == "Standar kompetensi sosiokultural PTSP"
    indicators = _sheet(response, "Indikator")
    assert len(indicators) == 91
    assert indicators[1][:4] == [
        "Mengelola Keragaman Lingkungan Budaya",
        1,
        "Peka memahami dan menerima kemajemukan",
        1,
    ]
    setia = _sheet(response, "SETIA")
    assert setia[2] == [
        "empati",
        "Empati",
        "Memahami dan peduli pada kebutuhan setiap pemohon, termasuk kelompok rentan.",
        "Empati Sosial, Kepekaan Gender, Kepekaan Disabilitas",
    ]
    before = login(roles.head_a).get(
        "/kompetensi/standar/ekspor.xlsx?tanggal=2017-01-01"
    )
    assert _sheet(before, "Versi") == [["Nama", "Berlaku mulai", "Catatan"]]


# -- query counts ---------------------------------------------------------------------


def _grow(framework):
    """More of everything the pages list, to show the query count is constant."""
    for i in range(3):
        position = PositionTypeFactory(code=f"jabatan-{i}", name=f"Jabatan {i}")
        RequiredLevel.objects.bulk_create(
            RequiredLevel(
                standard=framework.standard,
                position_type=position,
                dimension=dimension,
                level=1,
            )
            for dimension in framework.dimensions.values()
        )
    for dimension in framework.dimensions.values():
        IndicatorFactory.create_batch(4, dimension=dimension, level=2)
        FormDimensionFactory(form=DevelopmentFormFactory(), dimension=dimension)
        FormDimensionFactory(
            form=DevelopmentFormFactory(provider="external"), dimension=dimension
        )


# Queries of each page itself, on top of the page shell (session, user and what
# the menu and notice badge read), which is measured on a 404 page.
PAGES = [
    ("/kompetensi/", 6),
    ("/kompetensi/dimensi/empati-sosial/", 7),
    ("/kompetensi/matriks/", 3),
    ("/kompetensi/bentuk/", 2),
    ("/kompetensi/bentuk/coaching/", 2),
    ("/kompetensi/standar/", 8),  # with the version's 360 weights
]


def _shell_queries(client) -> int:
    with CaptureQueriesContext(connection) as shell:
        assert client.get("/kompetensi/tidak-ada/").status_code == 404
    return len(shell)


@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_framework_pages_query_count_is_constant(
    framework, roles, login, django_assert_num_queries, url, queries
):
    client = login(roles.staff_a)
    shell = _shell_queries(client)
    with django_assert_num_queries(shell + queries):
        assert client.get(url).status_code == 200
    _grow(framework)
    with django_assert_num_queries(shell + queries):
        assert client.get(url).status_code == 200


# -- menu and dashboard -------------------------------------------------------------


def test_nav_entry_for_every_role(framework, roles):
    from competencies.nav import items

    for user in (roles.staff_a, roles.head_a, roles.bpsdm):
        assert [(i.label, i.url) for i in items(user)] == [
            ("Standar kompetensi", "/kompetensi/")
        ]


def test_dashboard_card_only_for_the_standards_owners(framework, roles):
    from competencies.dashboard import cards

    assert cards(roles.staff_a) == []
    assert cards(roles.head_kecamatan) == []
    (card,) = cards(roles.bpsdm)
    assert (card.title, card.value, card.link) == (
        "Standar kompetensi yang berlaku",
        "1 Jan 2018",
        "/kompetensi/standar/",
    )
    assert card.detail == (
        "Standar kompetensi sosiokultural PTSP. Belum ada versi berikutnya yang "
        "dijadwalkan."
    )


def test_framework_pages_in_english(framework, roles, login, settings):
    client = login(roles.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/kompetensi/dimensi/empati-sosial/").content.decode()
    assert "Levels and behavioural indicators" in html
    assert "4. Social empathy" in html
    assert "Asks about the applicant&#x27;s needs before explaining" in html
    assert "Civil servants with a spirit of service and empathy" in html
    editor = login(roles.bpsdm)
    editor.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    levels = selectors.levels_of(framework.standard)
    key = next(iter(sorted(levels)))
    response = editor.post(
        "/kompetensi/standar/baru/",
        _standard_post("X", timezone.localdate(), {**levels, key: 6}),
    )
    assert response.context["form"].errors == {
        f"level_{key[0]}_{key[1]}": ["The level cannot be higher than 5."]
    }


# -- 360 rater-group weights of a version ------------------------------------------


def _weights_post(**weights) -> dict:
    return {f"weight_{group}": value for group, value in weights.items()}


def test_standard_create_view_saves_the_360_weights(framework, roles, login):
    client = login(roles.bpsdm)
    start = timezone.localdate() + timedelta(days=10)
    levels = selectors.levels_of(framework.standard)
    data = _standard_post("Berbobot", start, levels)
    # An empty field beside filled ones counts 0.
    data |= _weights_post(self="", head="2", peer="1", staff="0.5")
    response = client.post("/kompetensi/standar/baru/", data)
    new = Standard.objects.get(name="Berbobot")
    assert response.status_code == 302
    assert new.rater_weights.by_group() == {
        "self": Decimal("0.00"),
        "head": Decimal("2.00"),
        "peer": Decimal("1.00"),
        "staff": Decimal("0.50"),
    }
    page = login(roles.staff_a).get(f"/kompetensi/standar/{new.pk}/")
    assert page.context["weights"] == new.rater_weights
    html = page.content.decode()
    assert "Bobot kelompok penilai 360" in html
    assert (
        '<th scope="row" class="fw-normal">Bawahan</th><td class="text-end">0,5</td>'
        in html
    )
    # The next version starts from these weights; all four empty removes them.
    client = login(roles.bpsdm)
    form = client.get("/kompetensi/standar/baru/").context["form"]
    assert form["weight_head"].value() is None  # the version in force has none
    edit = client.get(f"/kompetensi/standar/{new.pk}/ubah/").context["form"]
    assert edit["weight_head"].value() == Decimal("2.00")
    data |= _weights_post(self="", head="", peer="", staff="")
    client.post(f"/kompetensi/standar/{new.pk}/ubah/", data)
    assert RaterGroupWeights.objects.count() == 0
    page = login(roles.staff_a).get(f"/kompetensi/standar/{new.pk}/")
    assert "Versi ini tidak menetapkan bobot" in page.content.decode()


@pytest.mark.parametrize(
    ("weights", "field", "message"),
    [
        ({"head": "-1"}, "weight_head", "Bobot tidak boleh negatif."),
        ({"head": "abc"}, "weight_head", "Bobot harus angka, misalnya 2 atau 0.5."),
        ({"peer": "0,5"}, "weight_peer", "Bobot harus angka, misalnya 2 atau 0.5."),
        ({"peer": "NaN"}, "weight_peer", "Bobot harus angka, misalnya 2 atau 0.5."),
        ({"staff": "1000"}, "weight_staff", "Bobot paling besar 999,99."),
        ({"staff": "9" * 40}, "weight_staff", "Bobot paling besar 999,99."),
        (
            {"self": "0.001"},
            "weight_self",
            "Bobot paling banyak dua angka di belakang koma.",
        ),
        (
            {"self": "0", "head": "0", "peer": "0.00", "staff": ""},
            "__all__",
            "Sekurang-kurangnya satu kelompok penilai harus berbobot lebih dari 0; "
            "kosongkan semua bobot bila versi ini tidak menggabungkan hasil "
            "penilaian 360.",
        ),
    ],
)
def test_standard_create_view_bad_weights_are_messages(
    framework, roles, login, weights, field, message
):
    start = timezone.localdate() + timedelta(days=10)
    data = _standard_post("Salah", start, selectors.levels_of(framework.standard))
    data |= _weights_post(**{"head": "2", "peer": "1", **weights})
    response = login(roles.admin).post("/kompetensi/standar/baru/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message.split(";")[0] in response.content.decode()
    assert Standard.objects.count() == 1
    assert RaterGroupWeights.objects.count() == 0


def test_only_the_standards_owner_sets_weights(framework, roles, login):
    start = timezone.localdate() + timedelta(days=10)
    levels = selectors.levels_of(framework.standard)
    data = _standard_post("Dari kepala", start, levels) | _weights_post(head="2")
    for who in ("head_a", "head_kecamatan", "staff_a", "inspector"):
        client = login(getattr(roles, who))
        assert client.post("/kompetensi/standar/baru/", data).status_code == 403
    future = Standard.objects.create(name="Rencana", effective_from=start)
    client = login(roles.head_a)
    assert (
        client.post(f"/kompetensi/standar/{future.pk}/ubah/", data).status_code == 403
    )
    assert RaterGroupWeights.objects.count() == 0
    # An unknown version is 404.
    bpsdm = login(roles.bpsdm)
    assert bpsdm.post("/kompetensi/standar/999999/ubah/", data).status_code == 404
    assert bpsdm.get("/kompetensi/standar/999999/").status_code == 404


def test_standard_export_has_the_weights_of_the_version(framework, roles, login):
    start = timezone.localdate() + timedelta(days=10)
    levels = selectors.levels_of(framework.standard)
    login(roles.bpsdm).post(
        "/kompetensi/standar/baru/",
        _standard_post("Berbobot", start, levels)
        | _weights_post(self="0", head="2", peer="1", staff="1"),
    )
    new = Standard.objects.get(name="Berbobot")
    client = login(roles.head_a)
    response = client.get(f"/kompetensi/standar/{new.pk}/ekspor.xlsx")
    assert _sheet(response, "Bobot 360") == [
        ["Kode kelompok", "Kelompok penilai", "Bobot"],
        ["self", "Diri sendiri", 0],
        ["head", "Atasan", 2],
        ["peer", "Rekan kerja", 1],
        ["staff", "Bawahan", 1],
    ]
    old = client.get(f"/kompetensi/standar/{framework.standard.pk}/ekspor.xlsx")
    assert _sheet(old, "Bobot 360") == [["Kode kelompok", "Kelompok penilai", "Bobot"]]


def test_weights_in_english(framework, roles, login, settings):
    editor = login(roles.bpsdm)
    editor.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = editor.get("/kompetensi/standar/baru/").content.decode()
    assert "360 rater-group weights (optional)" in page
    assert "A weight of 0 leaves that group out" in page
    start = timezone.localdate() + timedelta(days=10)
    data = _standard_post("X", start, selectors.levels_of(framework.standard))
    response = editor.post(
        "/kompetensi/standar/baru/",
        data | _weights_post(self="0", head="-1", peer="0.001", staff="x"),
    )
    assert response.context["form"].errors == {
        "weight_head": ["A weight cannot be negative."],
        "weight_peer": ["A weight has at most two decimals."],
        "weight_staff": ["A weight must be a number, e.g. 2 or 0.5."],
    }
    response = editor.post(
        "/kompetensi/standar/baru/",
        data | _weights_post(self="0", head="0", peer="0", staff="0"),
    )
    assert (
        response.context["form"]
        .errors["__all__"][0]
        .startswith("At least one rater group must have a weight above 0")
    )
    page = editor.get("/kompetensi/standar/").content.decode()
    assert "This version sets no weights" in page


def test_admin_corrects_weights_with_the_same_rule(framework, roles, login):
    roles.admin.is_superuser = True
    roles.admin.save(update_fields=["is_superuser"])
    client = login(roles.admin)
    url = f"/admin/competencies/standard/{framework.standard.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert "bobot kelompok penilai 360" in page.content.decode().lower()
    form = page.context["adminform"].form
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() is not None
    }
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= {
            f"{formset.prefix}-TOTAL_FORMS": formset.total_form_count(),
            f"{formset.prefix}-INITIAL_FORMS": formset.initial_form_count(),
        }
        for i, f in enumerate(formset.forms):
            for name in f.fields:
                value = f[name].value()
                if value is not None:
                    data[f"{formset.prefix}-{i}-{name}"] = value
    weights = next(
        i.formset
        for i in page.context["inline_admin_formsets"]
        if i.formset.model is RaterGroupWeights
    )
    prefix = weights.prefix
    data |= {
        f"{prefix}-TOTAL_FORMS": 1,
        f"{prefix}-0-standard": framework.standard.pk,
        **{f"{prefix}-0-{g}_weight": "0" for g in ("self", "head", "peer", "staff")},
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Sekurang-kurangnya satu kelompok penilai harus berbobot" in (
        response.content.decode()
    )
    assert RaterGroupWeights.objects.count() == 0
    data[f"{prefix}-0-head_weight"] = "2"
    assert client.post(url, data).status_code == 302
    assert RaterGroupWeights.objects.get().head_weight == Decimal("2.00")
