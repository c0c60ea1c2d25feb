"""Reads and the scoping rule of the whole project.

The rule: staff see their own records; unit heads see their unit and everything under
it; BPSDM admins, administrators and the inspectorate see every unit. A login whose
employee record is inactive sees nothing of its unit any more. Every app's selectors
build on ``unit_scope_q`` / ``employee_scope_q`` so the rule lives in one place; what
someone may *do* with what they see is ``people.permissions``.
"""

from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404

from people.models import Employee, EmployeeImport, Unit, User
from people.permissions import active_employee, is_signed_in
from people.tree import ancestor_paths, contains, subtree_q
from sosiokultural.queries import count_per_row

_NOTHING = Q(pk__in=[])


def user_employee(user: User) -> Employee | None:
    """The user's employee record while it is active, else ``None``."""
    return active_employee(user)


def scope_root_unit(user: User) -> Unit | None:
    """The top unit of a head's scope, or of a staff member's own unit."""
    employee = user_employee(user)
    return employee.unit if employee else None


def unit_scope_q(user: User, field: str = "unit") -> Q:
    """A Q restricting ``field`` (a FK to Unit) to the units ``user`` may see."""
    if not user.is_authenticated or not user.is_active:
        return _NOTHING
    if user.sees_all_units:
        return Q()
    unit = scope_root_unit(user)
    if unit is None:
        return _NOTHING
    if user.is_head:
        return subtree_q(unit, field)
    return Q(**{field: unit})


def employee_scope_q(user: User, field: str = "") -> Q:
    """A Q restricting employees (or ``field``, a FK to Employee) to those in scope."""
    prefix = f"{field}__" if field else ""
    if not user.is_authenticated or not user.is_active:
        return _NOTHING
    if user.sees_all_units:
        return Q()
    employee = user_employee(user)
    if employee is None:
        return _NOTHING
    if user.is_head:
        return subtree_q(employee.unit, f"{prefix}unit")
    return Q(**{f"{prefix}pk" if field else "pk": employee.pk})


def units_openable(user: User, units) -> set[int]:
    """The ids of ``units`` whose page ``user`` may open: a breadcrumb links only
    these (a unit above the user's scope answers 404)."""
    return set(
        units_visible_to(user)
        .filter(pk__in=[u.pk for u in units])
        .values_list("pk", flat=True)
    )


def units_visible_to(user: User) -> QuerySet[Unit]:
    if not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    if user.sees_all_units:
        return Unit.objects.all()
    unit = scope_root_unit(user)
    if unit is None:
        return Unit.objects.none()
    if user.is_head:
        return unit_subtree(unit)
    return Unit.objects.filter(pk=unit.pk)


def unit_get_for_user(user: User, pk: int) -> Unit:
    return get_object_or_404(units_visible_to(user), pk=pk)


def employees_visible_to(user: User) -> QuerySet[Employee]:
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit", "position_type"
    )


def employee_get_for_user(user: User, pk: int) -> Employee:
    return get_object_or_404(employees_visible_to(user), pk=pk)


def employees_in_subtree(
    employees: QuerySet[Employee], unit: Unit
) -> QuerySet[Employee]:
    """Narrow an already scoped employee queryset to ``unit`` and its sub-units."""
    return employees.filter(subtree_q(unit))


def unit_subtree(unit: Unit) -> QuerySet[Unit]:
    """This unit and everything under it: one indexed prefix query."""
    return Unit.objects.subtree_of(unit)


def units_with_employee_counts(units: QuerySet[Unit]) -> QuerySet[Unit]:
    """``units`` annotated with ``employee_count``, the active employees placed in
    each: a correlated count per row, so a page of units costs one query and never
    a GROUP BY over every employee."""
    return units.annotate(
        employee_count=count_per_row(Employee.objects.filter(is_active=True), "unit")
    )


def unit_ancestors(unit: Unit) -> QuerySet[Unit]:
    """The chain from the root down to ``unit`` (inclusive), in one query."""
    return Unit.objects.ancestors_of(unit)


def heads_over_unit(unit: Unit) -> QuerySet[User]:
    """Active head logins of ``unit`` or of any unit above it (who hear about, and
    may decide on, what happens in ``unit``)."""
    return User.objects.filter(
        role=User.Role.HEAD,
        is_active=True,
        employee__is_active=True,
        employee__unit__in=unit_ancestors(unit),
    ).order_by("pk")


def heads_over(unit) -> QuerySet[User]:
    """Active head logins of ``unit`` or of any unit above it; ``unit`` may be an
    ``OuterRef`` to a Unit, to ask it of each row of an outer query."""
    return User.objects.filter(
        contains(F("employee__unit"), unit),
        role=User.Role.HEAD,
        is_active=True,
        employee__is_active=True,
    )


def employee_imports_visible_to(user: User) -> QuerySet[EmployeeImport]:
    """An import job is its requester's alone."""
    if not is_signed_in(user):
        return EmployeeImport.objects.none()
    return EmployeeImport.objects.filter(requested_by=user)


def employee_import_get_for_user(user: User, pk: int) -> EmployeeImport:
    return get_object_or_404(employee_imports_visible_to(user), pk=pk)


def heads_over_units(units) -> dict[int, list[User]]:
    """``heads_over_unit`` for many units at once, in one query: {unit id: the
    active head logins of that unit or of any unit above it, by pk}."""
    units = list(units)
    wanted = {path for unit in units for path in ancestor_paths(unit.path)}
    by_path: dict[str, list[User]] = {}
    heads = (
        User.objects.filter(
            role=User.Role.HEAD,
            is_active=True,
            employee__is_active=True,
            employee__unit__path__in=sorted(wanted),
        )
        .annotate(unit_path=F("employee__unit__path"))
        .order_by("pk")
    )
    for head in heads:
        by_path.setdefault(head.unit_path, []).append(head)
    return {
        unit.pk: sorted(
            (h for path in ancestor_paths(unit.path) for h in by_path.get(path, [])),
            key=lambda head: head.pk,
        )
        for unit in units
    }
