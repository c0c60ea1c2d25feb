"""A deactivated employee's login loses its scope at once and its session on the
next request: every role with an employee record (staff, a kelurahan head, the
kecamatan head above), on its own pages and on a head's scope pages."""

import logging

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client, override_settings

from activities.selectors import activities_awaiting_verification
from ledger.permissions import READ_UNIT_LEDGER
from people.models import Employee, User
from people.permissions import can, is_head, is_staff_member
from people.selectors import employees_visible_to, units_visible_to
from programs.selectors import nominations_visible_to
from reports.permissions import READ_UNIT_REPORTS
from testsupport.matrix_world import World, build_world

MIDDLEWARE = "sosiokultural.middleware.DeactivatedEmployeeMiddleware"
LOGIN = resolve_url(settings.LOGIN_URL)


@pytest.fixture
def world(org, roles) -> World:
    return build_world(org, roles)


@pytest.fixture(autouse=True)
def _quiet_refusals():
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def _pages(world: World) -> dict[str, str]:
    """A head's scope pages, and the pages every employee has, all about staff
    A of kelurahan A (in scope of every role tested while active)."""
    return {
        "employees": "/pegawai/",
        "employee": f"/pegawai/{world.employee.pk}/",
        "unit_report": f"/laporan/unit/{world.unit.pk}/",
        "queue": "/kegiatan/verifikasi/",
        "nominations": "/program/usulan/",
        "nomination": f"/program/usulan/{world.nomination.pk}/",
        "jp_unit": f"/jp/unit/{world.unit.pk}/",
        "jp_employee": f"/jp/pegawai/{world.employee.pk}/",
        "activity": f"/kegiatan/{world.activity.pk}/",
    }


def _deactivate(user: User) -> User:
    Employee.objects.filter(pk=user.employee.pk).update(is_active=False)
    return User.objects.get(pk=user.pk)


# What a deactivated login gets without the middleware: nothing of its scope.
# (The lists answer 200 with nothing in them.)
UNSCOPED = {
    "employees": 200,
    "employee": 404,
    "unit_report": 403,
    "queue": 403,
    "nominations": 200,
    "nomination": 404,
    "jp_unit": 403,
    "jp_employee": 404,
    "activity": 404,
}


@pytest.mark.parametrize("role", ["staff_a", "head_a", "head_kecamatan"])
def test_the_session_ends_on_the_next_request(world, roles, role):
    user = getattr(roles, role)
    client = Client()
    client.force_login(user)
    pages = _pages(world)
    assert client.get(pages["employee"]).status_code == 200  # in scope while active
    _deactivate(user)
    for name, url in pages.items():
        response = client.get(url)
        assert (name, response.status_code) == (name, 302)
        assert response["Location"] == LOGIN
        # Signed out: the next request is an anonymous one.
        assert "_auth_user_id" not in client.session
        client.force_login(user)
    client.get("/")  # signed out again
    response = client.get(pages["employees"])
    assert response["Location"] == f"{LOGIN}?next=/pegawai/"


@pytest.mark.parametrize("role", ["staff_a", "head_a", "head_kecamatan"])
def test_the_scope_is_lost_at_once_even_before_the_session_ends(world, roles, role):
    """Everything that asks for the scope (selectors, predicates, pages) answers
    as for a login without an employee record, whatever the session holds."""
    user = _deactivate(getattr(roles, role))
    assert not is_head(user) and not is_staff_member(user)
    assert not user.is_head
    assert list(employees_visible_to(user)) == []
    assert list(units_visible_to(user)) == []
    assert list(nominations_visible_to(user)) == []
    assert list(activities_awaiting_verification(user)) == []
    assert not can(user, READ_UNIT_REPORTS)
    assert not can(user, READ_UNIT_LEDGER)
    client = Client()
    client.force_login(user)
    without = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    with override_settings(MIDDLEWARE=without):
        answers = {
            name: client.get(url).status_code for name, url in _pages(world).items()
        }
        page = client.get("/pegawai/")
    assert answers == UNSCOPED
    assert list(page.context["page"]) == []


def test_an_active_colleague_keeps_his_scope(world, roles):
    """Deactivating one head changes nothing for the head above him."""
    _deactivate(roles.head_a)
    client = Client()
    client.force_login(roles.head_kecamatan)
    for url in _pages(world).values():
        assert client.get(url).status_code == 200


def test_a_province_login_with_a_deactivated_employee_record_keeps_nothing(
    world, org, roles
):
    from people.permissions import sees_all_units
    from people.tests.factories import EmployeeFactory

    EmployeeFactory(unit=org.bpsdm, user=roles.bpsdm)
    bpsdm = User.objects.get(pk=roles.bpsdm.pk)
    assert sees_all_units(bpsdm)
    bpsdm = _deactivate(bpsdm)
    assert not sees_all_units(bpsdm) and not bpsdm.is_bpsdm
    assert list(employees_visible_to(bpsdm)) == []
    client = Client()
    client.force_login(bpsdm)
    response = client.get("/laporan/provinsi/")
    assert (response.status_code, response["Location"]) == (302, LOGIN)
    assert "_auth_user_id" not in client.session
