"""Every URL pattern of the project, requested on the synthetic province by each
role with real object ids (``bench_pages``).

The URLs and their objects are the permission matrix's: its table
(``testsupport.urltable.TABLE``: which role may open what) and its world
(``testsupport.matrix_world.build_world``), built here over the province's own
units and employees instead of the test fixtures': kelurahan A is the largest
kelurahan, kelurahan B another kelurahan of the same kecamatan, and the head
above both is the head of their **kota** (the widest head's scope). The users the
roles need are made from the province's employees, deterministically (the
lowest ids of the right unit and position). Everything is written inside the
command's transaction and rolled back at the end: the database stays as
``bench_reports`` built it.

Measured in this process through the Django test client (full middleware,
``DEBUG=False``): server time of the request with its body read to the end,
queries (an ``execute_wrapper`` counter), response bytes, and peak RSS growth =
``VmHWM`` after the request (reset before it through ``/proc/self/clear_refs``)
minus ``VmRSS`` just before it (Linux; elsewhere the growth of ``ru_maxrss``).
"""

import resource
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from django.db import connection
from django.test import Client
from django.urls import resolve, reverse

from bench.development import PREFIX
from bench.province import BENCH_USER
from bench.timing import p95
from people.models import Employee, Unit, User

# The roles of the issue, in the matrix's column names.
DEFAULT_ROLES = ("staff", "head", "head_parent", "bpsdm", "admin")
# Who requests an export: the widest scope first.
EXPORT_ROLE_ORDER = ("bpsdm", "admin", "inspector", "head_parent", "head", "staff")
EXPORT_SUFFIXES = ("export", "_download", "template", ":pdf")
HEAD_POSITION = "kepala-unit"


# -- memory ----------------------------------------------------------------------

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _kib(field_name: str) -> int:
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1])
    raise RuntimeError(field_name)


def _can_reset_peak() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
        _kib("VmHWM")
    except (OSError, RuntimeError):
        return False
    return True


class PeakRSS:
    """``with PeakRSS() as peak: …`` then ``peak.growth_mb``."""

    exact = _can_reset_peak()
    method = (
        "VmHWM − VmRSS (peak reset through /proc/self/clear_refs)"
        if exact
        else "ru_maxrss growth (a new high-water mark only)"
    )

    def __enter__(self):
        if self.exact:
            _CLEAR_REFS.write_text("5")
            self.before = _kib("VmRSS")
        else:
            self.before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return self

    def __exit__(self, *exc):
        if self.exact:
            after = _kib("VmHWM")
        else:
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.growth_mb = max(0, after - self.before) / 1024
        return False


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


# -- the world on the province ---------------------------------------------------


def province_root() -> Unit | None:
    return Unit.objects.filter(code=f"{PREFIX}-DKI").first()


def _employee(unit: Unit, *, head: bool, skip: tuple[int, ...] = ()) -> Employee:
    people = Employee.objects.filter(unit=unit, is_active=True, user__isnull=True)
    people = people.exclude(pk__in=skip).order_by("pk")
    if head:
        people = people.filter(position_type__code=HEAD_POSITION) or people
    found = people.first()
    if found is None:
        raise RuntimeError(f"{unit} has no employee for a login")
    return found


def _login(username: str, role: str, employee: Employee | None = None) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, role=role, password=None)
        user.is_staff = role == User.Role.ADMIN
        user.save(update_fields=["is_staff"])
    if employee is not None and employee.user_id != user.pk:
        Employee.objects.filter(user=user).update(user=None)
        employee.user = user
        employee.save(update_fields=["user"])
    return user


def province_org_and_roles(root: Unit):
    """(org, roles) shaped like the test fixtures, over the province."""
    units = Unit.objects.subtree_of(root)
    kel_a = _largest_village(units)
    kecamatan = kel_a.parent
    kota = kecamatan.parent
    kel_b = (
        units.filter(kind=Unit.Kind.VILLAGE, parent=kecamatan)
        .exclude(pk=kel_a.pk)
        .order_by("pk")
        .first()
    ) or units.filter(kind=Unit.Kind.VILLAGE).exclude(pk=kel_a.pk).order_by(
        "pk"
    ).first()
    org = SimpleNamespace(
        province=root,
        bpsdm=root,
        kota=kota,
        kecamatan=kecamatan,
        kel_a=kel_a,
        kel_b=kel_b,
    )
    head_a = _employee(kel_a, head=True)
    staff_a = _employee(kel_a, head=False, skip=(head_a.pk,))
    head_b = _employee(kel_b, head=True)
    staff_b = _employee(kel_b, head=False, skip=(head_b.pk,))
    head_kota = _employee(kota, head=True)
    role = User.Role
    roles = SimpleNamespace(
        admin=_login(f"{PREFIX.lower()}-admin", role.ADMIN),
        bpsdm=_login(BENCH_USER, role.BPSDM),
        head_kecamatan=_login(f"{PREFIX.lower()}-kepala-kota", role.HEAD, head_kota),
        head_a=_login(f"{PREFIX.lower()}-kepala-a", role.HEAD, head_a),
        head_b=_login(f"{PREFIX.lower()}-kepala-b", role.HEAD, head_b),
        staff_a=_login(f"{PREFIX.lower()}-staf-a", role.STAFF, staff_a),
        staff_b=_login(f"{PREFIX.lower()}-staf-b", role.STAFF, staff_b),
        inspector=_login(f"{PREFIX.lower()}-inspektorat", role.INSPECTOR),
    )
    for user in vars(roles).values():
        user.refresh_from_db()
    return org, roles


def _largest_village(units):
    from django.db.models import Count

    return (
        units.filter(kind=Unit.Kind.VILLAGE)
        .annotate(n=Count("employees"))
        .order_by("-n", "pk")
        .first()
    )


# -- requests --------------------------------------------------------------------


# Responses the page target (p95 time) applies to: HTML pages and fragments, the
# API's JSON. Anything else is a download.
PAGE_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "application/json",
        "application/problem+json",
        "application/vnd.oai.openapi",
        "application/vnd.oai.openapi+json",
    }
)


@dataclass
class Row:
    name: str
    route: str
    role: str
    url: str
    status: int = 0
    expected: int = 0
    times_ms: list[float] = field(default_factory=list)
    queries: int = 0
    bytes: int = 0
    rss_mb: float = 0.0
    error: str = ""
    how: str = ""  # exports: streamed / background job
    content_type: str = ""

    @property
    def is_download(self) -> bool:
        """A file (CSV, XLSX, PDF, ZIP, calendar): judged by the export target
        (memory), not by the page target (time)."""
        return bool(self.content_type) and self.content_type not in PAGE_TYPES

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else 0.0

    @property
    def p95_ms(self) -> float:
        return p95(self.times_ms) if self.times_ms else 0.0


def may_open(expected: dict[str, int], role: str) -> bool:
    """The roles the matrix lets in: 200, or a redirect that is not to the login."""
    status = expected[role]
    return status == 200 or (status == 302 and role != "anonymous")


def plan(world, *, roles, only: str, table, patterns) -> tuple[list[Row], dict]:
    """The rows to measure, and the patterns that can have none (no table row,
    or a URL that resolves to another pattern)."""
    rows, missing = [], {}
    for name, route in patterns:
        if only and only not in (name or "") and only not in route:
            continue
        if name not in table:
            missing[name or route] = "no row in the permission matrix"
            continue
        build_kwargs, expected = table[name]
        url = reverse(name, kwargs=build_kwargs(world))
        if resolve(url).route != route:
            missing[name] = f"{url} does not resolve to {route!r}"
            continue
        allowed = [role for role in roles if may_open(expected, role)]
        # A pattern no chosen role may open (POST-only, one person's own page)
        # still gets its row: the refusal, as the first chosen role.
        for role in allowed or roles[:1]:
            rows.append(
                Row(name=name, route=route, role=role, url=url, expected=expected[role])
            )
    return rows, missing


def _consume(response) -> int:
    """Bytes of the body, a streamed one read to its end (the test client
    closes the response itself, keeping the connection)."""
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def request(
    client: Client, method: str, url: str
) -> tuple[object, float, int, int, float]:
    """(response, ms, queries, bytes, peak RSS growth MB) of one request."""
    counter = QueryCounter()
    with PeakRSS() as peak, connection.execute_wrapper(counter):
        start = time.perf_counter()
        response = getattr(client, method)(url)
        size = _consume(response)
        elapsed = (time.perf_counter() - start) * 1000
    return response, elapsed, counter.count, size, peak.growth_mb


def measure(row: Row, client: Client, *, repeat: int, slow_ms: float) -> None:
    """One warm-up request then ``repeat`` timed ones; a page slower than
    ``slow_ms`` on its first request is timed once (that request)."""
    try:
        response, ms, queries, size, rss = request(client, "get", row.url)
        row.status, row.queries, row.bytes, row.rss_mb = (
            response.status_code,
            queries,
            size,
            rss,
        )
        row.content_type = response.get("Content-Type", "").split(";")[0].strip()
        if ms > slow_ms:
            row.times_ms = [ms]
            return
        for __ in range(repeat):
            response, ms, queries, size, rss = request(client, "get", row.url)
            row.times_ms.append(ms)
            row.rss_mb = max(row.rss_mb, rss)
            row.queries = queries
    except Exception as exc:  # noqa: BLE001 - reported in the row, the run goes on
        row.status = 500
        row.error = f"{type(exc).__name__}: {exc}"[:300]


def export_rows(world, *, roles, only: str, table, patterns) -> list[Row]:
    """Every export URL (CSV/XLSX/PDF; each format of a ``fmt`` URL) as the
    widest chosen role that may open it, plus the province aggregate (POST)."""
    rows = []
    order = [role for role in EXPORT_ROLE_ORDER if role in roles]
    for name, route in patterns:
        if name not in table or not name.endswith(EXPORT_SUFFIXES):
            continue
        if only and only not in name and only not in route:
            continue
        build_kwargs, expected = table[name]
        kwargs = build_kwargs(world)
        role = next((r for r in order if may_open(expected, r)), None)
        if name == "reports:province_export":
            role = next((r for r in order if expected[r] == 405), None)
        if role is None:
            continue
        formats = ["csv", "xlsx"] if "fmt" in kwargs else [None]
        for fmt in formats:
            url = reverse(name, kwargs={**kwargs, "fmt": fmt} if fmt else kwargs)
            rows.append(
                Row(name=name, route=route, role=role, url=url, expected=expected[role])
            )
    return rows


def measure_export(row: Row, client: Client) -> None:
    """The export as a user gets it: streamed in the request, or (above the
    threshold, or the POST-only aggregate) the job created by the POST and built
    here to its end, as a worker builds it."""
    from exports.models import Export
    from exports.tasks import build_export

    try:
        counter = QueryCounter()
        with PeakRSS() as peak, connection.execute_wrapper(counter):
            start = time.perf_counter()
            method = "post" if row.name == "reports:province_export" else "get"
            response = getattr(client, method)(row.url)
            size = _consume(response)
            job = None
            if (
                method == "get"
                and response.status_code == 200
                and not response.get("Content-Disposition")
            ):
                response = client.post(row.url)
                method = "post"
            if method == "post" and response.status_code == 302:
                pk = int(response["Location"].rstrip("/").split("/")[-1])
                build_export(export_id=pk)
                job = Export.objects.get(pk=pk)
                size = job.file.size if job.file else 0
            elapsed = (time.perf_counter() - start) * 1000
        row.times_ms = [elapsed]
        row.queries = counter.count
        row.bytes = size
        row.rss_mb = peak.growth_mb
        row.status = response.status_code
        if job is not None:
            row.how = f"job {job.status}, {job.rows_done} rows"
            if job.status != Export.Status.DONE:
                row.error = f"job {job.status}: {job.error}"
        else:
            row.how = "streamed" if response.streaming else "in the response"
    except Exception as exc:  # noqa: BLE001 - reported in the row, the run goes on
        row.status = 500
        row.error = f"{type(exc).__name__}: {exc}"[:300]
