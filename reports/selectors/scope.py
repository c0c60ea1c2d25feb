"""Which units' reports someone opens: the people scoping rule
(``people.selectors``) narrowed by ``READ_UNIT_REPORTS``. Employees and their
reports are scoped by ``people.selectors.employee_get_for_user`` itself; out of
scope → 404 through ``get_object_or_404``."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from people.models import Unit, User
from people.permissions import can
from people.selectors import scope_root_unit, units_visible_to
from reports.permissions import READ_UNIT_REPORTS


def report_units_visible_to(user: User) -> QuerySet[Unit]:
    """Units whose unit report a user may open: heads their subtree, those who
    see every unit all; staff none (they have their own report)."""
    if not can(user, READ_UNIT_REPORTS):
        return Unit.objects.none()
    return units_visible_to(user)


def report_unit_get_for_user(user: User, pk: int) -> Unit:
    return get_object_or_404(report_units_visible_to(user), pk=pk)


def aggregate_root(user: User) -> Unit | None:
    """Where the aggregate starts: every top unit for those who see every unit
    (``None``), the head's own unit for a head."""
    if user.sees_all_units:
        return None
    return scope_root_unit(user)
