"""Helpers for tests, shared by every app's test modules (and the root
conftest): a throw-away Redis, waiting on a real worker, building upload files,
running writers at the same moment; ``testsupport.province``, the hand-written
province of the report and plan tests; the permission matrix's URL table and world
(``urltable``, ``matrix_world``), which ``bench_pages`` replays on the synthetic
province. Not an app: nothing here is imported by the application."""

import shutil
import socket
import subprocess
import threading
import time

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.1):
    """Poll ``predicate`` until it returns a truthy value or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def xlsx_bytes(sheets) -> bytes:
    """A plain workbook from (sheet title, headers, rows) triples, for tests that
    upload a spreadsheet (cells are written as given: formulas stay formulas)."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(list(headers))
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class RedisServer:
    """A throw-away redis-server on a free port, that a test can stop and start."""

    def __init__(self, directory):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.directory = directory
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - fixed argv
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def point_app_at(url: str) -> None:
    """Make this process publish to ``url`` (fresh connection pools)."""
    from sosiokultural.celery import app

    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


def in_parallel(functions) -> list:
    """Run each function in its own thread (own database connection), released at
    the same moment; returns what each returned or raised, in order."""
    from django.db import connection

    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait(timeout=30)
            results[index] = function()
        except Exception as exc:  # noqa: BLE001 - collected for the assertions
            results[index] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def employees_bulk_move(employees, units) -> None:
    """Move ``employees`` to ``units`` (one each) as the employee import does,
    through ``people.services.employees_upsert``: the bulk path of a move."""
    from people.models import Employee
    from people.services import employees_upsert

    stored = Employee.objects.filter(pk__in=[e.pk for e in employees]).order_by("pk")
    outcome = employees_upsert(
        records=[
            upsert_record(employee, unit=unit)
            for employee, unit in zip(stored, units, strict=True)
        ]
    )
    if outcome.errors:
        raise AssertionError(outcome.errors)


def upsert_record(employee, **changes) -> dict:
    """The record ``employees_upsert`` takes for ``employee``, with ``changes``."""
    record = {
        "name": employee.name,
        "nip": employee.nip,
        "unit": employee.unit,
        "position_type": employee.position_type,
        "employment_status": employee.employment_status,
        "gender": employee.gender,
        "placed_on": employee.placed_on,
        "is_active": employee.is_active,
        "email": employee.email,
    }
    return record | changes
