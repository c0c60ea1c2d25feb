"""The employee import job end to end: PostgreSQL, a real Redis broker and a real
Celery worker (run by .ci/run)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from people.models import Employee, EmployeeImport
from people.tests.factories import PositionTypeFactory
from sosiokultural.broker import broker_reset
from testsupport import wait_for

pytestmark = pytest.mark.broker

ROWS = 300


@pytest.fixture(autouse=True)
def _forget_broker_failures():
    broker_reset()
    yield
    broker_reset()


def _file() -> bytes:
    lines = ["nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan\n"]
    lines += [
        f"PHL {n},,JB-KMB-MU,phl,NON_ASN,{'LP'[n % 2]},2021-03-01\n"
        for n in range(ROWS)
    ]
    return "".join(lines).encode()


def test_import_through_the_page_with_a_real_worker(
    celery_worker_process, org, roles, login
):
    PositionTypeFactory(code="phl", name="PHL")
    client = login(roles.bpsdm)
    started = time.monotonic()
    response = client.post(
        "/pegawai/impor/", {"file": SimpleUploadedFile("phl.csv", _file())}
    )
    assert time.monotonic() - started < 5  # stored and queued, not imported
    job = EmployeeImport.objects.get()
    assert response["Location"] == f"/pegawai/impor/{job.pk}/"
    assert wait_for(
        lambda: EmployeeImport.objects.get(pk=job.pk).status == "done", timeout=60
    )
    job.refresh_from_db()
    assert (job.created_count, job.updated_count, job.attempts) == (ROWS, 0, 1)
    assert (job.rows_done, job.rows_expected, job.progress) == (ROWS, ROWS, 100)
    assert Employee.objects.filter(name__startswith="PHL ").count() == ROWS
    page = client.get(f"/pegawai/impor/{job.pk}/").content.decode()
    assert f"Impor selesai: {ROWS} pegawai baru, 0 diperbarui." in page
