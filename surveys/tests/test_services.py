from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sosiokultural.periods import Period
from surveys.models import Answer, ReportedScore, Response, Survey
from surveys.selectors import survey_result
from surveys.services import (
    SurveyExists,
    SurveyImportError,
    survey_import_responses,
    survey_population_set,
    survey_report_save,
)
from surveys.tests.factories import (
    ElementFactory,
    ElementSetFactory,
    answers_csv,
    csv_bytes,
    dki_set,
    import_survey,
    permen_set,
    report_survey,
)

Q4 = Period(2018, 4)


def _import(unit, content, filename="ikm.csv", **kwargs):
    return survey_import_responses(
        unit=unit, period=Q4, filename=filename, content=content, **kwargs
    )


def _errors(unit, content, filename="ikm.csv", **kwargs):
    with pytest.raises(SurveyImportError) as caught:
        _import(unit, content, filename, **kwargs)
    return caught.value.errors


def _nothing_saved():
    return (Survey.objects.count(), Response.objects.count(), Answer.objects.count())


def test_import_saves_one_response_and_one_answer_per_element(org):
    survey = import_survey(org.kecamatan, "2018Q4", population=60)
    assert (survey.kind, survey.population, survey.element_set.code) == (
        "responses",
        60,
        "permenpanrb-14-2017",
    )
    assert survey.responses.count() == 3
    assert Answer.objects.filter(response__survey=survey).count() == 27
    # rows keep their spreadsheet numbers (header = row 1)
    assert list(survey.responses.values_list("row", flat=True)) == [2, 3, 4]


def test_import_result_values(org):
    rows = [
        [4, 3, 3, 4, 3, 3, 4, 2, 3],
        [3, 3, 2, 4, 3, 4, 4, 2, 3],
        [4, 4, 3, 4, 3, 3, 3, 3, 2],
        [3, 2, 3, 4, 4, 3, 4, 2, 3],
    ]
    result = survey_result(import_survey(org.kecamatan, rows=rows))
    assert result.respondents == 4
    assert [r.nrr_display for r in result.elements] == [
        Decimal(x)
        for x in [
            "3.50",
            "3.00",
            "2.75",
            "4.00",
            "3.25",
            "3.25",
            "3.75",
            "2.25",
            "2.75",
        ]
    ]
    # Σ NRR = 28.5 → 28.5 / 9 × 25 = 79.1666… → 79.17 (B)
    assert result.ikm == Decimal("79.17")
    assert result.grade.letter == "B"
    assert [r.element.code for r in result.weakest()] == [
        "pengaduan",
        "waktu",
        "sarana",
    ]


def test_import_accepts_u1_to_u9_headers_and_respondent_columns(org):
    headers = [f"U{i}" for i in range(1, 10)] + [
        "Jenis Kelamin",
        "Umur",
        "Pendidikan",
        "Jenis Layanan",
    ]
    content = csv_bytes(
        headers, [[4] * 9 + ["P", "34", "S1", "IMB"], [3] * 9 + ["l", "", "", ""]]
    )
    survey = _import(org.kecamatan, content)
    first, second = survey.responses.all()
    assert (first.gender, first.age, first.education, first.service_type) == (
        "P",
        34,
        "S1",
        "IMB",
    )
    assert (second.gender, second.age) == ("L", None)
    assert survey_result(survey).ikm == Decimal("87.50")


def test_import_xlsx(org):
    from testsupport import xlsx_bytes

    codes = list(permen_set().elements.values_list("code", flat=True))
    content = xlsx_bytes([("IKM", codes, [[4] * 9, [2] * 9])])
    survey = _import(org.kecamatan, content, filename="ikm.xlsx")
    assert survey_result(survey).ikm == Decimal("75.00")


def test_import_rejects_answers_outside_1_to_4_with_row_numbers(org):
    content = answers_csv(
        permen_set(),
        [[4] * 9, [4, 5, 4, 4, 4, 4, 4, 4, 4], [4] * 9, [0, 4, 4, 4, 4, 4, 4, 4, "x"]],
    )
    assert _errors(org.kecamatan, content) == [
        (3, "jawaban unsur prosedur = 5 di luar rentang 1–4"),
        (5, "jawaban unsur persyaratan = 0 di luar rentang 1–4"),
        (5, "jawaban unsur sarana 'x' bukan bilangan bulat 1–4"),
    ]
    assert _nothing_saved() == (0, 0, 0)


def test_import_rejects_blank_and_fractional_answers(org):
    content = answers_csv(
        permen_set(), [[4, "", 4, 4, 4, 4, 4, 4, 4], [4, 4, 3.5, 4, 4, 4, 4, 4, 4]]
    )
    assert _errors(org.kecamatan, content) == [
        (2, "jawaban unsur prosedur kosong"),
        (3, "jawaban unsur waktu '3.5' bukan bilangan bulat 1–4"),
    ]
    assert _nothing_saved() == (0, 0, 0)


def test_import_rejects_missing_columns(org):
    headers = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi"]
    content = csv_bytes(headers, [[4] * 6])
    assert _errors(org.kecamatan, content) == [
        (
            1,
            "kolom unsur tidak ada: perilaku (Perilaku Pelaksana), pengaduan "
            "(Penanganan Pengaduan, Saran dan Masukan), sarana (Sarana dan Prasarana)",
        )
    ]
    assert _nothing_saved() == (0, 0, 0)


def test_import_rejects_an_element_given_twice(org):
    headers = ["persyaratan", "u1"] + [f"u{i}" for i in range(2, 10)]
    content = csv_bytes(headers, [[4] * 10])
    assert _errors(org.kecamatan, content) == [
        (1, "unsur yang sama ditulis di dua kolom: persyaratan / u1")
    ]


def test_import_rejects_empty_files(org):
    assert _errors(org.kecamatan, b"") == [(0, "Berkas kosong.")]
    codes = ",".join(permen_set().elements.values_list("code", flat=True))
    assert _errors(org.kecamatan, (codes + "\n,,,\n").encode()) == [
        (0, "Berkas tidak berisi baris data.")
    ]
    assert _nothing_saved() == (0, 0, 0)


def test_import_rejects_bad_respondent_columns(org):
    headers = [f"u{i}" for i in range(1, 10)] + ["jenis_kelamin", "umur"]
    content = csv_bytes(headers, [[4] * 9 + ["X", "200"], [4] * 9 + ["L", "30"]])
    assert _errors(org.kecamatan, content) == [
        (2, "jenis kelamin 'X' tidak dikenal (L atau P)"),
        (2, "umur '200' harus bilangan bulat 1–120"),
    ]


def test_import_rejects_unknown_file_type(org):
    assert _errors(org.kecamatan, b"a,b", filename="ikm.txt") == [
        (0, "Jenis berkas tidak didukung; gunakan CSV atau XLSX.")
    ]


def test_import_saves_nothing_from_a_file_with_one_bad_row(org):
    rows = [[4] * 9] * 200 + [[4] * 8 + [9]]
    errors = _errors(org.kecamatan, answers_csv(permen_set(), rows))
    assert errors == [(202, "jawaban unsur sarana = 9 di luar rentang 1–4")]
    assert _nothing_saved() == (0, 0, 0)


def test_reimport_refuses_without_replace(org):
    first = import_survey(org.kecamatan, "2018Q4")
    with pytest.raises(SurveyExists):
        import_survey(org.kecamatan, "2018Q4", rows=[[1] * 9])
    assert list(Survey.objects.values_list("pk", flat=True)) == [first.pk]
    assert survey_result(first).respondents == 3


def test_reimport_with_replace_replaces_everything(org):
    import_survey(org.kecamatan, "2018Q4")
    survey = import_survey(org.kecamatan, "2018Q4", rows=[[1] * 9], replace=True)
    assert Survey.objects.count() == 1
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 9
    assert survey_result(survey).ikm == Decimal("25.00")


def test_replace_of_a_reported_period_by_responses(org):
    report_survey(org.kecamatan, "2018Q4")
    survey = import_survey(org.kecamatan, "2018Q4", replace=True)
    assert survey.kind == "responses"
    assert ReportedScore.objects.count() == 0


def test_failed_replace_keeps_the_old_survey(org):
    old = import_survey(org.kecamatan, "2018Q4")
    with pytest.raises(SurveyImportError):
        import_survey(org.kecamatan, "2018Q4", rows=[[7] * 9], replace=True)
    assert list(Survey.objects.values_list("pk", flat=True)) == [old.pk]
    assert Answer.objects.count() == 27


def test_import_with_a_local_set(org):
    element_set = ElementSetFactory()
    for i in range(1, 6):
        ElementFactory(element_set=element_set, code=f"k{i}", order=i)
    survey = import_survey(
        org.kecamatan, rows=[[4, 3, 3, 2, 4]], element_set=element_set
    )
    assert survey_result(survey).ikm == Decimal("80.00")


def test_import_refuses_a_set_without_elements(org):
    with pytest.raises(SurveyImportError) as caught:
        _import(org.kecamatan, b"a\n1\n", element_set=ElementSetFactory(name="Kosong"))
    assert caught.value.errors == [(0, "Kuesioner Kosong belum berisi unsur.")]


def test_reported_aggregates_kept_as_reported(org):
    survey = report_survey(org.kota, "2018Q4")
    result = survey_result(survey)
    # Table 2: TOTAL 85.55 although the mean of the nine rows is 82.77.
    assert result.ikm == Decimal("85.55")
    assert result.grade.letter == "B"
    assert [r.score for r in result.elements] == [
        Decimal(x)
        for x in [
            "91.95",
            "89.34",
            "88.60",
            "82.74",
            "81.65",
            "80.90",
            "77.80",
            "77.49",
            "74.50",
        ]
    ]
    assert all(r.nrr is None for r in result.elements)
    assert result.reported is True
    assert [r.element.code for r in result.weakest(2)] == ["sarana", "persyaratan"]


def test_reported_scores_outside_scale_are_refused(org):
    element = dki_set().elements.first()
    with pytest.raises(ValidationError) as caught:
        survey_report_save(
            unit=org.kota,
            period=Q4,
            element_set=dki_set(),
            total=Decimal("85.55"),
            scores={element.pk: Decimal("101")},
        )
    assert caught.value.messages == [
        "Kesesuaian biaya harus antara 25 dan 100 (skala IKM)."
    ]
    with pytest.raises(ValidationError):
        survey_report_save(
            unit=org.kota,
            period=Q4,
            element_set=dki_set(),
            total=Decimal("24.99"),
            scores={element.pk: Decimal("80")},
        )
    with pytest.raises(ValidationError):
        survey_report_save(
            unit=org.kota,
            period=Q4,
            element_set=dki_set(),
            total=Decimal("85.555"),
            scores={element.pk: Decimal("80")},
        )
    assert Survey.objects.count() == 0


def test_reported_scores_of_another_set_are_refused(org):
    other = permen_set().elements.first()
    with pytest.raises(ValidationError):
        survey_report_save(
            unit=org.kota,
            period=Q4,
            element_set=dki_set(),
            total=Decimal("85"),
            scores={other.pk: Decimal("80")},
        )


def test_reported_refuses_existing_period_unless_replace(org):
    report_survey(org.kota, "2018Q4")
    with pytest.raises(SurveyExists):
        report_survey(org.kota, "2018Q4", total="80.00")
    survey = survey_report_save(
        unit=org.kota,
        period=Q4,
        element_set=dki_set(),
        total=Decimal("80.00"),
        scores={dki_set().elements.first().pk: Decimal("70")},
        replace=True,
    )
    assert survey_result(survey).ikm == Decimal("80.00")
    assert ReportedScore.objects.count() == 1


def test_population_set(org):
    survey = import_survey(org.kecamatan)
    survey_population_set(survey=survey, population=60)
    survey.refresh_from_db()
    assert survey.population == 60
    check = survey_result(survey).sample
    assert (check.minimum, check.short) == (52, True)
    with pytest.raises(ValidationError):
        survey_population_set(survey=survey, population=0)
