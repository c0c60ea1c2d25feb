"""The background aggregate export (``reports.exports``): the job, its build, the
polling page and the requester-only download."""

import io

import pytest
from openpyxl import load_workbook

from exports.models import Export
from exports.tasks import build_export
from testsupport import wait_for

pytestmark = pytest.mark.django_db


def _request(client, unit, **extra):
    return client.post("/laporan/provinsi/ekspor/", {"unit": unit.pk, **extra})


def test_export_built_after_commit_and_downloaded_by_requester(
    province, org, roles, login, django_capture_on_commit_callbacks
):
    client = login(roles.bpsdm)
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, org.province, dimension=province.d1.pk)
    export = Export.objects.get()
    assert response["Location"] == f"/ekspor/{export.pk}/"
    assert (export.status, export.progress) == ("done", 100)
    assert export.params["query"]["unit"] == [str(org.province.pk)]
    assert (export.kind, export.fmt, export.attempts) == (
        "reports.aggregate",
        "xlsx",
        1,
    )
    page = client.get(f"/ekspor/{export.pk}/").content.decode()
    assert f"/ekspor/{export.pk}/unduh/" in page
    assert "every 2s" not in page
    download = client.get(f"/ekspor/{export.pk}/unduh/")
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book.sheetnames == [
        "Keterangan",
        "Ringkasan",
        "Kebutuhan program",
        "Tindak lanjut IKM",
        "Pegawai",
    ]
    people = list(book["Pegawai"].iter_rows(values_only=True))
    assert len(people) == 1 + 10  # the ten active employees of the province
    summary = list(book["Ringkasan"].iter_rows(values_only=True))
    assert summary[0][:4] == ("Unit", "Dimensi", "Pegawai", "Diuji")
    total = [row for row in summary if row[0] == "Jumlah"]
    # D1 at province level: 10 employees, 8 tested, levels 1,4,2,0,1, 3 meeting,
    # 5 with a gap, mean gap 0.88, 37.5 % meeting.
    assert total == [
        ("Jumlah", province.d1.label, 10, 8, 2, 1, 4, 2, 0, 1, 3, 5, 0.88, 37.5)
    ]
    for other in (roles.head_a, roles.admin):
        other_client = login(other)
        assert other_client.get(f"/ekspor/{export.pk}/").status_code == 404
        assert other_client.get(f"/ekspor/{export.pk}/unduh/").status_code == 404


def test_export_status_fragment_polls_until_finished(province, roles, login):
    export = Export.objects.create(requested_by=roles.bpsdm, kind="reports.aggregate")
    client = login(roles.bpsdm)
    fragment = client.get(f"/ekspor/{export.pk}/status/").content.decode()
    assert 'hx-trigger="every 2s"' in fragment
    assert "<html" not in fragment
    Export.objects.filter(pk=export.pk).update(status="failed", error="Unit hilang.")
    fragment = client.get(f"/ekspor/{export.pk}/status/").content.decode()
    assert "every 2s" not in fragment and "Unit hilang." in fragment
    assert login(roles.bpsdm).get(f"/ekspor/{export.pk}/unduh/").status_code == 404


def test_export_task_runs_once_and_fails_clearly_out_of_scope(province, org, roles):
    export = Export.objects.create(
        requested_by=roles.head_a,
        kind="reports.aggregate",
        params={"query": {"unit": [str(org.kel_a.pk)], "period": ["now"]}},
    )
    assert build_export(export_id=export.pk) is True
    export.refresh_from_db()
    assert export.status == "done"
    name = export.file.name
    assert build_export(export_id=export.pk) is False  # delivered twice
    export.refresh_from_db()
    assert export.file.name == name
    outside = Export.objects.create(
        requested_by=roles.head_a,
        kind="reports.aggregate",
        params={"query": {"unit": [str(org.kel_b.pk)], "period": ["now"]}},
    )
    build_export(export_id=outside.pk)
    outside.refresh_from_db()
    assert (outside.status, outside.error) == (
        "failed",
        "Unit ekspor di luar cakupan Anda.",
    )
    assert not outside.file


def test_export_request_refused_for_staff_and_outsider(province, org, roles, login):
    assert _request(login(roles.staff_a), org.kel_a).status_code == 403
    assert _request(login(roles.head_a), org.kel_b).status_code == 404
    assert not Export.objects.exists()


@pytest.mark.broker
def test_export_through_the_real_worker(
    celery_worker_process, province, org, roles, login
):
    client = login(roles.bpsdm)
    _request(client, org.province)
    export = Export.objects.get()
    assert wait_for(
        lambda: Export.objects.filter(pk=export.pk, status="done").exists(), 60
    )
    export.refresh_from_db()
    assert export.progress == 100
    assert export.file.name.endswith(".xlsx")
    # The page stops polling once the worker is done.
    status = client.get(f"/ekspor/{export.pk}/status/").content.decode()
    assert "every 2s" not in status
