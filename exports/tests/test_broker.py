"""Background exports against PostgreSQL, a real Redis and real Celery workers (run
by .ci/run): a request made while Redis is down succeeds and the file is built once
Redis is back; a job whose worker is SIGKILLed mid-build is finished by another."""

import os
import signal
import time
from datetime import timedelta

import psycopg2
import pytest
from django.db import connection
from django.utils import timezone

from exports import services
from exports.models import Export
from exports.services import export_enqueue
from exports.tasks import sweep_exports
from people.tests.factories import EmployeeFactory
from sosiokultural.broker import broker_reset
from testsupport import wait_for

pytestmark = pytest.mark.broker


@pytest.fixture(autouse=True)
def _forget_broker_failures():
    broker_reset()
    yield
    broker_reset()


def _status(export_id: int) -> str:
    return Export.objects.values_list("status", flat=True).get(pk=export_id)


def test_export_requested_while_redis_is_down_is_built_when_it_is_back(
    private_redis, celery_worker_process, org, roles, login
):
    EmployeeFactory.create_batch(5, unit=org.kel_a)
    client = login(roles.head_a)
    private_redis.stop()

    started = time.monotonic()
    response = client.post("/pegawai/ekspor.xlsx")
    assert time.monotonic() - started < 15  # publishing failed fast
    export = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ekspor/{export.pk}/"
    assert client.get(response["Location"]).status_code == 200
    time.sleep(1)
    assert (_status(export.pk), export.published_at) == ("pending", None)

    private_redis.start()
    assert sweep_exports() == 1
    assert wait_for(lambda: _status(export.pk) == "done", timeout=60)
    export.refresh_from_db()
    assert (export.attempts, export.rows_done, export.progress) == (1, 7, 100)
    assert sweep_exports() == 0
    assert client.get(f"/ekspor/{export.pk}/unduh/").status_code == 200


def _lock_employees():
    """A second database session holding an exclusive lock on the employee table:
    a build that reads employees waits on it (a slow query, deterministically)."""
    settings = connection.settings_dict
    lock = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )
    with lock.cursor() as cursor:
        cursor.execute("LOCK TABLE people_employee IN ACCESS EXCLUSIVE MODE")
    return lock


def test_job_of_a_sigkilled_worker_is_finished_by_another(
    celery_worker_factory, org, roles
):
    EmployeeFactory.create_batch(5, unit=org.kel_a)
    first = celery_worker_factory()
    export = Export.objects.create(
        requested_by=roles.bpsdm,
        kind="people.employees",
        fmt="csv",
        params={"query": {}, "kwargs": {}, "language": "id"},
    )
    lock = _lock_employees()
    try:
        assert export_enqueue(export_id=export.pk) is True
        # The first worker claimed the job and is stuck reading employees.
        assert wait_for(lambda: _status(export.pk) == "running", timeout=30)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        lock.rollback()
        lock.close()
    assert _status(export.pk) == "running"  # nobody will finish it by itself
    assert sweep_exports() == 0  # its lease has not run out yet

    celery_worker_factory()
    stale = timezone.now() - services.LEASE - timedelta(seconds=1)
    Export.objects.filter(pk=export.pk).update(heartbeat_at=stale)
    assert sweep_exports() == 1
    assert wait_for(lambda: _status(export.pk) == "done", timeout=60)
    export.refresh_from_db()
    # Claimed twice (the dead worker's attempt counts), built once.
    assert (export.attempts, export.rows_done) == (2, 10)
    with export.file.open("rb") as handle:
        assert len(handle.read().decode("utf-8-sig").splitlines()) == 1 + 10
