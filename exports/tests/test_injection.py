"""No export hands a spreadsheet program a formula: formula-leading text planted
in names, summaries, reasons and titles comes out with a leading quote, in every
CSV and XLSX export URL of the permission matrix, for every role that may open
it. Also: the background aggregate workbook, and co-attendees' NIPs."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activities.models import Activity
from exports.models import Export
from people.models import Employee, PositionType, Unit
from programs.models import Nomination, Program
from programs.tests.factories import NominationFactory
from testsupport.matrix_world import build_world, role_clients
from testsupport.urltable import ROLES, TABLE, url_patterns

pytestmark = pytest.mark.django_db

PLANTED = {
    "name": '=HYPERLINK("http://contoh.test","klik")',
    "head": "+1 Kepala",
    "unit": "-1 Meruya",
    "summary": "@SUM(A1:A9)",
    "reason": "\tTab di depan",
    "note": "\rCR di depan",
    "program": "=1+1",
    "position": "@Jabatan",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-\d+([.,]\d+)?$")
SPREADSHEETS = {
    "text/csv; charset=utf-8",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SKIP = {"exports:download"}  # the matrix's stored file is a stub; built below


def _plant(world, roles):
    # The matrix's program has no nominations of its own: give it one.
    NominationFactory(program=world.program, employee=world.employee)
    Employee.objects.filter(pk=world.employee.pk).update(name=PLANTED["name"])
    Employee.objects.filter(pk=roles.head_a.employee.pk).update(name=PLANTED["head"])
    Unit.objects.filter(pk=world.unit.pk).update(name=PLANTED["unit"])
    Activity.objects.update(summary=PLANTED["summary"])
    Nomination.objects.update(reason=PLANTED["reason"], decision_note=PLANTED["note"])
    Program.objects.update(title=PLANTED["program"])
    PositionType.objects.filter(pk=world.employee.position_type_id).update(
        name=PLANTED["position"]
    )


def _export_urls(world):
    for name, __ in url_patterns():
        if name in SKIP or not name.endswith(("export", "_download", "template")):
            continue
        build_kwargs, expected = TABLE[name]
        kwargs = build_kwargs(world)
        formats = ["csv", "xlsx"] if "fmt" in kwargs else [None]
        for fmt in formats:
            if fmt:
                kwargs = {**kwargs, "fmt": fmt}
            allowed = [role for role in ROLES if expected[role] == 200]
            yield name, reverse(name, kwargs=kwargs), allowed


def _cells(response, url) -> list[object]:
    body = response.getvalue()
    if body.startswith(b"PK"):
        book = load_workbook(io.BytesIO(body))
        cells = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{url}: formula in {cell.coordinate}"
                    cells.append(cell.value)
        return cells
    text = body.decode("utf-8-sig")
    return [value for row in csv.reader(io.StringIO(text)) for value in row]


def _problems(url, cells) -> list[str]:
    problems = []
    for value in cells:
        if not isinstance(value, str) or not value.startswith(FORMULA_START):
            continue
        if NUMBER.match(value):  # a negative number written as text (CSV)
            continue
        problems.append(f"{url}: {value!r}")
    return problems


def test_no_export_of_the_matrix_carries_formula_text(org, roles):
    world = build_world(org, roles)
    _plant(world, roles)
    clients = role_clients(roles)
    problems, seen, checked, names = [], set(), 0, set()
    for name, url, allowed in _export_urls(world):
        for role in allowed:
            response = clients[role].get(url)
            assert response.status_code == 200, f"{url} as {role}"
            if response["Content-Type"] not in SPREADSHEETS:
                continue  # an uploaded file (evidence, certificate), not an export
            cells = _cells(response, url)
            problems += _problems(url, cells)
            seen.update(v for v in cells if isinstance(v, str))
            checked += 1
            names.add(name)
            if name == "siasn:unit_export":
                assert "'" + PLANTED["program"] in cells, url
    assert not problems, "\n".join(problems)
    assert checked >= 60
    # The SIASN workbook (the planted program title reaches it as the course name).
    assert "siasn:unit_export" in names
    # The planted values did reach the exports, neutralised.
    for value in PLANTED.values():
        assert "'" + value in seen or any("'" + value in s for s in seen), value


def test_background_aggregate_has_no_formula_text(
    org, roles, login, django_capture_on_commit_callbacks
):
    world = build_world(org, roles)
    _plant(world, roles)
    client = login(roles.bpsdm)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/laporan/provinsi/ekspor/", {"unit": org.province.pk})
    export = Export.objects.get(kind="reports.aggregate", requested_by=roles.bpsdm)
    assert export.status == "done"
    download = client.get(f"/ekspor/{export.pk}/unduh/")
    cells = _cells(download, "aggregate")
    assert not _problems("aggregate", cells)
    assert "'" + PLANTED["name"] in cells
