"""End to end through the real broker and a real worker (run by .ci/run)."""

import pytest

from notices.models import Notice
from people.services import employee_login_create
from people.tests.factories import EmployeeFactory
from testsupport import wait_for


@pytest.mark.broker
def test_welcome_notice_delivered_by_real_worker(celery_worker_process, org):
    employee = EmployeeFactory(unit=org.kel_a, email="baru@example.id")
    user = employee_login_create(
        employee=employee, username="baru", password="Meruya-Utara-2025"
    )
    delivered = wait_for(
        lambda: Notice.objects.filter(
            recipient=user, kind="welcome", status="delivered"
        ).count()
    )
    assert delivered == 1
    assert Notice.objects.get(recipient=user).attempts == 1
