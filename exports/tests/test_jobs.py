"""Background exports with the outbox's discipline: the row first, publishing
that survives a broker outage, a lease and sweep for dead workers, a retry limit
with a visible failed state, expiry with file deletion, a per-user cap, progress,
and the threshold above which an export is offered as a job."""

import io
import os
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from kombu.exceptions import OperationalError
from openpyxl import load_workbook

from exports import services
from exports.models import Export
from exports.services import (
    MAX_ATTEMPTS,
    export_claim,
    export_heartbeat,
    export_request,
    exports_purge_expired,
)
from exports.tasks import build_export, purge_expired_exports, sweep_exports
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

PARAMS = {"query": {}, "kwargs": {}, "language": "id"}


def _job(user, **fields):
    return Export.objects.create(
        requested_by=user, kind="people.employees", fmt="xlsx", params=PARAMS, **fields
    )


def test_request_builds_after_commit_with_progress(
    roles, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(
            by=roles.head_a, kind="people.employees", fmt="csv", params=PARAMS
        )
    export.refresh_from_db()
    assert (export.status, export.progress, export.attempts) == ("done", 100, 1)
    # Head A sees kelurahan A's two employees (the list shows active ones).
    assert (export.rows_expected, export.rows_done) == (2, 2)
    assert export.expires_at - export.finished_at == timedelta(hours=24)
    with export.file.open("rb") as handle:
        lines = handle.read().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Nama,NIP,Kode unit,Unit,")
    assert len(lines) == 3


def test_per_user_cap_on_unfinished_exports(roles, settings):
    settings.EXPORT_MAX_ACTIVE_PER_USER = 2
    _job(roles.bpsdm)
    _job(roles.bpsdm, status=Export.Status.RUNNING, heartbeat_at=timezone.now())
    _job(roles.bpsdm, status=Export.Status.DONE, file=ContentFile(b"x", "a.csv"))
    with pytest.raises(ValidationError) as caught:
        export_request(by=roles.bpsdm, kind="people.employees", fmt="csv", params={})
    assert caught.value.messages == [
        "Anda sudah memiliki 2 ekspor yang sedang dibuat. Tunggu sampai selesai, "
        "lalu minta lagi."
    ]
    # Someone else is not held up by BPSDM's jobs.
    export_request(by=roles.head_a, kind="people.employees", fmt="csv", params={})


def test_claim_is_conditional_and_counts_attempts(roles):
    export = _job(roles.bpsdm)
    assert export_claim(export_id=export.pk) is True
    assert export_claim(export_id=export.pk) is False
    export.refresh_from_db()
    assert (export.status, export.attempts) == ("running", 1)


def test_broker_down_leaves_job_pending_then_sweep_publishes(
    roles, real_broker_mode, monkeypatch, django_capture_on_commit_callbacks
):
    state = {"up": False, "published": []}

    def publish(*args, **kwargs):
        if not state["up"]:
            raise OperationalError("connection refused")
        state["published"].append(kwargs["kwargs"]["export_id"])

    monkeypatch.setattr(build_export, "apply_async", publish)
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(
            by=roles.bpsdm, kind="people.employees", fmt="xlsx", params=PARAMS
        )
    export.refresh_from_db()
    assert (export.status, export.published_at) == ("pending", None)
    assert sweep_exports() == 0  # still down
    state["up"] = True
    assert sweep_exports() == 1
    assert state["published"] == [export.pk]
    export.refresh_from_db()
    assert export.published_at is not None
    assert sweep_exports() == 0  # published recently: not again


def test_dead_worker_job_is_taken_over_then_fails_after_max_attempts(
    roles, real_broker_mode, monkeypatch
):
    published = []
    monkeypatch.setattr(
        build_export,
        "apply_async",
        lambda *a, **k: published.append(k["kwargs"]["export_id"]),
    )
    export = _job(roles.bpsdm)
    stale = timezone.now() - services.LEASE - timedelta(seconds=1)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert export_claim(export_id=export.pk) is True
        Export.objects.filter(pk=export.pk).update(heartbeat_at=stale)
        sweep_exports()
        export.refresh_from_db()
        if attempt < MAX_ATTEMPTS:
            assert (export.status, export.attempts) == ("pending", attempt)
    assert export.status == "failed"
    assert export.error == (
        "Ekspor gagal dibuat setelah 3 percobaan. Silakan minta lagi atau hubungi "
        "administrator."
    )
    assert published == [export.pk] * (MAX_ATTEMPTS - 1)


def test_a_live_job_is_not_taken_over(roles, real_broker_mode, monkeypatch):
    monkeypatch.setattr(build_export, "apply_async", lambda *a, **k: None)
    export = _job(roles.bpsdm, published_at=timezone.now())
    export_claim(export_id=export.pk)
    assert sweep_exports() == 0
    export.refresh_from_db()
    assert export.status == "running"


def test_taken_over_build_stops_and_keeps_the_other_workers_result(roles):
    export = _job(roles.bpsdm)
    export_claim(export_id=export.pk)
    assert export_heartbeat(export_id=export.pk, rows_done=10) is True
    Export.objects.filter(pk=export.pk).update(status=Export.Status.PENDING)
    assert export_heartbeat(export_id=export.pk, rows_done=20) is False


def test_build_stops_when_its_lease_was_taken(roles, org, monkeypatch, settings):
    """A worker that wakes up after its job was handed to another (the heartbeat
    finds the row no longer running) drops its half-built file."""
    EmployeeFactory.create_batch(3, unit=org.kel_a)
    monkeypatch.setattr("exports.writer.BATCH", 1)
    export = _job(roles.bpsdm)

    real = services.export_heartbeat

    def taken(*, export_id, rows_done):
        Export.objects.filter(pk=export_id).update(status=Export.Status.PENDING)
        return real(export_id=export_id, rows_done=rows_done)

    monkeypatch.setattr("exports.tasks.export_heartbeat", taken)
    assert build_export(export_id=export.pk) is False
    export.refresh_from_db()
    assert (export.status, export.file.name) == ("pending", "")


def test_expired_files_are_deleted_and_rows_marked(roles):
    old = _job(
        roles.bpsdm,
        status=Export.Status.DONE,
        file=ContentFile(b"lama", "lama.csv"),
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    fresh = _job(
        roles.bpsdm,
        status=Export.Status.DONE,
        file=ContentFile(b"baru", "baru.csv"),
        expires_at=timezone.now() + timedelta(hours=1),
    )
    path = old.file.path
    assert purge_expired_exports() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, old.file.name) == ("expired", "")
    assert not os.path.exists(path)
    assert fresh.status == "done" and fresh.file.read() == b"baru"
    assert exports_purge_expired() == 0


def test_large_export_is_offered_as_a_job_then_built(
    roles, org, login, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_BACKGROUND_ROWS = 1
    client = login(roles.head_a)
    page = client.get("/pegawai/ekspor.xlsx?active=1")
    assert page.status_code == 200
    assert page.templates[0].name == "exports/confirm.html"
    assert 'action="/pegawai/ekspor.xlsx?active=1"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/pegawai/ekspor.xlsx?active=1")
    export = Export.objects.get()
    assert response["Location"] == f"/ekspor/{export.pk}/"
    assert export.params["query"] == {"active": ["1"]}
    assert (export.kind, export.status, export.rows_done) == (
        "people.employees",
        "done",
        2,
    )
    download = client.get(f"/ekspor/{export.pk}/unduh/")
    assert download["Content-Disposition"] == 'attachment; filename="pegawai.xlsx"'
    book = load_workbook(io.BytesIO(download.getvalue()))
    assert book.sheetnames == ["Keterangan", "Pegawai"]
    assert book["Pegawai"].max_row == 3
    about = dict(book["Keterangan"].iter_rows(values_only=True, max_col=2))
    assert about["Status"] == "Aktif"  # the filter applied
    # Below the threshold the same URL streams at once.
    settings.EXPORT_BACKGROUND_ROWS = 100
    direct = client.get("/pegawai/ekspor.xlsx?active=1")
    assert direct["Content-Disposition"] == 'attachment; filename="pegawai.xlsx"'


def test_cap_reached_is_a_message_not_an_error(roles, login, settings):
    settings.EXPORT_MAX_ACTIVE_PER_USER = 1
    _job(roles.head_a)
    response = login(roles.head_a).post("/pegawai/ekspor.csv", follow=True)
    assert response.redirect_chain == [("/ekspor/", 302)]
    assert "Anda sudah memiliki 1 ekspor" in response.content.decode()
    assert Export.objects.count() == 1


def test_export_pages_are_the_requesters_alone(roles, login):
    export = _job(roles.head_a)
    own = login(roles.head_a)
    assert list(own.get("/ekspor/").context["page"].object_list) == [export]
    assert own.get(f"/ekspor/{export.pk}/").status_code == 200
    status = own.get(f"/ekspor/{export.pk}/status/").content.decode()
    assert 'hx-trigger="every 2s"' in status and "<html" not in status
    assert own.get(f"/ekspor/{export.pk}/unduh/").status_code == 404  # not built
    for other in (roles.head_b, roles.bpsdm, roles.admin):
        client = login(other)
        assert list(client.get("/ekspor/").context["page"].object_list) == []
        assert client.get(f"/ekspor/{export.pk}/").status_code == 404
        assert client.get(f"/ekspor/{export.pk}/unduh/").status_code == 404


def test_failed_and_expired_states_are_shown(roles, login):
    failed = _job(roles.head_a, status=Export.Status.FAILED, error="Unit hilang.")
    expired = _job(roles.head_a, status=Export.Status.EXPIRED)
    client = login(roles.head_a)
    page = client.get(f"/ekspor/{failed.pk}/status/").content.decode()
    assert "Unit hilang." in page and "every 2s" not in page
    page = client.get(f"/ekspor/{expired.pk}/").content.decode()
    assert "sudah kedaluwarsa dan dihapus" in page
