"""The authorisation vocabulary itself (each app tests its own permissions)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404

from people import permissions as p
from people.models import Employee, User


def test_define_refuses_a_name_twice_and_can_refuses_unknown_names():
    with pytest.raises(ValueError):
        p.define(p.MANAGE_EMPLOYEES, p.is_head)
    with pytest.raises(KeyError):
        p.can(User(), "people.no_such_thing")
    with pytest.raises(KeyError):
        p.require("people.no_such_thing")


def test_role_predicates(roles):
    assert p.is_head(roles.head_a) and not p.is_head(roles.staff_a)
    assert p.is_staff_member(roles.staff_a)
    assert p.sees_all_units(roles.bpsdm) and p.sees_all_units(roles.admin)
    assert p.runs_province(roles.bpsdm) and not p.runs_province(roles.head_a)
    assert p.sees_all_units(roles.inspector) and not p.runs_province(roles.inspector)


def test_a_deactivated_head_is_no_longer_a_head(roles):
    Employee.objects.filter(pk=roles.head_a.employee.pk).update(is_active=False)
    head = User.objects.get(pk=roles.head_a.pk)
    assert not p.is_head(head)
    assert not head.is_head
    assert p.active_employee(head) is None


def test_nobody_decides_about_themselves(roles):
    head = roles.head_kecamatan
    assert p.heads_employee(head, roles.head_a.employee)
    assert p.heads_employee(head, roles.staff_b.employee)
    assert not p.heads_employee(head, head.employee)
    assert not p.heads_employee(roles.head_a, roles.staff_b.employee)
    assert p.can(roles.head_a, p.EDIT_EMPLOYEE, roles.staff_a.employee)
    assert not p.can(roles.head_a, p.EDIT_EMPLOYEE, roles.head_a.employee)
    # A superuser is not exempt (Django's has_perm would be).
    roles.head_a.is_superuser = True
    assert p.can(roles.head_a, p.EDIT_EMPLOYEE, roles.staff_a.employee)
    assert not p.can(roles.head_a, p.EDIT_EMPLOYEE, roles.head_a.employee)
    assert not p.can(roles.head_a, p.GIVE_LOGIN, roles.head_a.employee)


def test_fetch_answers_404_out_of_scope_then_403(roles):
    queryset = Employee.objects.filter(unit=roles.head_a.employee.unit)
    with pytest.raises(Http404):
        p.fetch(queryset, user=roles.head_a, pk=roles.staff_b.employee.pk)
    with pytest.raises(PermissionDenied):
        p.fetch(
            queryset,
            user=roles.head_a,
            permission=p.EDIT_EMPLOYEE,
            pk=roles.head_a.employee.pk,
        )
    assert (
        p.fetch(
            queryset,
            user=roles.head_a,
            permission=p.EDIT_EMPLOYEE,
            pk=roles.staff_a.employee.pk,
        )
        == roles.staff_a.employee
    )


TAG = re.compile(r"""{%\s*can\s+["']([\w.]+)["']""")


def test_every_permission_a_template_names_is_defined():
    """Templates name permissions as strings: a typo would silently hide a button,
    so every name used in ``{% can "…" %}`` must be defined."""
    used = {}
    for template in Path(settings.BASE_DIR).glob("**/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        for name in TAG.findall(template.read_text(encoding="utf-8")):
            used.setdefault(name, template)
    unknown = {n: str(t) for n, t in used.items() if n not in p.PERMISSIONS}
    assert not unknown
