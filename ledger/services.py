"""The only writers of the JP ledger."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from ledger.models import JPEntry


@transaction.atomic
def jp_credit_set(
    *,
    source_key: str,
    source: str,
    occurred_on: date,
    description: str,
    credits: dict[int, Decimal | int],
    form_id: int | None = None,
) -> None:
    """Make the ledger hold exactly ``credits`` ({employee_id: minutes}) for
    ``source_key``: entries are created, updated, or removed (employees no longer
    credited). Idempotent: calling it twice with the same arguments changes nothing.
    """
    existing = {e.employee_id: e for e in JPEntry.objects.filter(source_key=source_key)}
    stale = [pk for emp, e in existing.items() if emp not in credits for pk in [e.pk]]
    if stale:
        JPEntry.objects.filter(pk__in=stale).delete()
    new = []
    for employee_id, minutes in credits.items():
        minutes = Decimal(minutes)
        entry = existing.get(employee_id)
        if entry is None:
            new.append(
                JPEntry(
                    employee_id=employee_id,
                    source=source,
                    source_key=source_key,
                    occurred_on=occurred_on,
                    minutes=minutes,
                    description=description[:300],
                    form_id=form_id,
                )
            )
        elif (entry.minutes, entry.occurred_on, entry.description, entry.form_id) != (
            minutes,
            occurred_on,
            description[:300],
            form_id,
        ):
            entry.minutes, entry.occurred_on = minutes, occurred_on
            entry.description, entry.form_id = description[:300], form_id
            entry.save(update_fields=["minutes", "occurred_on", "description", "form"])
    JPEntry.objects.bulk_create(new)


def jp_credit_clear(*, source_key: str) -> int:
    """Remove every credit of ``source_key`` (un-verified, withdrawn)."""
    deleted, __ = JPEntry.objects.filter(source_key=source_key).delete()
    return deleted
