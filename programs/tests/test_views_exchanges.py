from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.formats import date_format

from people.tests.factories import EmployeeFactory
from programs.models import Exchange, Nomination
from programs.rules import one_year_after
from programs.tests.pages import constant_queries

State = Nomination.State


# -- exchanges -----------------------------------------------------------------------


def _exchange_data(roles, days, **extra):
    start = timezone.localdate()
    data = {
        "employee": roles.staff_a.employee.pk,
        "partner": "PT Mitra Layanan",
        "starts_on": start,
        "ends_on": start + timedelta(days=days),
    }
    data.update(extra)
    return data


def test_exchange_create_and_limits(roles, login):
    client = login(roles.bpsdm)
    response = client.post("/program/pertukaran/baru/", _exchange_data(roles, 400))
    limit = one_year_after(timezone.localdate())
    assert response.context["form"].errors == {
        "ends_on": [
            "Pertukaran paling lama satu tahun: tanggal selesai paling lambat "
            f"{date_format(limit, 'DATE_FORMAT')}."
        ]
    }
    response = client.post("/program/pertukaran/baru/", _exchange_data(roles, -1))
    assert response.context["form"].errors == {
        "ends_on": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]
    }
    response = client.post(
        "/program/pertukaran/baru/",
        _exchange_data(roles, 365, report_file=SimpleUploadedFile("l.docx", b"PK\x03")),
    )
    assert response.context["form"].errors == {
        "report_file": ["Jenis berkas tidak didukung; gunakan PDF, JPG atau PNG."]
    }
    assert Exchange.objects.count() == 0
    response = client.post("/program/pertukaran/baru/", _exchange_data(roles, 180))
    assert response.status_code == 302
    assert Exchange.objects.get().partner == "PT Mitra Layanan"


def test_exchange_create_forbidden_to_heads(roles, login):
    response = login(roles.head_a).post(
        "/program/pertukaran/baru/", _exchange_data(roles, 30)
    )
    assert response.status_code == 403


def test_exchange_report_by_the_employee(roles, login):
    exchange = Exchange.objects.create(
        employee=roles.staff_a.employee,
        partner="PT Mitra",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=30),
    )
    url = f"/program/pertukaran/{exchange.pk}/laporan/"
    assert login(roles.head_a).get(url).status_code == 403
    assert login(roles.staff_b).get(url).status_code == 404
    client = login(roles.staff_a)
    response = client.post(url, {"learning_report": ""})
    assert response.context["form"].non_field_errors() == [
        "Isi laporan pembelajaran atau unggah berkasnya."
    ]
    response = client.post(
        url,
        {
            "learning_report": "Belajar layanan pelanggan.",
            "report_file": SimpleUploadedFile("laporan.png", b"\x89PNG\r\n\x1a\n000"),
        },
    )
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert exchange.learning_report == "Belajar layanan pelanggan."
    response = client.get(f"/program/pertukaran/{exchange.pk}/berkas/")
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\n000"


def test_exchange_list_scoped(roles, login):
    for employee in (roles.staff_a.employee, roles.staff_b.employee):
        Exchange.objects.create(
            employee=employee,
            partner="PT Mitra",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=30),
        )
    page = login(roles.head_a).get("/program/pertukaran/").context["page"]
    assert [x.employee for x in page] == [roles.staff_a.employee]
    assert len(login(roles.bpsdm).get("/program/pertukaran/").context["page"]) == 2


def test_exchange_list_query_count_constant(
    org, roles, login, django_assert_num_queries
):
    def add(n):
        for __ in range(n):
            Exchange.objects.create(
                employee=EmployeeFactory(unit=org.kel_a),
                partner="PT Mitra",
                starts_on=timezone.localdate(),
                ends_on=timezone.localdate() + timedelta(days=30),
            )

    add(1)
    constant_queries(
        login(roles.head_kecamatan),
        "/program/pertukaran/",
        lambda: add(6),
        django_assert_num_queries,
    )
