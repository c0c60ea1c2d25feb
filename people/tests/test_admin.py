from assessments.models import LevelCount
from people.models import Employee, User
from people.tests.factories import UserFactory
from programs.tests.factories import framework, latest_level


def test_employee_admin_change_goes_through_the_service(org, roles, client):
    employee = roles.staff_a.employee
    dims, __ = framework()
    latest_level(employee, next(iter(dims.values())), 3)
    client.force_login(
        UserFactory(
            username="super", role=User.Role.ADMIN, is_staff=True, is_superuser=True
        )
    )
    url = f"/admin/people/employee/{employee.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data.update(unit=org.kel_b.pk, position_type=employee.position_type_id)
    response = client.post(url, data)
    assert response.status_code == 302
    assert Employee.objects.get(pk=employee.pk).unit == org.kel_b
    assert list(LevelCount.objects.values_list("unit_id", "employees")) == [
        (org.kel_b.pk, 1)
    ]


def test_employee_admin_outsider_is_sent_to_login(roles, client):
    client.force_login(roles.staff_a)
    response = client.get(f"/admin/people/employee/{roles.staff_a.employee.pk}/change/")
    assert response.status_code == 302
