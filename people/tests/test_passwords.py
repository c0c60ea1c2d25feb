"""Every password a login is given passes the validators of a password change."""

import pytest
from django.core.exceptions import ValidationError

from people.models import User
from people.services import employee_login_create
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "messages"),
    [
        (
            "12345678",
            [
                "Kata sandi ini terlalu umum.",
                "Kata sandi ini seluruhnya terdiri dari angka.",
            ],
        ),
        ("password", ["Kata sandi ini terlalu umum."]),
        ("ani.susanti", ["Kata sandi terlalu mirip dengan nama pengguna."]),
    ],
)
def test_head_cannot_give_a_weak_password(roles, org, login, password, messages):
    employee = EmployeeFactory(unit=org.kel_a, email="ani@example.id")
    response = login(roles.head_a).post(
        f"/pegawai/{employee.pk}/akun/",
        {"username": "ani.susanti", "password": password},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"password": messages}
    assert not User.objects.filter(username="ani.susanti").exists()


def test_service_refuses_a_weak_password_whoever_calls_it(org):
    employee = EmployeeFactory(unit=org.kel_a)
    with pytest.raises(ValidationError) as error:
        employee_login_create(
            employee=employee, username="budi.santoso", password="budi.santoso"
        )
    assert error.value.message_dict == {
        "password": ["Kata sandi terlalu mirip dengan nama pengguna."]
    }
    employee.refresh_from_db()
    assert employee.user is None


def test_a_strong_password_is_accepted(roles, org, login):
    employee = EmployeeFactory(unit=org.kel_a)
    response = login(roles.head_a).post(
        f"/pegawai/{employee.pk}/akun/",
        {"username": "ani.susanti", "password": "Meruya-Utara-2025"},
    )
    assert response.status_code == 302
    assert User.objects.get(username="ani.susanti").check_password("Meruya-Utara-2025")
