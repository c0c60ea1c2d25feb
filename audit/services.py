"""The only writer of the audit trail."""

from datetime import date, datetime
from decimal import Decimal

from django.db import models

from audit.models import AuditEvent


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The named fields of ``obj`` as JSON-ready values (FKs as ids)."""
    data = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        data[name] = _jsonable(getattr(obj, attname))
    return data


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> AuditEvent:
    """Record one change. Call it inside the transaction that makes the change."""
    event = _event(actor, action, target, before, after, note)
    event.save()
    return event


def audit_records(
    *, actor, action: str, changes: list[tuple[models.Model, dict, dict]]
) -> int:
    """Record many changes of one kind by one actor — (target, before, after)
    triples — in one INSERT per thousand, inside the transaction that makes them."""
    events = [
        _event(actor, action, target, before, after, "")
        for target, before, after in changes
    ]
    AuditEvent.objects.bulk_create(events, batch_size=1000)
    return len(events)


def _event(actor, action, target, before, after, note) -> AuditEvent:
    return AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
        note=note,
    )
