"""The login message, the filters' "all" choice and the breadcrumbs of the unit
and employee pages."""

import pytest
from django.test import Client

from people.forms import EmployeeFilterForm
from people.tests.factories import EmployeeFactory


def _client(user=None, language="id") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
def test_login_error_names_the_fields_once(roles):
    response = _client().post(
        "/akun/masuk/", {"username": roles.staff_a.username, "password": "salah"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Nama pengguna atau sandi salah. Huruf besar dan kecil dibedakan."
    ]
    english = _client(language="en").post(
        "/akun/masuk/", {"username": roles.staff_a.username, "password": "salah"}
    )
    assert english.context["form"].non_field_errors() == [
        "Wrong username or password. Upper and lower case letters differ."
    ]


@pytest.mark.django_db
def test_employee_filters_offer_all_instead_of_dashes(roles):
    html = _client(roles.head_kecamatan).get("/pegawai/").content.decode()
    assert "---------" not in html
    form = EmployeeFilterForm()
    assert (
        form.fields["unit"].empty_label,
        form.fields["position_type"].empty_label,
    ) == (
        "Semua unit",
        "Semua jabatan",
    )


@pytest.mark.django_db
def test_unit_breadcrumb_links_only_units_the_user_may_open(org, roles):
    staff = _client(roles.staff_a).get(f"/unit/{org.kel_a.pk}/")
    assert staff.status_code == 200
    html = staff.content.decode()
    assert f'href="/unit/{org.kecamatan.pk}/"' not in html
    assert "Kembangan" in html
    head = _client(roles.head_kecamatan).get(f"/unit/{org.kel_a.pk}/").content.decode()
    assert f'href="/unit/{org.kecamatan.pk}/"' in head
    assert f'href="/unit/{org.kota.pk}/"' not in head
    assert _client(roles.staff_b).get(f"/unit/{org.kel_a.pk}/").status_code == 404


@pytest.mark.django_db
def test_employee_breadcrumb_links_only_units_the_user_may_open(org, roles):
    employee = roles.staff_a.employee
    html = _client(roles.staff_a).get(f"/pegawai/{employee.pk}/").content.decode()
    assert f'href="/unit/{org.kel_a.pk}/"' in html
    assert f'href="/unit/{org.kecamatan.pk}/"' not in html
    head = _client(roles.head_a).get(f"/pegawai/{employee.pk}/").content.decode()
    assert f'href="/unit/{org.kel_a.pk}/"' in head
    assert f'href="/unit/{org.kecamatan.pk}/"' not in head
    other = EmployeeFactory(unit=org.kel_b)
    assert _client(roles.staff_a).get(f"/pegawai/{other.pk}/").status_code == 404
