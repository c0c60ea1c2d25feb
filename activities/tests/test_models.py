"""The database refuses what the forms refuse, whoever writes."""

import pytest
from django.db import IntegrityError, transaction

from activities.models import Activity, Attendance, Coaching
from activities.tests.factories import form, past, record_briefing


def _raw(roles, **fields):
    values = {
        "form": form("briefing"),
        "unit": roles.head_a.employee.unit,
        "started_at": past(),
        "duration_minutes": 10,
        "recorded_by": roles.head_a,
        "status": "submitted",
    }
    return Activity(**(values | fields))


@pytest.mark.parametrize("minutes", [0, 481])
def test_duration_check_constraint(framework, roles, minutes):
    with pytest.raises(IntegrityError), transaction.atomic():
        _raw(roles, duration_minutes=minutes).save()


def test_duration_limits_accepted(framework, roles):
    _raw(roles, duration_minutes=1).save()
    _raw(roles, duration_minutes=480).save()
    assert Activity.objects.count() == 2


def test_verified_needs_verifier_and_rejected_needs_reason(framework, roles):
    with pytest.raises(IntegrityError), transaction.atomic():
        _raw(roles, status="verified").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _raw(roles, status="rejected").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _raw(roles, status="archived").save()


def test_attendance_unique_per_activity_and_employee(framework, roles):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(
            activity=activity, employee=roles.staff_a.employee, status="absent"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(
            activity=activity, employee=roles.head_a.employee, status="late"
        )


def test_coach_cannot_be_coachee(framework, roles):
    employee = roles.staff_a.employee
    with pytest.raises(IntegrityError), transaction.atomic():
        Coaching.objects.create(
            unit=employee.unit,
            coach=employee,
            coachee=employee,
            goal="x",
            started_on=past().date(),
            created_by=roles.head_a,
        )
