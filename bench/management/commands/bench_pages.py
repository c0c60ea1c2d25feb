"""Every URL pattern of the project, as each role, on the synthetic province.

    python manage.py bench_pages [--repeat 5] [--only SUBSTRING] [--role ROLE …]
                                 [--no-exports] [--slow-ms 5000] [--allow-sqlite]

Needs the province of ``bench_reports`` in the current database. Prints a
Markdown table with a row per URL pattern and role that may open it (median and
p95 server time, queries, response bytes, peak RSS growth), then one per export
(time and peak RSS, background jobs built to their end). Exits with an error when
a URL pattern has no row (as the permission matrix fails) or a request failed
with a server error. See docs/performance.md and ``bench/pages.py``.
"""

import os
import platform
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings

from bench import pages
from testsupport.matrix_world import build_world, role_users
from testsupport.urltable import ROLES, TABLE, url_patterns

HTML_P95_MS = 300.0
EXPORT_RSS_MB = 256.0


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time every URL pattern as each role on the synthetic province."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument(
            "--only", default="", help="only URL names or routes containing this"
        )
        parser.add_argument(
            "--role",
            action="append",
            choices=ROLES,
            help=f"repeatable; default: {', '.join(pages.DEFAULT_ROLES)}",
        )
        parser.add_argument("--no-exports", action="store_true")
        parser.add_argument("--no-pages", action="store_true", help="only the exports")
        parser.add_argument(
            "--slow-ms",
            type=float,
            default=5000.0,
            help="a page slower than this on its first request is timed once",
        )
        parser.add_argument("--allow-sqlite", action="store_true")

    def handle(self, *args, **options):
        if connection.vendor == "sqlite" and not options["allow_sqlite"]:
            raise CommandError(
                "bench_pages measures PostgreSQL: set DATABASE_URL (or pass "
                "--allow-sqlite for a small functional run)."
            )
        if options["repeat"] < 1:
            raise CommandError("--repeat ≥ 1.")
        root = pages.province_root()
        if root is None:
            raise CommandError(
                "No synthetic province in this database: run bench_reports first."
            )
        roles = tuple(options["role"] or pages.DEFAULT_ROLES)
        self.failed = False
        started = time.perf_counter()
        # Everything runs in one transaction, rolled back at the end.
        try:
            with transaction.atomic():
                self._run(root, roles, options)
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(f"\nSelesai dalam {time.perf_counter() - started:.0f} s.")
        if self.failed:
            raise CommandError(self.failure)

    def _run(self, root, roles, options) -> None:
        org, people = pages.province_org_and_roles(root)
        world = build_world(org, people)
        users = role_users(people)
        clients = {}
        for role in roles:
            clients[role] = Client()
            if users[role] is not None:
                clients[role].force_login(users[role])
        patterns = list(url_patterns())
        rows, missing = pages.plan(
            world, roles=roles, only=options["only"], table=TABLE, patterns=patterns
        )
        if options["no_pages"]:
            rows, missing = [], {}
        exports = (
            []
            if options["no_exports"]
            else pages.export_rows(
                world, roles=roles, only=options["only"], table=TABLE, patterns=patterns
            )
        )
        self._header(root, org, people, roles, options)
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(
            DEBUG=False, ALLOWED_HOSTS=hosts, EXPORT_MAX_ACTIVE_PER_USER=10_000
        ):
            # Each row is written as soon as it is measured (a long run shows
            # its progress, and a stopped one keeps what it measured).
            if rows:
                self._pages_header()
            for row in rows:
                pages.measure(
                    row,
                    clients[row.role],
                    repeat=options["repeat"],
                    slow_ms=options["slow_ms"],
                )
                self._page_line(row)
            if exports:
                self._exports_header()
            for row in exports:
                pages.measure_export(row, clients[row.role])
                self._export_line(row)
        covered = {row.name for row in rows}
        wanted = (
            set()
            if options["no_pages"]
            else {
                name
                for name, route in patterns
                if not options["only"]
                or options["only"] in (name or "")
                or options["only"] in route
            }
        )
        for name in sorted(wanted - covered - set(missing)):
            missing[name] = "no row"
        missing = [f"{name}: {why}" for name, why in missing.items()]
        errors = [row for row in rows + exports if row.status >= 500 or row.error]
        for row in errors:
            self.stdout.write(f"- {row.name} {row.url} as {row.role}: {row.error}")
        for text in missing:
            self.stdout.write(f"- MISSING {text}")
        if missing or errors:
            self.failed = True
            self.failure = (
                f"{len(missing)} URL pattern(s) without a row, "
                f"{len(errors)} request(s) failed."
            )

    # -- output -------------------------------------------------------------------

    def _header(self, root, org, people, roles, options) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SHOW server_version")
                server = f"PostgreSQL {cursor.fetchone()[0]}"
            else:
                server = f"SQLite {connection.Database.sqlite_version}"
        from people.models import Employee

        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        self.stdout.write(f"Provinsi: {root.name}")
        self.stdout.write(
            f"Mesin: {platform.machine()}, {os.cpu_count()} inti, {server}, Python "
            f"{platform.python_version()}; load average {load}"
        )
        size_a = Employee.objects.filter(unit=org.kel_a).count()
        self.stdout.write(
            f"Kelurahan A: {org.kel_a} ({size_a} pegawai), kelurahan B: {org.kel_b}; "
            f"kepala di atasnya: kota {org.kota}. Peran: {', '.join(roles)}; "
            f"--repeat {options['repeat']} (1 permintaan pemanasan), "
            f"RSS: {pages.PeakRSS.method}\n"
        )

    def _pages_header(self) -> None:
        self.stdout.write(
            "| URL name | role | status | n | median ms | p95 ms | queries | bytes "
            "| peak RSS MB | target |"
        )
        self.stdout.write("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")

    def _page_line(self, row) -> None:
        if row.is_download:
            over = row.rss_mb > EXPORT_RSS_MB
            mark = "**over** (RSS)" if over else "download: RSS target"
        else:
            over = row.p95_ms > HTML_P95_MS and row.status in (200, 302)
            mark = "**over**" if over else ""
        if row.status != row.expected:
            mark += f" status ≠ {row.expected}"
        self.stdout.write(
            f"| `{row.name}` | {row.role} | {row.status} | {len(row.times_ms)}"
            f" | {row.median_ms:,.0f} | {row.p95_ms:,.0f} | {row.queries}"
            f" | {row.bytes:,} | {row.rss_mb:,.1f} | {mark.strip()} |"
        )

    def _exports_header(self) -> None:
        self.stdout.write("")
        self.stdout.write(
            "| export | role | how | status | time ms | queries | bytes "
            "| peak RSS MB | target |"
        )
        self.stdout.write("|---|---|---|---:|---:|---:|---:|---:|---|")

    def _export_line(self, row) -> None:
        mark = "**over**" if row.rss_mb > EXPORT_RSS_MB else ""
        self.stdout.write(
            f"| `{row.url}` | {row.role} | {row.how} | {row.status} "
            f"| {row.median_ms:,.0f} | {row.queries} | {row.bytes:,} "
            f"| {row.rss_mb:,.1f} | {mark} |"
        )
