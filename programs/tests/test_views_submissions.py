from people.tests.factories import EmployeeFactory
from programs.models import Nomination, Submission
from programs.services import (
    submission_create,
)
from programs.tests.pages import constant_queries

State = Nomination.State


# -- submissions and demand ----------------------------------------------------------


def test_head_submits_unit_data(roles, login, fw):
    response = login(roles.head_a).post(
        "/program/kiriman/kirim/", {"unit": roles.head_a.employee.unit_id}
    )
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert (submission.unit, submission.submitted_by, submission.employee_count) == (
        roles.head_a.employee.unit,
        roles.head_a,
        2,
    )


def test_head_cannot_submit_other_unit(roles, login, fw):
    response = login(roles.head_a).post(
        "/program/kiriman/kirim/", {"unit": roles.head_b.employee.unit_id}
    )
    assert response.status_code == 302
    assert Submission.objects.count() == 0


def test_bpsdm_sees_which_units_submitted(
    org, roles, login, fw, django_assert_num_queries
):
    submission_create(unit=org.kel_a, by=roles.head_a)
    response = login(roles.bpsdm).get("/program/kiriman/")
    status = {
        u.code: (u.submission_count, u.latest_submission_id)
        for u in response.context["units"]
    }
    submission = Submission.objects.get()
    assert status == {
        "JB": (0, None),
        "JB-KMB": (0, None),
        "JB-KMB-MU": (1, submission.pk),
        "JB-KMB-JG": (0, None),
    }

    def grow():
        for __ in range(3):
            submission_create(unit=org.kel_b, by=roles.head_b)

    constant_queries(
        login(roles.bpsdm), "/program/kiriman/", grow, django_assert_num_queries
    )


def test_demand_page(roles, login, org, fw, django_assert_num_queries):
    response = login(roles.bpsdm).get("/program/kebutuhan/", {"units": [org.kel_a.pk]})
    assert response.status_code == 200
    assert response.context["result"].employees == 2
    for user in (roles.head_a, roles.staff_a):
        assert login(user).get("/program/kebutuhan/").status_code == 403

    def grow():
        for __ in range(5):
            EmployeeFactory(unit=org.kel_a)

    constant_queries(
        login(roles.bpsdm),
        f"/program/kebutuhan/?units={org.kel_a.pk}",
        grow,
        django_assert_num_queries,
    )
