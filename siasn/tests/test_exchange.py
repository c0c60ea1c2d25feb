"""Against the local SIASN server (real HTTP on 127.0.0.1)."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache

from activities.tests.factories import record_briefing
from competencies.models import DevelopmentForm
from ledger.services import jp_credit_set
from people.tests.factories import EmployeeFactory
from siasn.client import SiasnClient, TransientError
from siasn.models import CourseMapping, SiasnPerson, SiasnRecord, SyncRun
from siasn.services import run_execute, run_request
from siasn.tests.fake_siasn import API


def push(unit, by, **kwargs) -> SyncRun:
    run = SyncRun.objects.create(kind="push", unit=unit, requested_by=by)
    run_execute(run_id=run.pk, **kwargs)
    run.refresh_from_db()
    return run


def reconcile_run(unit, by) -> SyncRun:
    run = SyncRun.objects.create(kind="reconcile", unit=unit, requested_by=by)
    run_execute(run_id=run.pk)
    run.refresh_from_db()
    return run


@pytest.fixture
def people(org, roles, siasn):
    a1 = roles.staff_a.employee
    a2 = EmployeeFactory(unit=org.kel_a)
    siasn.state.people = {a1.nip: "PNS-A1", a2.nip: "PNS-A2"}
    return a1, a2


def test_push_sends_each_completion_once_then_updates(
    org, roles, siasn, people, complete
):
    a1, a2 = people
    first = complete(a1, by=roles.bpsdm, title="Diklat Komunikasi", jp=30)
    complete(a2, by=roles.bpsdm, title="Orientasi Pelayanan", jp="7.5")
    complete(roles.staff_b.employee, by=roles.bpsdm, title="Lain unit")  # not A

    run = push(org.kel_a, roles.bpsdm)
    assert run.state == "done"
    assert run.counts == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "transient": 0,
    }
    stored = sorted(siasn.state.courses.values(), key=lambda c: c["pnsOrangId"])
    assert [(c["pnsOrangId"], c["namaKursus"], c["jumlahJam"]) for c in stored] == [
        ("PNS-A1", "Diklat Komunikasi", 30),
        ("PNS-A2", "Orientasi Pelayanan", 8),
    ]
    assert stored[0]["instansiId"] == settings.SIASN_INSTANSI_ID
    assert stored[0]["nomorSertipikat"] == f"STTPP/{first.pk}"
    record = SiasnRecord.objects.get(employee=a1)
    assert record.siasn_id in siasn.state.courses
    assert record.document["dok_uri"] == f"peremajaan/{record.siasn_id}.pdf"
    assert siasn.state.documents[record.siasn_id][1].startswith(b"%PDF")
    assert SiasnPerson.objects.get(employee=a1).pns_orang_id == "PNS-A1"

    # Unchanged: nothing is sent again, not even the person look-up.
    saves = siasn.state.calls("POST", f"{API}/kursus/save")
    lookups = siasn.state.calls("GET", f"{API}/pns/data-utama/")
    again = push(org.kel_a, roles.bpsdm)
    assert again.counts["unchanged"] == 2
    assert siasn.state.calls("POST", f"{API}/kursus/save") == saves
    assert siasn.state.calls("GET", f"{API}/pns/data-utama/") == lookups
    assert len(siasn.state.courses) == 2

    # A corrected JP updates the same SIASN record.
    jp_credit_set(
        source_key=first.source_key,
        source="external",
        occurred_on=first.program.ends_on,
        description="Program BPSDM: Diklat Komunikasi",
        credits={a1.pk: 32 * 45},
        form_id=first.program.form_id,
    )
    changed = push(org.kel_a, roles.bpsdm)
    assert (changed.counts["updated"], changed.counts["unchanged"]) == (1, 1)
    assert len(siasn.state.courses) == 2
    assert siasn.state.courses[record.siasn_id]["jumlahJam"] == 32
    assert siasn.state.courses[record.siasn_id]["path"] == [record.document]


def test_internal_activities_are_reported_only_when_mapped(org, roles, siasn, people):
    a1, __ = people
    record_briefing(roles.head_a, present=[a1], minutes=100)
    assert push(org.kel_a, roles.bpsdm).counts["created"] == 0
    CourseMapping.objects.create(
        form=DevelopmentForm.objects.get(code="briefing"),
        jenis_diklat_id="6",
        reportable=True,
    )
    assert push(org.kel_a, roles.bpsdm).counts["created"] == 1
    (course,) = siasn.state.courses.values()
    assert (course["namaKursus"], course["jumlahJam"], course["jenisDiklatId"]) == (
        "Briefing",
        2,
        "6",
    )
    assert course["institusiPenyelenggara"] == org.kel_a.name


def test_tokens_are_cached_until_they_expire(org, roles, siasn, people, complete):
    complete(people[0], by=roles.bpsdm)
    client = SiasnClient()
    client.courses_of(people[0].nip)
    client.courses_of(people[0].nip)
    assert siasn.state.calls("POST", "/oauth2/token") == 1
    assert siasn.state.calls("POST", "/auth/realms/") == 1
    # Tokens that live 31 s are renewed after 1 s (30 s margin).
    cache.clear()
    siasn.state.token_lifetime = 31
    client.courses_of(people[0].nip)
    time.sleep(1.1)
    client.courses_of(people[0].nip)
    assert siasn.state.calls("POST", "/oauth2/token") == 3
    assert siasn.state.calls("POST", "/auth/realms/") == 3


def test_a_token_the_server_no_longer_accepts_is_renewed_once(siasn, people):
    client = SiasnClient()
    client.courses_of(people[0].nip)
    siasn.state.tokens.clear()  # SIASN forgot them (restart, revocation)
    assert client.courses_of(people[0].nip) == []
    assert siasn.state.calls("POST", "/oauth2/token") == 2


def test_a_500_is_transient_and_retried_without_duplicates(
    org, roles, siasn, people, complete
):
    a1, a2 = people
    complete(a1, by=roles.bpsdm, title="Satu")
    complete(a2, by=roles.bpsdm, title="Dua")
    siasn.state.faults.append(("POST", f"{API}/kursus/save", 500))
    with pytest.raises(TransientError):
        push(org.kel_a, roles.bpsdm, final_attempt=False)
    run = SyncRun.objects.get()
    assert (run.state, run.counts["created"], run.counts["transient"]) == (
        "queued",
        1,
        1,
    )
    failed = SiasnRecord.objects.get(status="failed")
    assert "HTTP 500" in failed.error
    run_execute(run_id=run.pk)  # the retry
    run.refresh_from_db()
    assert (run.state, run.counts["created"], run.counts["unchanged"]) == (
        "done",
        1,
        1,
    )
    assert len(siasn.state.courses) == 2
    assert SiasnRecord.objects.filter(status="synced").count() == 2


def test_a_refusal_is_permanent_and_recorded(org, roles, siasn, people, complete):
    a1, __ = people
    siasn.state.people.pop(a1.nip)  # SIASN does not know this NIP
    complete(a1, by=roles.bpsdm)
    run = push(org.kel_a, roles.bpsdm, final_attempt=False)
    assert (run.state, run.counts["failed"]) == ("done", 1)
    record = SiasnRecord.objects.get(employee=a1)
    assert (record.status, record.error) == (
        "failed",
        f"NIP {a1.nip} tidak ditemukan di SIASN",
    )


def test_reconciliation_lists_the_planted_differences(
    org, roles, siasn, people, complete
):
    a1, a2 = people
    same = complete(a1, by=roles.bpsdm, title="Sama")
    jp_changed = complete(a1, by=roles.bpsdm, title="JP berubah", jp=10)
    dates_changed = complete(a2, by=roles.bpsdm, title="Tanggal berubah")
    push(org.kel_a, roles.bpsdm)
    never_sent = complete(a2, by=roles.bpsdm, title="Belum dikirim")
    records = {r.source_key: r.siasn_id for r in SiasnRecord.objects.all()}
    # Planted on the SIASN side: a JP edited there, moved dates, and a course
    # entered directly in SIASN.
    siasn.state.courses[records[jp_changed.source_key]]["jumlahJam"] = 12
    siasn.state.courses[records[dates_changed.source_key]]["tanggalKursus"] = (
        "01-01-2020"
    )
    siasn.state.courses["manual-1"] = {
        "pnsOrangId": "PNS-A1",
        "namaKursus": "Seminar di luar aplikasi",
        "jumlahJam": 4,
        "tanggalKursus": "02-02-2024",
        "tanggalSelesaiKursus": "02-02-2024",
    }
    run = reconcile_run(org.kel_a, roles.bpsdm)
    assert run.state == "done"
    found = sorted((r["kind"], r["source_key"], r["siasn_id"]) for r in run.rows)
    assert found == sorted(
        [
            ("jp_differs", jp_changed.source_key, records[jp_changed.source_key]),
            (
                "dates_differ",
                dates_changed.source_key,
                records[dates_changed.source_key],
            ),
            ("missing_in_siasn", never_sent.source_key, ""),
            ("missing_here", "", "manual-1"),
        ]
    )
    assert same.source_key not in {r["source_key"] for r in run.rows}
    # staff A, the second employee and head A (who has no completion)
    assert run.counts == {
        "employees": 3,
        "transient": 0,
        "failed": 0,
        "jp_differs": 1,
        "dates_differ": 1,
        "missing_in_siasn": 1,
        "missing_here": 1,
    }


def test_run_request_queues_a_job_for_the_province_staff_only(
    org, roles, siasn, people, complete, django_capture_on_commit_callbacks
):
    complete(people[0], by=roles.bpsdm)
    with django_capture_on_commit_callbacks(execute=True):
        run = run_request(kind="push", unit=org.kel_a, by=roles.bpsdm)
    run.refresh_from_db()
    assert (run.state, run.counts["created"]) == ("done", 1)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        run_request(kind="push", unit=org.kel_a, by=roles.head_a)


def test_without_credentials_the_run_fails_with_a_reason(org, roles, settings):
    settings.SIASN_API_URL = ""
    run = push(org.kel_a, roles.bpsdm)
    assert (run.state, run.error) == ("failed", "SIASN credentials are not configured")
