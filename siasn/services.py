"""Pushing completions to SIASN and reconciling with what it holds.

A push is idempotent: each reported completion keeps the record id SIASN
returned and a digest of what was sent, so a second push of unchanged data
sends nothing, and a change (a corrected JP, new dates) updates the same record
(``kursus/save`` with its ``id``) instead of creating another.
"""

import logging
from collections.abc import Iterator
from itertools import islice

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from people.models import Employee, Unit, User
from people.permissions import can
from programs.models import Nomination
from siasn.client import PermanentError, SiasnClient, SiasnError, TransientError
from siasn.mapping import Completion, payload_hash, reconcile, save_payload
from siasn.models import SiasnPerson, SiasnRecord, SyncRun
from siasn.permissions import PUSH
from siasn.selectors import NOMINATION_PREFIX, completions, reportable_entries

log = logging.getLogger(__name__)

BATCH = 200
#: Reconciliation keeps this many difference rows (the counts cover all).
MAX_REPORT_ROWS = 5000


def run_request(*, kind: str, unit: Unit | None, by: User) -> SyncRun:
    """Queue a push or a reconciliation of ``unit``'s subtree (the province for
    None); the job runs after the transaction commits."""
    if not can(by, PUSH):
        raise PermissionDenied
    from siasn.tasks import run_sync

    run = SyncRun.objects.create(kind=kind, unit=unit, requested_by=by)
    transaction.on_commit(lambda: run_sync.delay(run_id=run.pk))
    return run


def _employees(unit: Unit | None):
    employees = Employee.objects.filter(nip__isnull=False, is_active=True).exclude(
        employment_status=Employee.Status.NON_ASN
    )
    if unit is not None:
        from people.tree import subtree_q

        employees = employees.filter(subtree_q(unit))
    return employees.order_by("pk")


def _batches(unit: Unit | None) -> Iterator[list[int]]:
    ids = _employees(unit).values_list("pk", flat=True).iterator(chunk_size=BATCH)
    while chunk := list(islice(ids, BATCH)):
        yield chunk


def _person_id(client: SiasnClient, employee_id: int, nip: str) -> str:
    person = SiasnPerson.objects.filter(employee_id=employee_id).first()
    if person:
        return person.pns_orang_id
    found = client.pns_orang_id(nip)
    if not found:
        raise PermanentError(f"NIP {nip} tidak ditemukan di SIASN")
    SiasnPerson.objects.get_or_create(
        employee_id=employee_id, defaults={"pns_orang_id": found}
    )
    return found


def _document(completion: Completion) -> tuple[str, bytes] | None:
    if not completion.has_document or not completion.source_key.startswith(
        NOMINATION_PREFIX
    ):
        return None
    nomination = Nomination.objects.filter(
        pk=int(completion.source_key[len(NOMINATION_PREFIX) :])
    ).first()
    if nomination is None or not nomination.certificate_file:
        return None
    with nomination.certificate_file.open("rb") as handle:
        return f"sttpp-{nomination.pk}.pdf", handle.read()


def completion_push(*, client: SiasnClient, completion: Completion) -> str:
    """Send one completion; "created", "updated" or "unchanged". SIASN errors
    are raised (the record keeps the error)."""
    record = SiasnRecord.objects.filter(
        employee_id=completion.employee_id, source_key=completion.source_key
    ).first()
    try:
        pns_id = _person_id(client, completion.employee_id, completion.nip)
        payload = save_payload(
            completion,
            pns_orang_id=pns_id,
            instansi_id=settings.SIASN_INSTANSI_ID or "",
            lokasi_id=settings.SIASN_LOKASI_ID or "",
        )
        digest = payload_hash(payload)
        wants_document = completion.has_document
        if (
            record is not None
            and record.status == SiasnRecord.Status.SYNCED
            and record.payload_hash == digest
            and (record.document or not wants_document)
        ):
            return "unchanged"
        body = dict(payload)
        if record is not None and record.siasn_id:
            body["id"] = record.siasn_id
        if record is not None and record.document:
            body["path"] = [record.document]
        siasn_id = client.course_save(body)
        document = record.document if record is not None else None
        if wants_document and not document:
            found = _document(completion)
            if found is not None:
                name, content = found
                document = client.document_upload(
                    record_id=siasn_id,
                    ref_id=settings.SIASN_DOCUMENT_REF_ID,
                    name=name,
                    content=content,
                )
    except SiasnError as exc:
        SiasnRecord.objects.update_or_create(
            employee_id=completion.employee_id,
            source_key=completion.source_key,
            defaults={
                "status": SiasnRecord.Status.FAILED,
                "error": str(exc)[:1000],
                "attempts": (record.attempts if record else 0) + 1,
                # A record SIASN already holds keeps its id (the next push
                # updates it).
                "siasn_id": record.siasn_id if record else "",
            },
        )
        raise
    outcome = "updated" if record is not None and record.siasn_id else "created"
    SiasnRecord.objects.update_or_create(
        employee_id=completion.employee_id,
        source_key=completion.source_key,
        defaults={
            "siasn_id": siasn_id,
            "payload": body,
            "payload_hash": digest,
            "document": document,
            "status": SiasnRecord.Status.SYNCED,
            "error": "",
            "attempts": (record.attempts if record else 0) + 1,
            "synced_at": timezone.now(),
        },
    )
    return outcome


def _claim(run_id: int) -> SyncRun | None:
    claimed = SyncRun.objects.filter(pk=run_id, state=SyncRun.State.QUEUED).update(
        state=SyncRun.State.RUNNING, started_at=timezone.now()
    )
    return SyncRun.objects.select_related("unit").get(pk=run_id) if claimed else None


def _finish(run: SyncRun, *, counts: dict, rows=None, error: str = "") -> None:
    run.counts = counts
    if rows is not None:
        run.rows = rows
    run.error = error
    run.state = SyncRun.State.FAILED if error else SyncRun.State.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "rows", "error", "state", "finished_at"])


def run_execute(*, run_id: int, final_attempt: bool = True) -> SyncRun | None:
    """Carry out a queued run (claimed with a conditional update: a second
    delivery of the same job does nothing). With transient failures and
    ``final_attempt`` False the run goes back to the queue and
    ``TransientError`` is raised, so the task retries it: records already sent
    are not sent again."""
    run = _claim(run_id)
    if run is None:
        return None
    try:
        client = SiasnClient()
    except PermanentError as exc:
        _finish(run, counts={}, error=str(exc))
        return run
    if run.kind == SyncRun.Kind.PUSH:
        counts, rows = _push(client, run.unit), None
    else:
        counts, rows = _reconcile(client, run.unit)
    transient = counts.get("transient", 0)
    if transient and not final_attempt:
        SyncRun.objects.filter(pk=run.pk).update(
            state=SyncRun.State.QUEUED, counts=counts
        )
        raise TransientError(f"{transient} transient SIASN errors; retrying")
    _finish(run, counts=counts, rows=rows)
    return run


def _push(client: SiasnClient, unit: Unit | None) -> dict:
    counts = dict.fromkeys(
        ["created", "updated", "unchanged", "failed", "transient"], 0
    )
    for ids in _batches(unit):
        employees = Employee.objects.filter(pk__in=ids)
        for completion in completions(reportable_entries(employees)):
            try:
                counts[completion_push(client=client, completion=completion)] += 1
            except TransientError as exc:
                log.warning("SIASN transient error: %s", exc)
                counts["transient"] += 1
            except SiasnError as exc:
                log.info("SIASN refused %s: %s", completion.source_key, exc)
                counts["failed"] += 1
    return counts


def _reconcile(client: SiasnClient, unit: Unit | None) -> tuple[dict, list]:
    counts: dict[str, int] = {"employees": 0, "transient": 0, "failed": 0}
    rows: list[dict] = []
    for ids in _batches(unit):
        employees = Employee.objects.filter(pk__in=ids)
        local: dict[int, list[dict]] = {}
        for c in completions(reportable_entries(employees)):
            payload = save_payload(c, pns_orang_id="", instansi_id="", lokasi_id="")
            local.setdefault(c.employee_id, []).append(
                {**payload, "source_key": c.source_key}
            )
        known: dict[int, dict[str, str]] = {}
        for record in SiasnRecord.objects.filter(employee_id__in=ids).exclude(
            siasn_id=""
        ):
            known.setdefault(record.employee_id, {})[record.source_key] = (
                record.siasn_id
            )
        for employee_id, nip in employees.values_list("pk", "nip"):
            counts["employees"] += 1
            try:
                remote = client.courses_of(nip)
            except TransientError:
                counts["transient"] += 1
                continue
            except SiasnError:
                counts["failed"] += 1
                continue
            for row in reconcile(
                nip=nip,
                local=local.get(employee_id, []),
                remote=remote,
                known_ids=known.get(employee_id, {}),
            ):
                counts[row["kind"]] = counts.get(row["kind"], 0) + 1
                if len(rows) < MAX_REPORT_ROWS:
                    rows.append({**row, "employee_id": employee_id})
    return counts, rows
