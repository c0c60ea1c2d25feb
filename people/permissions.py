"""The project's one authorisation vocabulary.

Two questions, answered in two places:

- **Which rows** someone may see is the scoping rule (``people.selectors``): out of
  scope answers 404.
- **Which actions** someone may take is a permission: a name defined once with
  :func:`define` from typed predicates (django-rules), checked with :func:`can` by
  views, services and templates (``{% can "app.perm" obj as ok %}``). A refused
  action answers 403.

Role predicates live here; each app's ``permissions.py`` composes them with its own
object predicates and defines its permissions as module constants, so a misspelt
name fails at import time, not at request time. Templates name permissions as
strings; a test checks that every name they use is defined.

Django's own ``user.has_perm`` is not used: it grants everything to superusers,
and here nobody (a superuser included) may, say, verify their own activity or read
a private note.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from rules import Predicate, predicate

from people.models import Employee, User

M = TypeVar("M", bound=Model)

# Every permission defined with ``define``: name → predicate.
PERMISSIONS: dict[str, Predicate] = {}


def define(name: str, rule: Predicate) -> str:
    """Register the permission ``name`` ("app.verb_noun") and return the name, to be
    kept as a module constant: ``APPROVE = define("programs.approve", …)``."""
    if name in PERMISSIONS:
        raise ValueError(f"permission {name!r} is defined twice")
    if "." not in name:
        raise ValueError(f"permission {name!r} must be named 'app.action'")
    PERMISSIONS[name] = rule
    rules.add_perm(name, rule)
    return name


def can(user: User, permission: str, obj: Any = None) -> bool:
    """Whether ``user`` may take the action ``permission`` (on ``obj``)."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return rules.has_perm(permission, user, obj)


def check(user: User, permission: str, obj: Any = None, *, message: str = "") -> None:
    """Raise ``PermissionDenied`` (403, with ``message`` for callers that show it)
    unless ``can(user, permission, obj)``."""
    if not can(user, permission, obj):
        raise PermissionDenied(message)


def require(permission: str) -> Callable:
    """View decorator: 403 unless the signed-in user has ``permission`` (a role
    permission, tested without an object). Put it under ``@login_required``."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            check(request.user, permission)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def fetch(
    queryset: QuerySet[M], *, user: User, permission: str | None = None, **lookup
) -> M:
    """The object of ``queryset`` (already scoped to ``user``) matching ``lookup``:
    404 when it is not there (out of scope), 403 when ``permission`` is given and
    ``user`` may not take that action on it. One call, in that order."""
    obj = get_object_or_404(queryset, **lookup)
    if permission is not None:
        check(user, permission, obj)
    return obj


# -- who someone is ------------------------------------------------------------------


def active_employee(user: User) -> Employee | None:
    """The user's employee record while it is active (a deactivated employee's
    login keeps nothing of their unit's scope)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        employee = user.employee
    except Employee.DoesNotExist:
        return None
    return employee if employee.is_active else None


@predicate
def is_signed_in(user: User) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


@predicate
def is_head(user: User) -> bool:
    """A unit head with an active employee record in the unit they lead."""
    return (
        is_signed_in(user)
        and user.role == User.Role.HEAD
        and active_employee(user) is not None
    )


@predicate
def is_staff_member(user: User) -> bool:
    """Staff (pegawai) with an active employee record."""
    return (
        is_signed_in(user)
        and user.role == User.Role.STAFF
        and active_employee(user) is not None
    )


@predicate
def is_bpsdm(user: User) -> bool:
    return is_signed_in(user) and user.role == User.Role.BPSDM


@predicate
def is_administrator(user: User) -> bool:
    return is_signed_in(user) and (user.role == User.Role.ADMIN or user.is_superuser)


@predicate
def is_inspector(user: User) -> bool:
    """The inspectorate: reads everything any unit holds, changes nothing."""
    return (
        is_signed_in(user)
        and user.role == User.Role.INSPECTOR
        and not user.is_superuser
    )


#: Heads and staff: people who belong to a unit and record what happens there.
in_a_unit = is_head | is_staff_member
#: Who sees every unit (aggregates, every list): BPSDM, administrators, inspectorate.
sees_all_units = is_bpsdm | is_administrator | is_inspector
#: Who runs the province: BPSDM and administrators (writes across all units).
runs_province = is_bpsdm | is_administrator
#: Heads and everyone above them (reads of unit-level pages).
heads_and_up = is_head | sees_all_units


@predicate
def is_self(user: User, employee: Employee | None) -> bool:
    """``employee`` is the user's own employee record."""
    own = active_employee(user) if user is not None else None
    return employee is not None and own is not None and own.pk == employee.pk


@predicate
def heads_unit_of(user: User, unit) -> bool:
    """The user is an active head of ``unit`` or of a unit above it."""
    own = active_employee(user)
    return (
        unit is not None
        and own is not None
        and user.role == User.Role.HEAD
        and own.unit.contains(unit)
    )


@predicate
def heads_employee(user: User, employee: Employee | None) -> bool:
    """The user is an active head over ``employee``'s unit and is not ``employee``
    (nobody decides about themselves)."""
    return (
        employee is not None
        and not is_self(user, employee)
        and heads_unit_of(user, employee.unit)
    )


@predicate
def heads_unit_of_employee(user: User, employee: Employee | None) -> bool:
    """The user heads ``employee``'s unit (or one above it); ``employee`` may be the
    user themselves (reads, not decisions)."""
    return employee is not None and heads_unit_of(user, employee.unit)


# -- people's own permissions ---------------------------------------------------------

#: The employee list's "add" and "edit" entries (heads their subtree, the province).
MANAGE_EMPLOYEES = define("people.manage_employees", is_head | runs_province)
IMPORT_EMPLOYEES = define("people.import_employees", runs_province)
#: Edit an employee's record: the province, or a head over them (not themselves).
EDIT_EMPLOYEE = define(
    "people.edit_employee", ~is_self & (runs_province | heads_unit_of_employee)
)
#: Who gives logins at all (the page); which employee is ``GIVE_LOGIN``.
GIVE_LOGINS = define("people.give_logins", is_administrator | is_head)
#: Give an employee a login: administrators, or a head over them (not BPSDM), never
#: to one's own record.
GIVE_LOGIN = define(
    "people.give_login", ~is_self & (is_administrator | heads_unit_of_employee)
)
