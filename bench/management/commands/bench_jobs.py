"""Benchmark of the two bulk-write jobs (see docs/performance.md).

    python manage.py bench_jobs [--employees 10000] [--results 1000] [--units 50]
                                [--compare]

In the CURRENT database, next to whatever it holds (its own rows are prefixed
``JOBS`` and removed at the start of every run): uploads an employee file of
``--employees`` rows through ``/pegawai/impor/`` and releases a window of
``--results`` scored results through ``/uji/jadwal/<pk>/rilis/``, both as a BPSDM
administrator through the Django test client. For each it prints the request
(time, queries) and the job (time, queries, peak RSS growth of this process).
The request publishes the job; here the publish is recorded instead of sent and
the job is then run in this process, exactly as the worker runs it.
``--compare`` also releases a second window of the same size the old way
(``results_release``: one transaction per result) for a side-by-side figure.
"""

import csv
import io
import threading
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone

from assessments.models import (
    Attempt,
    DimensionResult,
    Instrument,
    LatestLevel,
    ReleaseJob,
    Result,
    TestWindow,
)
from assessments.services.release import results_release
from assessments.services.release_jobs import release_job_run
from competencies.bootstrap import reference_load
from competencies.models import Dimension
from notices.models import Notice
from people.importing import employee_import_run
from people.models import Employee, EmployeeImport, Unit, User
from people.reference import position_types_load
from people.services import unit_create

PREFIX = "JOBS"
BPSDM_USER = "jobs.bpsdm"


class Rss:
    """Peak resident set size of this process while a block runs, sampled from
    /proc every 20 ms (growth over the RSS when it started), in MB."""

    def __enter__(self):
        self.start = self.peak = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.start) / 1024


def _rss() -> int:
    """VmRSS in kB (0 where /proc is missing)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Queries:
    """Counts the statements run on the default connection while a block runs
    (``CaptureQueriesContext`` keeps only the last 9,000)."""

    def __enter__(self):
        self.count = 0
        self._wrapper = connection.execute_wrapper(self._count)
        self._wrapper.__enter__()
        return self

    def _count(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


class Recorder:
    """Stands in for the broker during the request: remembers what was published."""

    def __init__(self):
        self.published: list[tuple[str, dict]] = []

    def __call__(self, task, *, kwargs: dict, force: bool = False) -> bool:
        self.published.append((task.name, kwargs))
        return True


class Command(BaseCommand):
    help = "Time the employee import and the release of a round as background jobs."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=10_000)
        parser.add_argument("--results", type=int, default=1_000)
        parser.add_argument("--units", type=int, default=50)
        parser.add_argument(
            "--compare",
            action="store_true",
            help="also release a window the old way (a transaction per result)",
        )
        parser.add_argument(
            "--allow-sqlite",
            action="store_true",
            help="run on SQLite (small sizes only; figures are not comparable)",
        )

    def handle(self, *args, **options):
        if connection.vendor == "sqlite" and not options["allow_sqlite"]:
            raise CommandError(
                "bench_jobs measures PostgreSQL: set DATABASE_URL to a PostgreSQL "
                "database (or pass --allow-sqlite for a small functional run)."
            )
        employees, results = options["employees"], options["results"]
        if employees < 10 or not 1 <= results <= employees // 2 or options["units"] < 1:
            raise CommandError("--employees ≥ 10, 1 ≤ --results ≤ employees ÷ 2.")
        self._wipe()
        self.stdout.write(
            f"Basis data: {connection.vendor}, {Employee.objects.count()} pegawai, "
            f"{Unit.objects.count()} unit, {Result.objects.count()} hasil uji "
            "(sebelum benchmark ini)"
        )
        user, units = self._setup(options["units"])
        client = Client()
        client.force_login(user)
        rows = []
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            rows.append(self._import(client, units, employees))
            window, compare_window = self._windows(results, options["compare"])
            rows.append(self._release(client, window, results))
        if compare_window is not None:
            rows.append(self._old_release(user, compare_window, results))
        self._table(rows)
        self._wipe()

    # -- setting up --------------------------------------------------------------

    def _setup(self, unit_count: int):
        reference_load()
        positions = position_types_load()
        with transaction.atomic():
            root = unit_create(code=f"{PREFIX}-DKI", name="Benchmark jobs", kind="kota")
            units = [
                unit_create(
                    code=f"{PREFIX}-KEL-{n:03d}",
                    name=f"Kelurahan jobs {n}",
                    kind="kelurahan",
                    parent=root,
                )
                for n in range(unit_count)
            ]
            user = User.objects.create(
                username=BPSDM_USER, role=User.Role.BPSDM, first_name="BPSDM jobs"
            )
            # A head per kelurahan: each released result notifies one head (and
            # the employee, for those with a login).
            heads = [
                Employee(
                    name=f"Kepala {unit.code}",
                    unit=unit,
                    position_type=positions["kepala-unit"],
                    employment_status="NON_ASN",
                    gender="L",
                    placed_on=date(2020, 1, 1),
                )
                for unit in units
            ]
            Employee.objects.bulk_create(heads)
            head_users = User.objects.bulk_create(
                User(username=f"jobs.kepala.{n:03d}", role=User.Role.HEAD)
                for n in range(unit_count)
            )
            for employee, head in zip(heads, head_users, strict=True):
                employee.user = head
            Employee.objects.bulk_update(heads, ["user"])
        return user, units

    def _file(self, units: list[Unit], count: int) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["nama", "nip", "unit", "jabatan", "status", "jenis_kelamin"]
            + ["tanggal_penempatan", "email"]
        )
        born = date(1970, 1, 1)
        for n in range(count):
            unit = units[n % len(units)].code
            gender = "LP"[n % 2]
            if n % 5 == 4:  # one in five without a NIP (PHL)
                writer.writerow(
                    [f"{PREFIX} PHL {n}", "", unit, "phl", "NON_ASN", gender]
                    + ["2021-03-01", ""]
                )
                continue
            birth = born + timedelta(days=n // 999)
            nip = f"{birth:%Y%m%d}199503{'12'[n % 2]}{n % 999 + 1:03d}"
            writer.writerow(
                [f"{PREFIX} Pegawai {n}", nip, unit, "staf-teknis", "PNS", gender]
                + ["2020-01-06", f"pegawai{n}@example.id"]
            )
        return out.getvalue().encode()

    def _windows(self, count: int, compare: bool):
        """A window of ``count`` scored results (and a second one for --compare),
        written in bulk: the setup, not what is measured."""
        dims = list(Dimension.objects.order_by("number"))
        instrument = Instrument.objects.create(
            code=f"{PREFIX.lower()}-uji",
            name="Uji benchmark jobs",
            time_limit_minutes=30,
            status=Instrument.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        tested = list(
            Employee.objects.filter(name__startswith=f"{PREFIX} ")
            .order_by("pk")
            .values_list("pk", flat=True)[: count * (2 if compare else 1)]
        )
        # Half of those tested have a login (their own notice).
        users = User.objects.bulk_create(
            User(username=f"jobs.pegawai.{pk}") for pk in tested[::2]
        )
        Employee.objects.bulk_update(
            [
                Employee(pk=pk, user_id=u.pk)
                for pk, u in zip(tested[::2], users, strict=True)
            ],
            ["user"],
            batch_size=1000,
        )
        windows = []
        for number, chunk in enumerate(
            [tested[:count], tested[count:]] if compare else [tested]
        ):
            moment = timezone.make_aware(
                datetime.combine(date.today(), datetime.min.time())
            )
            window = TestWindow.objects.create(
                instrument=instrument,
                title=f"{PREFIX} putaran {number + 1}",
                opens_at=moment,
                closes_at=moment + timedelta(hours=8),
            )
            attempts = Attempt.objects.bulk_create(
                Attempt(
                    window=window,
                    employee_id=pk,
                    status=Attempt.Status.SUBMITTED,
                    started_at=moment,
                    deadline=moment + timedelta(minutes=30),
                    submitted_at=moment + timedelta(minutes=25),
                )
                for pk in chunk
            )
            scored = Result.objects.bulk_create(
                Result(
                    attempt=attempt,
                    employee_id=attempt.employee_id,
                    instrument=instrument,
                    assessed_on=moment.date(),
                    status=Result.Status.SCORED,
                    scored_at=moment,
                )
                for attempt in attempts
            )
            DimensionResult.objects.bulk_create(
                (
                    DimensionResult(
                        result=result,
                        employee_id=result.employee_id,
                        dimension=dimension,
                        test_score=Decimal(1 + (result.pk + dimension.pk) % 5),
                        score=Decimal(1 + (result.pk + dimension.pk) % 5),
                        level=1 + (result.pk + dimension.pk) % 5,
                    )
                    for result in scored
                    for dimension in dims
                ),
                batch_size=2000,
            )
            windows.append(window)
        return windows[0], (windows[1] if compare else None)

    # -- the measurements ----------------------------------------------------------

    def _request(self, client, url: str, data: dict | None = None):
        from sosiokultural import jobs

        recorder = Recorder()
        real = jobs.publish
        jobs.publish = recorder
        try:
            with Queries() as queries:
                started = time.perf_counter()
                response = client.post(url, data or {})
                elapsed = time.perf_counter() - started
        finally:
            jobs.publish = real
        if response.status_code != 302 or len(recorder.published) > 1:
            raise CommandError(f"{url}: {response.status_code}, {recorder.published}")
        # The job's page: /pegawai/impor/<pk>/ or /uji/rilis/<pk>/ (inside an
        # outer transaction, e.g. a test, nothing is published before its commit).
        job_id = int(response["Location"].rstrip("/").rsplit("/", 1)[-1])
        return elapsed, queries.count, job_id

    def _job(self, run):
        with Queries() as queries, Rss() as rss:
            started = time.perf_counter()
            finished = run()
            elapsed = time.perf_counter() - started
        if not finished:
            raise CommandError("the job did not finish")
        return elapsed, queries.count, rss.growth_mb

    def _import(self, client, units, count: int) -> tuple:
        upload = SimpleUploadedFile("pegawai.csv", self._file(units, count))
        request, request_queries, job_id = self._request(
            client, "/pegawai/impor/", {"file": upload}
        )
        job, job_queries, rss = self._job(lambda: employee_import_run(import_id=job_id))
        done = EmployeeImport.objects.get(pk=job_id)
        if done.created_count != count:
            raise CommandError(f"import: {done.status} {done.error}")
        return (
            f"impor {count} pegawai",
            request,
            request_queries,
            job,
            job_queries,
            rss,
        )

    def _release(self, client, window, count: int) -> tuple:
        request, request_queries, job_id = self._request(
            client, f"/uji/jadwal/{window.pk}/rilis/", {"confirm": "ya"}
        )
        job, job_queries, rss = self._job(lambda: release_job_run(job_id=job_id))
        done = ReleaseJob.objects.get(pk=job_id)
        if done.released_count != count:
            raise CommandError(f"release: {done.status} {done.error}")
        return (f"rilis {count} hasil", request, request_queries, job, job_queries, rss)

    def _old_release(self, user, window, count: int) -> tuple:
        results = list(
            Result.objects.filter(attempt__window=window).select_related(
                "employee__unit"
            )
        )
        elapsed, queries, rss = self._job(
            lambda: results_release(results=results, by=user) == count
        )
        return (
            f"rilis {count} hasil, cara lama (dalam permintaan)",
            elapsed,
            queries,
            None,
            None,
            rss,
        )

    def _table(self, rows) -> None:
        self.stdout.write("")
        self.stdout.write(
            f"{'tugas':<44} {'permintaan':>11} {'kueri':>7} {'job':>9} "
            f"{'kueri job':>10} {'RSS puncak':>11}"
        )
        for label, request, request_queries, job, job_queries, rss in rows:
            job_text = f"{job:8.2f}s" if job is not None else f"{'—':>9}"
            job_q = f"{job_queries:>10}" if job_queries is not None else f"{'—':>10}"
            self.stdout.write(
                f"{label:<44} {request:10.3f}s {request_queries:>7} {job_text} "
                f"{job_q} {rss:9.0f}MB"
            )
        self.stdout.write(
            "Target: permintaan < 1 s, job ≤ 60 s (impor 10.000 pegawai, rilis "
            "1.000 hasil)."
        )

    # -- cleaning up ---------------------------------------------------------------

    def _wipe(self) -> None:
        """Remove every row an earlier run made (all keyed on the JOBS prefix)."""
        employees = Employee.objects.filter(unit__code__startswith=PREFIX)
        users = User.objects.filter(username__startswith="jobs.")
        with transaction.atomic():
            Notice.objects.filter(recipient__in=users).delete()
            ReleaseJob.objects.filter(window__title__startswith=PREFIX).delete()
            LatestLevel.objects.filter(employee__in=employees).delete()
            DimensionResult.objects.filter(result__employee__in=employees).delete()
            Result.objects.filter(employee__in=employees).delete()
            Attempt.objects.filter(employee__in=employees).delete()
            TestWindow.objects.filter(title__startswith=PREFIX).delete()
            Instrument.objects.filter(code__startswith=PREFIX.lower()).delete()
            EmployeeImport.objects.filter(requested_by__in=users).delete()
            employees.delete()
            users.delete()
            Unit.objects.filter(code__startswith=f"{PREFIX}-KEL").delete()
            Unit.objects.filter(code__startswith=PREFIX).delete()
