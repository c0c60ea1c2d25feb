"""Participations in the state the apps produce: a program completed through
the nomination services, a self-development activity verified on recording."""

from datetime import timedelta

from django.utils import timezone

from activities.tests.factories import past, record_self_development
from programs.services.nominations import nomination_approve, nomination_complete
from programs.tests.factories import NominationFactory, past_program


def ended_program(days_ago: int, **kwargs):
    today = timezone.localdate()
    ends = today - timedelta(days=days_ago)
    defaults = {
        "starts_on": ends - timedelta(days=4),
        "ends_on": ends,
        "registration_opens_on": ends - timedelta(days=40),
        "registration_closes_on": ends - timedelta(days=10),
        "capacity": None,
        "unlimited_seats": True,
    }
    defaults.update(kwargs)
    return past_program(**defaults)


def completed(program, employee, bpsdm, outcome: str = "completed"):
    nomination = NominationFactory(program=program, employee=employee)
    nomination_approve(nomination_id=nomination.pk, by=bpsdm)
    nomination.refresh_from_db()
    return nomination_complete(
        nomination=nomination,
        by=bpsdm,
        outcome=outcome,
        attendance_percent=100,
        today=program.ends_on,
    )


def self_study(head, employee, days_ago: int):
    return record_self_development(
        head, employee=employee, started_at=past(days=days_ago, hour=13)
    )
