"""The page benchmark at a small size: on a small synthetic province it prints a
row for every URL pattern asked for (as each role that may open it) and every
export, builds background exports to their end, and fails when a URL pattern has
no row."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from bench import province as synthetic
from exports.models import Export
from people.models import User
from testsupport.urltable import TABLE, url_patterns

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    with transaction.atomic():
        synthetic.build(synthetic.Shape(employees=80, units=8, rounds=1))


def _run(*args) -> str:
    out = io.StringIO()
    extra = ["--allow-sqlite"] if connection.vendor == "sqlite" else []
    call_command("bench_pages", "--repeat", "1", *extra, *args, stdout=out)
    return out.getvalue()


def _rows(output: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in output.splitlines()
        if line.startswith("| `")
    ]


def test_bench_pages_prints_a_row_per_pattern_and_role(province):
    output = _run("--only", "people:unit_", "--no-exports")
    rows = _rows(output)
    assert {(name, role) for name, role, *__ in rows} == {
        (f"`{name}`", role)
        for name in ("people:unit_list", "people:unit_detail")
        for role in ("staff", "head", "head_parent", "bpsdm", "admin")
    }
    for __, __, status, n, median, p95, queries, size, rss, __ in rows:
        assert status == "200"
        assert n == "1"
        assert 0 <= float(median.replace(",", "")) <= float(p95.replace(",", ""))
        assert int(queries) > 0
        assert int(size.replace(",", "")) > 0
        assert float(rss.replace(",", "")) >= 0
    assert "RSS: " in output


def test_bench_pages_covers_every_pattern_of_the_matrix(province):
    """Every pattern has a row (here with one role, no repeat, pages only)."""
    output = _run("--role", "bpsdm", "--no-exports", "--slow-ms", "0")
    names = {row[0].strip("`") for row in _rows(output)}
    assert names == {name for name, __ in url_patterns()}


def test_bench_pages_fails_when_a_pattern_has_no_row(province, monkeypatch):
    monkeypatch.delitem(TABLE, "people:unit_detail")
    out = io.StringIO()
    extra = ["--allow-sqlite"] if connection.vendor == "sqlite" else []
    with pytest.raises(CommandError, match="1 URL pattern"):
        call_command(
            "bench_pages",
            "--only",
            "people:unit_",
            "--no-exports",
            "--repeat",
            "1",
            *extra,
            stdout=out,
        )
    assert "MISSING people:unit_detail: no row in the permission matrix" in (
        out.getvalue()
    )


def test_bench_pages_builds_background_exports_to_their_end(province, settings):
    settings.EXPORT_BACKGROUND_ROWS = 5
    output = _run("--only", "people:employee_export", "--role", "bpsdm")
    exports = [row for row in _rows(output) if row[0].startswith("`/")]
    assert [(row[0], row[1]) for row in exports] == [
        ("`/pegawai/ekspor.csv`", "bpsdm"),
        ("`/pegawai/ekspor.xlsx`", "bpsdm"),
    ]
    for row in exports:
        assert row[2].startswith("job done, ")
        assert int(row[6].replace(",", "")) > 0  # the file's bytes
    # Everything the run wrote was rolled back.
    assert Export.objects.count() == 0
    assert not User.objects.filter(username__startswith="bench-kepala").exists()


def test_bench_pages_needs_the_province():
    with pytest.raises(CommandError, match="bench_reports"):
        _run()


def test_bench_pages_judges_a_download_by_memory_not_by_page_time(
    province, monkeypatch
):
    """A CSV export's row carries the export target, never the 300 ms page one,
    even when it is slow; an HTML page as slow is marked over."""
    from bench.management.commands import bench_pages

    monkeypatch.setattr(bench_pages, "HTML_P95_MS", -1.0)
    rows = {
        (name.strip("`"), role): target
        for name, role, *__, target in _rows(
            _run("--only", "activities:", "--role", "bpsdm", "--no-exports")
        )
    }
    assert rows[("activities:export", "bpsdm")] == "download: RSS target"
    assert rows[("activities:list", "bpsdm")] == "**over**"
