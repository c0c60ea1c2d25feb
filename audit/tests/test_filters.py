from datetime import date

from django.utils import timezone

from audit.filters import AuditFilter
from audit.models import AuditEvent
from audit.services import audit_record


def _events(roles):
    first = audit_record(
        actor=roles.head_a, action="standard.create", target=roles.staff_a
    )
    second = audit_record(
        actor=roles.bpsdm, action="standard.update", target=roles.staff_a
    )
    return first, second


def _shown(data) -> list[int]:
    return [e.pk for e in AuditFilter(data, AuditEvent.objects.order_by("pk")).qs]


def test_audit_filter_by_action_actor_and_unit(org, roles):
    first, second = _events(roles)
    assert _shown({"action": "standard.update"}) == [second.pk]
    assert _shown({"actor": roles.head_a.username.upper()}) == [first.pk]
    assert _shown({"unit": org.kecamatan.pk}) == [first.pk]
    assert _shown({"target_type": "programs.nomination"}) == []
    assert _shown({"target_type": "people.user"}) == [first.pk, second.pk]
    assert _shown({}) == [first.pk, second.pk]


def test_audit_filter_by_dates(roles):
    first, second = _events(roles)
    today = timezone.localdate(first.at)  # the trail's day is the local one
    assert _shown({"start": today.isoformat(), "end": today.isoformat()}) == [
        first.pk,
        second.pk,
    ]
    assert _shown({"end": date(2000, 1, 1).isoformat()}) == []


def test_audit_filter_invalid_values_keep_every_event_and_say_why(roles):
    first, second = _events(roles)
    filterset = AuditFilter(
        {"action": "drop.table", "start": "kemarin", "actor": "x" * 151},
        AuditEvent.objects.order_by("pk"),
    )
    assert set(filterset.form.errors) == {"action", "start", "actor"}
    assert [e.pk for e in filterset.qs] == [first.pk, second.pk]


def test_audit_filter_reversed_dates_keep_every_event(roles):
    first, second = _events(roles)
    filterset = AuditFilter(
        {"start": "2026-01-06", "end": "2026-01-05", "action": "standard.update"},
        AuditEvent.objects.order_by("pk"),
    )
    assert list(filterset.form.errors) == ["end"]
    assert [e.pk for e in filterset.qs] == [first.pk, second.pk]
