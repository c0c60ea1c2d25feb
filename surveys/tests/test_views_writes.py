from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from surveys.models import Answer, Survey
from surveys.tests.factories import answers_csv, dki_set, permen_set

pytestmark = pytest.mark.django_db


def _detail(unit, period="2018Q4"):
    return f"/ikm/unit/{unit.pk}/{period}/"


# -- import page ----------------------------------------------------------------------


def _upload(content, name="ikm.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_import_page_imports(roles, org, login):
    client = login(roles.head_a)
    response = client.post(
        "/ikm/impor/",
        {
            "unit": org.kel_a.pk,
            "period": "2018Q4",
            "population": "60",
            "file": _upload(answers_csv(permen_set(), [[4] * 9, [3] * 9])),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _detail(org.kel_a)
    survey = Survey.objects.get()
    assert (survey.population, survey.created_by) == (60, roles.head_a)
    # [4]*9 and [3]*9: NRR 3.5 for each of 9 elements → IKM 87.50, grade B.
    page = client.get(response["Location"])
    assert [str(m) for m in page.context["messages"]] == [
        "Impor berhasil: 2 responden, IKM 87,50 (B)."
    ]


def test_import_page_shows_row_errors_and_saves_nothing(roles, org, login):
    response = login(roles.head_a).post(
        "/ikm/impor/",
        {
            "unit": org.kel_a.pk,
            "period": "2018Q4",
            "file": _upload(answers_csv(permen_set(), [[4] * 9, [4] * 8 + [5]])),
        },
    )
    assert response.status_code == 200
    assert response.context["errors"] == [
        (3, "jawaban unsur sarana = 5 di luar rentang 1–4")
    ]
    assert "Baris 3" in response.content.decode()
    assert Survey.objects.count() == Answer.objects.count() == 0


def test_import_page_replace_checkbox(roles, org, surveys, login):
    client = login(roles.head_a)
    data = {"unit": org.kel_a.pk, "period": "2018Q4"}
    response = client.post(
        "/ikm/impor/", {**data, "file": _upload(answers_csv(permen_set(), [[1] * 9]))}
    )
    assert response.status_code == 200
    assert "sudah ada" in str(response.context["form"].errors["replace"])
    assert Answer.objects.filter(response__survey__unit=org.kel_a).count() == 18
    response = client.post(
        "/ikm/impor/",
        {
            **data,
            "replace": "on",
            "file": _upload(answers_csv(permen_set(), [[1] * 9])),
        },
    )
    assert response.status_code == 302
    assert Answer.objects.filter(response__survey__unit=org.kel_a).count() == 9


def test_import_page_refuses_units_out_of_scope(roles, org, login):
    response = login(roles.head_a).post(
        "/ikm/impor/",
        {
            "unit": org.kel_b.pk,
            "period": "2018Q4",
            "file": _upload(answers_csv(permen_set(), [[4] * 9])),
        },
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Survey.objects.count() == 0


def test_import_page_checks_type_and_content(roles, org, login):
    client = login(roles.head_a)
    data = {"unit": org.kel_a.pk, "period": "2018Q4"}
    response = client.post("/ikm/impor/", {**data, "file": _upload(b"x", "a.pdf")})
    assert response.context["form"].errors["file"] == [
        "Jenis berkas tidak didukung; gunakan CSV atau XLSX."
    ]
    response = client.post("/ikm/impor/", {**data, "file": _upload(b"a,b", "a.xlsx")})
    assert response.context["form"].errors["file"] == [
        "Isi berkas bukan XLSX yang sah."
    ]
    response = client.post(
        "/ikm/impor/", {"unit": org.kel_a.pk, "period": "2018Q7", "file": _upload(b"a")}
    )
    assert "period" in response.context["form"].errors


def test_import_page_forbidden_for_staff(roles, login):
    assert login(roles.staff_a).get("/ikm/impor/").status_code == 403
    assert login(roles.staff_a).get("/ikm/dilaporkan/").status_code == 403


# -- reported page --------------------------------------------------------------------


def test_reported_page_stores_values_as_entered(roles, org, login):
    element_set = dki_set()
    elements = list(element_set.elements.order_by("order"))
    values = [
        "90.98",
        "88.92",
        "88.66",
        "83.12",
        "81.83",
        "79.25",
        "76.93",
        "78.74",
        "74.74",
    ]
    data = {
        "set": "dki-ptsp",
        "unit": org.kota.pk,
        "period": "2018Q4",
        "total": "85.35",
        "source": "Tabel 2, kolom KOTA",
    }
    data.update({f"score_{e.pk}": v for e, v in zip(elements, values, strict=True)})
    response = login(roles.bpsdm).post("/ikm/dilaporkan/?set=dki-ptsp", data)
    assert response.status_code == 302
    survey = Survey.objects.get()
    assert (survey.kind, survey.reported_total, survey.source) == (
        "reported",
        Decimal("85.35"),
        "Tabel 2, kolom KOTA",
    )
    stored = dict(survey.reported_scores.values_list("element__code", "score"))
    assert stored["info_pengaduan"] == Decimal("76.93")
    assert stored["sarana"] == Decimal("74.74")


def test_reported_page_refuses_out_of_scale(roles, org, login):
    element = dki_set().elements.order_by("order").first()
    response = login(roles.bpsdm).post(
        "/ikm/dilaporkan/",
        {
            "set": "dki-ptsp",
            "unit": org.kota.pk,
            "period": "2018Q4",
            "total": "101",
            f"score_{element.pk}": "20",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "total" in errors
    assert f"score_{element.pk}" in errors
    assert Survey.objects.count() == 0


def test_reported_page_unit_out_of_scope(roles, org, login):
    response = login(roles.head_a).get("/ikm/dilaporkan/?set=dki-ptsp")
    assert list(response.context["form"].fields["unit"].queryset) == [org.kel_a]
    assert login(roles.head_a).get("/ikm/dilaporkan/?set=nope").status_code == 404
