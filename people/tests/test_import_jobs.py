"""The employee import of the upload page as a background job: lifecycle, all or
nothing, safe re-runs, the requester's page only, constant queries per batch."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone

from people import importing
from people.importing import (
    IMPORT_JOBS,
    employee_import_request,
    employee_import_run,
    employees_import,
)
from people.models import Employee, EmployeeImport
from people.tasks import import_sweep
from people.tests.factories import PositionTypeFactory

pytestmark = pytest.mark.django_db

HEADER = "nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan\n"


def _nip(n: int) -> str:
    # Born 1966-08-01, appointed 1988-03, male, serial n.
    return f"19660801198803100{n}" if n < 10 else f"1966080119880310{n:02d}"


def _file(count: int, *, bad_row: int | None = None, start: int = 1) -> bytes:
    lines = [HEADER]
    for n in range(start, start + count):
        unit = "NOPE" if n == bad_row else "JB-KMB-MU"
        lines.append(f"Impor {n},{_nip(n)},{unit},staf-teknis,PNS,L,2020-01-06\n")
    return "".join(lines).encode()


@pytest.fixture
def positions(db):
    PositionTypeFactory(code="staf-teknis", name="Staf Teknis")


def _upload(content: bytes, name: str = "pegawai.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_import_job_runs_after_commit_pending_running_done(
    roles, org, positions, monkeypatch, django_capture_on_commit_callbacks
):
    seen = []
    real = importing.employee_rows_write

    def watching(**kwargs):
        seen.append(EmployeeImport.objects.values_list("status", flat=True).get())
        return real(**kwargs)

    monkeypatch.setattr(importing, "employee_rows_write", watching)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = employee_import_request(by=roles.bpsdm, upload=_upload(_file(3)))
    job.refresh_from_db()
    assert (job.status, job.published_at, job.attempts) == ("pending", None, 0)
    assert job.file.name.startswith(f"imports/{roles.bpsdm.pk}/")
    assert len(callbacks) == 1

    callbacks[0]()  # eager: publishing runs the job
    job.refresh_from_db()
    assert seen == ["running"]
    assert (job.status, job.progress, job.attempts) == ("done", 100, 1)
    assert (job.created_count, job.updated_count, job.rows_done) == (3, 0, 3)
    assert job.report == {"rows": [[2, "created"], [3, "created"], [4, "created"]]}
    assert job.file.name == ""  # the upload (personal data) is gone
    assert Employee.objects.filter(name__startswith="Impor ").count() == 3


def test_import_job_reports_row_errors_and_saves_nothing(roles, org, positions):
    job = employee_import_request(by=roles.bpsdm, upload=_upload(_file(4, bad_row=3)))
    assert employee_import_run(import_id=job.pk) is False
    job.refresh_from_db()
    assert (job.status, job.error) == (
        "failed",
        "1 kesalahan ditemukan; tidak ada yang disimpan.",
    )
    assert job.report == {
        "errors": [[4, "unit 'NOPE' tidak dikenal"]],
        "error_count": 1,
    }
    assert job.file.name == ""
    assert not Employee.objects.filter(name__startswith="Impor ").exists()


def test_import_job_error_while_writing_row_n_leaves_no_employee(
    roles, org, positions, monkeypatch
):
    # Row 4 passes the file checks but a rule of the employee service refuses it
    # at write time: the rows before it are not kept.
    real = importing.employees_upsert

    def refusing(*, records):
        outcome = real(records=records)
        raise DatabaseError("disk full") if outcome.created else AssertionError

    monkeypatch.setattr(importing, "employees_upsert", refusing)
    job = employee_import_request(by=roles.bpsdm, upload=_upload(_file(5)))
    assert employee_import_run(import_id=job.pk) is False
    job.refresh_from_db()
    # A database error is transient: the job is given back (and, eagerly, run
    # again) until its attempts are used up; never half saved.
    assert (job.status, job.attempts) == ("failed", 3)
    assert job.error == (
        "Impor gagal setelah 3 percobaan; tidak ada data yang disimpan. Unggah "
        "berkasnya lagi atau hubungi administrator."
    )
    assert not Employee.objects.filter(name__startswith="Impor ").exists()


def test_import_job_rule_refusal_at_write_names_the_row(roles, org, positions):
    content = (
        "nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan,"
        "kontrak_mulai,kontrak_selesai\n"
        f"A,{_nip(1)},JB-KMB-MU,staf-teknis,PNS,L,2020-01-06,,\n"
        f"B,{_nip(2)},JB-KMB-MU,staf-teknis,PNS,L,2020-01-06,2026-01-01,\n"
    ).encode()
    job = employee_import_request(by=roles.bpsdm, upload=_upload(content))
    employee_import_run(import_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.report["errors"] == [
        [3, "Tanggal kontrak hanya diisi untuk pegawai PPPK."]
    ]
    assert not Employee.objects.filter(nip__in=[_nip(1), _nip(2)]).exists()


def test_import_job_runs_once_when_delivered_twice(roles, org, positions):
    job = employee_import_request(by=roles.bpsdm, upload=_upload(_file(2)))
    assert employee_import_run(import_id=job.pk) is True
    assert employee_import_run(import_id=job.pk) is False
    job.refresh_from_db()
    assert (job.status, job.attempts, job.created_count) == ("done", 1, 2)


def test_import_job_of_a_dead_worker_starts_over(roles, org, positions):
    job = employee_import_request(by=roles.bpsdm, upload=_upload(_file(3)))
    # A worker claimed it and died mid-transaction (nothing was committed).
    assert IMPORT_JOBS.claim(job_id=job.pk)
    EmployeeImport.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - IMPORT_JOBS.lease - timedelta(seconds=1)
    )
    assert import_sweep() == 1  # given back and (eagerly) run again
    job.refresh_from_db()
    assert (job.status, job.attempts, job.created_count) == ("done", 2, 3)
    assert Employee.objects.filter(name__startswith="Impor ").count() == 3


def test_import_job_rerun_of_the_same_file_updates(roles, org, positions):
    first = employee_import_request(by=roles.bpsdm, upload=_upload(_file(3)))
    employee_import_run(import_id=first.pk)
    again = employee_import_request(by=roles.bpsdm, upload=_upload(_file(3)))
    employee_import_run(import_id=again.pk)
    again.refresh_from_db()
    assert (again.status, again.created_count, again.updated_count) == ("done", 0, 3)
    assert Employee.objects.filter(name__startswith="Impor ").count() == 3


def test_import_job_one_unfinished_per_requester(roles, org, positions):
    from django.core.exceptions import ValidationError

    employee_import_request(by=roles.bpsdm, upload=_upload(_file(1)))
    with pytest.raises(ValidationError) as refused:
        employee_import_request(by=roles.bpsdm, upload=_upload(_file(1)))
    assert refused.value.messages == [
        "Impor Anda sebelumnya masih berjalan. Tunggu sampai selesai, lalu unggah lagi."
    ]


def test_import_page_returns_at_once_to_the_job_page(
    roles, org, positions, login, django_capture_on_commit_callbacks
):
    client = login(roles.bpsdm)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post("/pegawai/impor/", {"file": _upload(_file(2))})
    job = EmployeeImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/pegawai/impor/{job.pk}/"
    page = client.get(f"/pegawai/impor/{job.pk}/").content.decode()
    assert "Menunggu…" in page
    assert f'hx-get="/pegawai/impor/{job.pk}/status/"' in page

    employee_import_run(import_id=job.pk)
    fragment = client.get(f"/pegawai/impor/{job.pk}/status/").content.decode()
    assert "Impor selesai: 2 pegawai baru, 0 diperbarui." in fragment
    assert "hx-get" not in fragment


def test_import_page_shows_the_row_errors(
    roles, org, positions, login, django_capture_on_commit_callbacks
):
    client = login(roles.bpsdm)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/pegawai/impor/", {"file": _upload(_file(2, bad_row=2))}
        )
    body = client.get(response["Location"]).content.decode()
    assert "Baris 3: unit &#x27;NOPE&#x27; tidak dikenal" in body
    assert "1 kesalahan ditemukan; tidak ada yang disimpan." in body


def test_import_job_page_is_the_requesters_alone(roles, org, positions, login):
    job = employee_import_request(by=roles.bpsdm, upload=_upload(_file(1)))
    assert login(roles.bpsdm).get(f"/pegawai/impor/{job.pk}/").status_code == 200
    # Another province administrator: not their job → 404; no import right → 403.
    assert login(roles.admin).get(f"/pegawai/impor/{job.pk}/").status_code == 404
    status = f"/pegawai/impor/{job.pk}/status/"
    assert login(roles.admin).get(status).status_code == 404
    assert login(roles.head_a).get(f"/pegawai/impor/{job.pk}/").status_code == 403
    assert login(roles.staff_a).get(status).status_code == 403


def test_import_page_refuses_a_file_of_the_wrong_kind(roles, org, positions, login):
    response = login(roles.bpsdm).post(
        "/pegawai/impor/", {"file": _upload(b"x", name="p.txt")}
    )
    assert response.status_code == 200
    assert "Jenis berkas tidak didukung; gunakan CSV atau XLSX." in (
        response.content.decode()
    )
    assert not EmployeeImport.objects.exists()


@pytest.mark.parametrize("count", [3, 40])
def test_import_queries_constant_per_batch(
    org, positions, count, django_assert_num_queries
):
    # Units, positions, existing by NIP, the INSERT, and two savepoint pairs.
    with django_assert_num_queries(8):
        employees_import(filename="p.csv", content=_file(count))
    # Re-import: the same lookups, the changed rows locked (their stored units:
    # the activities' attendee-unit roll-up follows a move), one UPDATE.
    changed = _file(count).replace(b"2020-01-06", b"2021-02-01")
    with django_assert_num_queries(9):
        report = employees_import(filename="p.csv", content=changed)
    assert (report.created, report.updated) == (0, count)
    assert Employee.objects.filter(Q(placed_on="2021-02-01")).count() == count
