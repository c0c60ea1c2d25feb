"""The jobs benchmark at a small size: it imports and releases through the pages,
runs both jobs, prints a row each with figures, and leaves nothing behind."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from assessments.models import ReleaseJob, Result
from people.models import Employee, EmployeeImport, Unit, User

pytestmark = pytest.mark.django_db


def test_bench_jobs_small_run_prints_both_jobs_and_cleans_up():
    args = ["--employees", "40", "--results", "10", "--units", "3", "--compare"]
    if connection.vendor == "sqlite":
        args.append("--allow-sqlite")
    out = io.StringIO()
    call_command("bench_jobs", *args, stdout=out)
    lines = out.getvalue().splitlines()
    imported = next(line for line in lines if line.startswith("impor 40 pegawai"))
    released = next(line for line in lines if line.startswith("rilis 10 hasil "))
    old = next(line for line in lines if "cara lama" in line)
    for line in (imported, released):
        request, queries, job, job_queries = line.split()[3:7]
        assert float(request.rstrip("s")) > 0
        assert int(queries) > 0
        assert float(job.rstrip("s")) > 0
        assert int(job_queries) > 0
    assert "—" in old
    assert Employee.objects.filter(unit__code__startswith="JOBS").count() == 0
    assert Unit.objects.filter(code__startswith="JOBS").count() == 0
    assert User.objects.filter(username__startswith="jobs.").count() == 0
    assert (Result.objects.count(), ReleaseJob.objects.count()) == (0, 0)
    assert EmployeeImport.objects.count() == 0
