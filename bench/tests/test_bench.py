"""The benchmark command at a small size: it builds the synthetic province in the
test database, finds the pages' numbers equal to the hand-written SQL's, and prints
the three rows with numeric figures."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from bench.management.commands.bench_reports import Command
from bench.timing import Timing
from people.models import Employee, Unit
from people.tests.factories import EmployeeFactory
from surveys.models import Answer, FollowUp, Response, Survey

pytestmark = pytest.mark.django_db

ROWS = {"aggregate", "unit-heatmap", "employee-report"}


def _args(*extra):
    args = ["--employees", "300", "--repeat", "3", *extra]
    if connection.vendor == "sqlite":
        args.append("--allow-sqlite")
    return args


def test_bench_reports_small_run_prints_three_rows():
    out = io.StringIO()
    call_command("bench_reports", *_args(), stdout=out)
    lines = [line.split() for line in out.getvalue().splitlines() if line.strip()]
    rows = {fields[0]: fields for fields in lines if fields[0] in ROWS}
    assert set(rows) == ROWS
    for fields in rows.values():
        median, p95, queries, raw_median, raw_p95, ratio = fields[1:7]
        assert 0 < float(median) <= float(p95)
        assert int(queries) > 0
        assert 0 < float(raw_median) <= float(raw_p95)
        assert float(ratio) > 0
        assert fields[7] == "yes"  # the page's numbers equal the raw SQL's
    header = next(fields for fields in lines if fields[0] == "report")
    assert header[:7] == [
        "report",
        "median_ms",
        "p95_ms",
        "queries",
        "raw_median_ms",
        "raw_p95_ms",
        "ratio",
    ]


def test_bench_reports_reuses_the_same_province():
    call_command("bench_reports", *_args(), stdout=io.StringIO())
    out = io.StringIO()
    call_command("bench_reports", *_args(), stdout=out)
    assert "Memakai provinsi sintetis yang ada" in out.getvalue()


def test_bench_reports_another_shape_replaces_the_province():
    call_command("bench_reports", *_args(), stdout=io.StringIO())
    args = _args()
    args[1] = "120"
    call_command("bench_reports", *args, stdout=io.StringIO())
    assert Employee.objects.count() == 120
    assert Unit.objects.filter(code="BENCH-DKI").count() == 1
    assert not Unit.objects.exclude(code__startswith="BENCH").exists()
    # The IKM half was replaced too: four quarters per unit, nothing left over.
    units = Unit.objects.count()
    assert Survey.objects.count() == 4 * units
    assert Survey.objects.values("unit", "year", "quarter").distinct().count() == (
        4 * units
    )
    computed = Survey.objects.filter(kind=Survey.Kind.RESPONSES)
    assert Response.objects.filter(survey__in=computed).count() >= 40 * computed.count()
    assert not Response.objects.exclude(survey__in=computed).exists()
    assert Answer.objects.count() == 9 * Response.objects.count()
    assert FollowUp.objects.exists()


def test_bench_reports_refuses_foreign_data(org):
    EmployeeFactory(unit=org.kel_a)
    with pytest.raises(CommandError, match="did not make"):
        call_command("bench_reports", *_args(), stdout=io.StringIO())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite refusal")
def test_bench_reports_refuses_sqlite_without_flag():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_reports", "--employees", "300", stdout=io.StringIO())


EXTENDED = {
    "demand-fragment",
    "trend-fragment",
    "aggregate-past-quarter",
    "aggregate-kota",
    "unit-report-kota",
}


def _same_column(out: str) -> dict[str, str]:
    rows = {}
    for line in out.splitlines():
        fields = line.split()
        if fields and fields[0] in ROWS | EXTENDED:
            rows[fields[0]] = fields[7]
    return rows


def test_bench_reports_extended_rows_compare_with_raw_sql():
    out = io.StringIO()
    call_command("bench_reports", *_args("--extended"), stdout=out)
    assert _same_column(out.getvalue()) == dict.fromkeys(ROWS | EXTENDED, "yes")


def test_bench_reports_same_column_catches_wrong_numbers():
    from django.db.models import F
    from django.utils import timezone

    from assessments.models import DimensionResult, LevelCount, LevelProfileCount
    from assessments.rollups import in_force_q
    from reports.periods import recent_quarters

    past = recent_quarters(timezone.localdate(), 2)[0].on

    call_command("bench_reports", *_args(), stdout=io.StringIO())
    LevelCount.objects.filter(
        pk=LevelCount.objects.order_by("pk").values("pk")[:1]
    ).update(employees=999)
    # A past-quarter level row whose interval was lost.
    DimensionResult.objects.filter(
        pk=DimensionResult.objects.filter(in_force_q(past), valid_to__isnull=False)
        .order_by("pk")
        .values("pk")[:1]
    ).update(valid_from=None, valid_to=None)
    # Demand read from a drifted profile roll-up.
    LevelProfileCount.objects.update(employees=F("employees") + 1)
    out = io.StringIO()
    call_command("bench_reports", *_args("--extended"), stdout=out)
    same = _same_column(out.getvalue())
    assert same["aggregate"] == "NO"
    assert same["aggregate-past-quarter"] == "NO"
    assert same["demand-fragment"] == "NO"
    assert same["employee-report"] == "yes"


def test_the_target_column_checks_both_the_time_and_the_ratio():
    """Each row is judged against its own target: the p95 limit and, where the
    row has raw SQL, the ratio to it; a row without a target of its own has the
    limit of every page."""
    out = io.StringIO()
    command = Command(stdout=out)
    command._table(
        [
            Timing("aggregate", 100.0, 140.0, 20, 100.0, 120.0, True),
            Timing("aggregate-kota", 100.0, 140.0, 20, 50.0, 60.0, True),
            Timing("unit-heatmap", 90.0, 120.0, 21, 10.0, 12.0, True),
            Timing("elsewhere", 200.0, 310.0, 5, 0.0, 0.0, True),
        ]
    )
    targets = {
        line.split()[0]: line.split("  ")[-1]
        for line in out.getvalue().splitlines()[1:]
    }
    assert targets == {
        "aggregate": "p95 ≤ 150 ms OK, ≤ 1.5× raw OK",
        "aggregate-kota": "p95 ≤ 300 ms OK, ≤ 1.5× raw MISSED",
        "unit-heatmap": "p95 ≤ 100 ms MISSED, ≤ 1.5× raw MISSED",
        "elsewhere": "p95 ≤ 300 ms MISSED",
    }
