"""Levels only from enough evidence: a dimension answered below its minimum is
"bukti belum cukup" on every page that shows levels, and never a level."""

import pytest

from assessments.models import DimensionResult, LatestLevel, Threshold
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    instrument_create,
    instrument_publish,
    instrument_set_items,
    instrument_set_thresholds,
    result_release,
)
from assessments.tests.factories import ItemFactory, open_window


@pytest.fixture
def round_(dims, roles):
    """Empathy has three items (60 % → at least 2 answered), the other
    dimensions one each; staff A answers everything but two empathy items."""
    empathy = dims["empati-sosial"]
    others = [ItemFactory(dimension=d) for d in dims.values() if d != empathy]
    empathy_items = [ItemFactory(dimension=empathy) for __ in range(3)]
    instrument = instrument_create(
        code="bukti", name="Uji bukti", time_limit_minutes=30, by=roles.bpsdm
    )
    instrument_set_items(instrument=instrument, items=others + empathy_items)
    instrument = instrument_publish(instrument=instrument, by=roles.bpsdm)
    window = open_window(instrument, [roles.staff_a.employee], by=roles.bpsdm)
    attempt = window.attempts.get()
    attempt_start(attempt=attempt)
    for item in [*others, empathy_items[0]]:
        answer_save(attempt=attempt, item_id=item.pk, value=4)
    result = attempt_submit(attempt=attempt)
    result_release(result=result, by=roles.bpsdm)
    return result, empathy


def test_under_answered_dimension_has_no_level_and_no_latest_level(round_, roles):
    result, empathy = round_
    row = result.dimension_results.get(dimension=empathy)
    assert (row.answered, row.items, row.min_answered, row.level, row.score) == (
        1,
        3,
        2,
        None,
        None,
    )
    employee = roles.staff_a.employee
    assert not LatestLevel.objects.filter(employee=employee, dimension=empathy)
    assert LatestLevel.objects.filter(employee=employee).count() == 5


def test_result_page_shows_answered_of_total_and_no_blanket_summary(
    round_, login, roles
):
    result, empathy = round_
    url = f"/uji/hasil/{result.pk}/"
    assert login(roles.staff_b).get(url).status_code == 404
    for user in (roles.bpsdm, roles.head_a, roles.staff_a):
        response = login(user).get(url)
        body = response.content.decode()
        assert response.status_code == 200
        assert "bukti belum cukup" in body
        assert ">1/3<" in body
        assert ">1/1<" in body
        assert "Semua dimensi memenuhi" not in body
        summary = response.context["summary"]
        assert summary[0].startswith("Dimensi dengan level: ")
        assert "Empati Sosial" not in summary[0]
        assert summary[1].endswith(": Empati Sosial.")
    empathy_row = next(
        r for r in response.context["rows"] if r.dimension.pk == empathy.pk
    )
    assert (empathy_row.level, empathy_row.gap, empathy_row.meets) == (
        None,
        None,
        False,
    )


def test_feedback_notice_names_the_dimension_without_evidence(round_, roles):
    from notices.models import Notice

    body = Notice.objects.get(recipient=roles.staff_a).body
    assert (
        "- Empati Sosial: bukti belum cukup (1 dari 3 butir dijawab, minimal 2); "
        "tanpa level" in body
    )
    assert "Semua dimensi memenuhi" not in body


def test_reports_show_insufficient_evidence_and_count_it_untested(
    round_, login, roles, org
):
    result, empathy = round_
    employee = roles.staff_a.employee

    report = login(roles.head_a).get(f"/laporan/pegawai/{employee.pk}/")
    line = next(
        x for x in report.context["report"].lines if x.dimension.pk == empathy.pk
    )
    assert (line.level, line.insufficient, line.gap) == (None, True, None)
    assert "bukti belum cukup" in report.content.decode()
    assert login(roles.head_b).get(f"/laporan/pegawai/{employee.pk}/").status_code == (
        404
    )

    unit = login(roles.head_a).get(f"/laporan/unit/{org.kel_a.pk}/")
    heat = unit.context["report"]
    row = next(r for r in heat.rows if r.employee.pk == employee.pk)
    position = [d.pk for d in heat.dimensions].index(empathy.pk)
    assert (row.cells[position].level, row.cells[position].insufficient) == (
        None,
        True,
    )
    assert "bukti belum cukup" in unit.content.decode()
    stats = heat.stats[empathy.pk]
    # Staff A and head A are the unit's employees: neither has a level.
    assert (stats.tested, stats.untested, stats.insufficient, stats.meeting) == (
        0,
        2,
        1,
        0,
    )

    province = login(roles.bpsdm).get(f"/laporan/provinsi/?unit={org.kecamatan.pk}")
    totals = province.context["report"].total_by_dimension[empathy.pk]
    assert (totals.tested, totals.insufficient, totals.meeting) == (0, 1, 0)
    assert totals.untested == totals.employees
    assert "bukti belum cukup" in province.content.decode()
    other = next(d for d in totals_dims(province) if d != empathy.pk)
    assert province.context["report"].total_by_dimension[other].tested == 1


def totals_dims(response) -> list[int]:
    return list(response.context["report"].total_by_dimension)


def test_explicit_minimum_on_the_threshold_is_used(dims, roles):
    empathy = dims["empati-sosial"]
    items = [ItemFactory(dimension=empathy) for __ in range(4)]
    instrument = instrument_create(
        code="longgar",
        name="Uji",
        time_limit_minutes=30,
        min_answered_percent=100,
        by=roles.bpsdm,
    )
    instrument_set_items(instrument=instrument, items=items)
    threshold = Threshold.objects.get(instrument=instrument, dimension=empathy)
    instrument_set_thresholds(
        instrument=instrument,
        cuts={empathy.pk: threshold.cuts},
        minimums={empathy.pk: 1},
    )
    instrument = instrument_publish(instrument=instrument, by=roles.bpsdm)
    attempt = open_window(instrument, [roles.staff_a.employee], by=roles.bpsdm)
    attempt = attempt.attempts.get()
    attempt_start(attempt=attempt)
    answer_save(attempt=attempt, item_id=items[0].pk, value=5)
    result = attempt_submit(attempt=attempt)
    row = DimensionResult.objects.get(result=result, dimension=empathy)
    assert (row.answered, row.items, row.min_answered, row.level) == (1, 4, 1, 5)


def _csv(response) -> list[list[str]]:
    import csv
    import io

    assert response.status_code == 200, response
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_exports_say_insufficient_evidence_where_a_level_is_missing(
    round_, login, roles, org
):
    """The exports write "bukti belum cukup" in the level cell of the
    under-answered dimension (an empty cell means not tested) and say so."""
    __, empathy = round_
    employee = roles.staff_a.employee
    client = login(roles.head_a)

    rows = _csv(client.get(f"/laporan/pegawai/{employee.pk}/ekspor.csv"))
    gaps = next(r for r in rows if r and r[0] == empathy.label)
    assert gaps[2] == "bukti belum cukup"
    levels = {
        x.dimension.label: str(x.level)
        for x in LatestLevel.objects.filter(employee=employee)
    }
    assert {r[0]: r[2] for r in rows if r and r[0] in levels} == levels
    # The workbook's information sheet says what an empty level means.
    import io

    from openpyxl import load_workbook

    response = client.get(f"/laporan/pegawai/{employee.pk}/ekspor.xlsx")
    body = b"".join(response.streaming_content)
    info = load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
    notes = {r[0]: r[1] for r in info.iter_rows(values_only=True) if r and r[0]}
    assert "bukti belum cukup" in notes["Level kosong"]

    rows = _csv(client.get(f"/laporan/unit/{org.kel_a.pk}/ekspor.csv"))
    header = next(r for r in rows if "NIP" in r)
    line = next(r for r in rows if employee.nip in r)
    assert line[header.index(f"{empathy.label}: level")] == "bukti belum cukup"
    others = [
        r
        for r in rows
        if len(r) == len(header) and r is not header and employee.nip not in r
    ]
    assert others and all(
        r[header.index(f"{empathy.label}: level")] == "" for r in others
    )


def test_api_says_why_a_level_is_null(round_, roles):
    """``level: null`` comes with ``evidence: insufficient`` and the counts
    that make it so."""
    from datetime import timedelta

    from django.utils import timezone
    from rest_framework.test import APIClient

    from api.services import token_create

    result, empathy = round_
    __, raw = token_create(
        user=roles.head_a,
        name="t",
        scope="read",
        expires_on=timezone.localdate() + timedelta(days=1),
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = client.get(f"/api/v1/results/{result.pk}/").json()
    rows = {row["dimension"]: row for row in body["dimensions"]}
    assert {
        k: rows[empathy.code][k]
        for k in ("level", "score", "evidence", "answered", "items", "min_answered")
    } == {
        "level": None,
        "score": None,
        "evidence": "insufficient",
        "answered": 1,
        "items": 3,
        "min_answered": 2,
    }
    others = [row for code, row in rows.items() if code != empathy.code]
    assert len(others) == 5
    assert all(r["evidence"] == "sufficient" and r["level"] for r in others)
