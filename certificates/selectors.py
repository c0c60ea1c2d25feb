"""Reads of certificates: the holder, the heads over them and the province see
a certificate (the project's employee scope); anyone may verify one by its
public id."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from certificates.models import Certificate
from ledger.models import JPEntry
from people.models import User
from people.selectors import employee_scope_q


def certificates_visible_to(user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        employee_scope_q(user, "employee")
    ).select_related("employee__unit")


def certificate_get_for_user(user: User, pk: int) -> Certificate:
    return get_object_or_404(certificates_visible_to(user), pk=pk)


def certificate_public(public_id: str) -> Certificate:
    return get_object_or_404(
        Certificate.objects.select_related("employee"), public_id=public_id
    )


def entry_get_for_user(user: User, *, employee_id: int, source_key: str) -> JPEntry:
    """The ledger entry (a completion granting JP) behind a certificate, within
    the user's employee scope (404 otherwise)."""
    return get_object_or_404(
        JPEntry.objects.filter(employee_scope_q(user, "employee")).select_related(
            "employee", "form"
        ),
        employee_id=employee_id,
        source_key=source_key,
    )
