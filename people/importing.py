"""Employee import from CSV/XLSX: validate every row, then write all or nothing."""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from people.models import EmployeeImport, PositionType, Unit, User
from people.nip import nip_errors
from people.services import employee_key, employees_upsert
from sosiokultural.jobs import ACTIVE, Jobs, JobStatus, TakenOver
from sosiokultural.tabular import (
    Row,
    TableError,
    missing_columns,
    parse_date,
    read_table,
)

logger = logging.getLogger(__name__)

REQUIRED = ["nama", "unit", "jabatan", "status", "jenis_kelamin", "tanggal_penempatan"]
OPTIONAL = ["nip", "aktif", "email"]
TRUE_WORDS = {"ya", "y", "1", "true", "aktif", "yes"}
FALSE_WORDS = {"tidak", "t", "0", "false", "nonaktif", "no", "n"}
GENDER_WORDS = {
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "pria": "L",
    "m": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
    "f": "P",
}
STATUS_WORDS = {
    "pns": "PNS",
    "cpns": "CPNS",
    "pppk": "PPPK",
    "non_asn": "NON_ASN",
    "non-asn": "NON_ASN",
    "non asn": "NON_ASN",
    "phl": "NON_ASN",
}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    # (spreadsheet row, "created" | "updated"), in file order.
    rows: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class EmployeeImportError(Exception):
    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(errors)
        self.errors = errors


# Rows parsed between two progress reports.
PROGRESS_EVERY = 500


def _parse_row(row: Row, units, positions) -> tuple[dict, list[str]]:
    v = row.values
    errors: list[str] = []
    name = v.get("nama", "").strip()
    if not name:
        errors.append(_("kolom nama kosong"))
    unit = units.get(v.get("unit", "").strip().lower())
    if unit is None:
        errors.append(_("unit '%(code)s' tidak dikenal") % {"code": v.get("unit", "")})
    position_key = v.get("jabatan", "").strip().lower()
    position = positions.get(position_key)
    if position is None:
        errors.append(
            _("jabatan '%(name)s' tidak dikenal") % {"name": v.get("jabatan", "")}
        )
    status = STATUS_WORDS.get(v.get("status", "").strip().lower())
    if status is None:
        errors.append(
            _("status '%(value)s' tidak dikenal (PNS, CPNS, PPPK, atau NON_ASN)")
            % {"value": v.get("status", "")}
        )
    gender = GENDER_WORDS.get(v.get("jenis_kelamin", "").strip().lower())
    if gender is None:
        errors.append(
            _("jenis kelamin '%(value)s' tidak dikenal (L atau P)")
            % {"value": v.get("jenis_kelamin", "")}
        )
    placed_on = parse_date(v.get("tanggal_penempatan", ""))
    if placed_on is None:
        errors.append(
            _("tanggal penempatan '%(value)s' tidak valid (format TTTT-BB-HH)")
            % {"value": v.get("tanggal_penempatan", "")}
        )
    active_text = v.get("aktif", "").strip().lower()
    if active_text and active_text not in TRUE_WORDS | FALSE_WORDS:
        errors.append(_("kolom aktif harus 'ya' atau 'tidak'"))
    nip = v.get("nip", "").strip()
    if status:
        errors.extend(nip_errors(nip, status=status, gender=gender))
    contract = {}
    for column, attribute in (
        ("kontrak_mulai", "contract_starts_on"),
        ("kontrak_selesai", "contract_ends_on"),
    ):
        if column not in v:
            continue  # a file without the column leaves the dates as they are
        text = v[column].strip()
        day = parse_date(text) if text else None
        if text and day is None:
            errors.append(
                _("tanggal %(column)s '%(value)s' tidak valid (format TTTT-BB-HH)")
                % {"column": column.replace("_", " "), "value": text}
            )
        contract[attribute] = day
    data = {
        "name": name,
        "nip": nip or None,
        "unit": unit,
        "position_type": position,
        "employment_status": status,
        "gender": gender,
        "placed_on": placed_on,
        "is_active": active_text not in FALSE_WORDS,
        "email": v.get("email", "").strip(),
        **contract,
    }
    return data, errors


def _units_named(rows: list[Row]) -> dict[str, Unit]:
    """The units the file names, by lower-case code (a query per thousand codes)."""
    codes = sorted({r.values.get("unit", "").strip().lower() for r in rows} - {""})
    units: dict[str, Unit] = {}
    for start in range(0, len(codes), 1000):
        for unit in Unit.objects.annotate(lcode=Lower("code")).filter(
            lcode__in=codes[start : start + 1000]
        ):
            units[unit.lcode] = unit
    return units


def employee_rows_read(
    *,
    filename: str,
    content: bytes,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[int, dict]]:
    """Read and check every row of an employee file: (spreadsheet row, record
    for ``employees_upsert``) pairs, or ``EmployeeImportError`` with every
    (row, message). ``progress(rows_checked, rows_total)`` is called while the
    rows are checked. Reads only units and positions (a query per thousand
    unit codes)."""
    try:
        headers, rows = read_table(filename, content)
    except TableError as exc:
        raise EmployeeImportError([(0, str(exc))]) from exc
    missing = missing_columns(headers, REQUIRED)
    if missing:
        raise EmployeeImportError(
            [(1, _("kolom wajib tidak ada: %(cols)s") % {"cols": ", ".join(missing)})]
        )
    rows = list(rows)
    units = _units_named(rows)
    positions = {}
    for p in PositionType.objects.all():
        positions[p.code.lower()] = p
        positions[p.name.lower()] = p

    parsed: list[tuple[int, dict]] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple, int] = {}
    for count, row in enumerate(rows, start=1):
        data, row_errors = _parse_row(row, units, positions)
        if not row_errors:
            key = employee_key(data)
            if key in seen:
                row_errors.append(
                    _("pegawai yang sama sudah ada di baris %(row)s")
                    % {"row": seen[key]}
                )
            seen[key] = row.number
        errors.extend((row.number, message) for message in row_errors)
        parsed.append((row.number, data))
        if progress is not None and (count % PROGRESS_EVERY == 0 or count == len(rows)):
            progress(count, len(rows))
    if errors:
        raise EmployeeImportError(errors)
    return parsed


@transaction.atomic
def employee_rows_write(*, parsed: list[tuple[int, dict]]) -> ImportReport:
    """Write checked rows through ``employees_upsert``: all or none (raises
    ``EmployeeImportError`` with the rows a rule refused)."""
    outcome = employees_upsert(records=[data for __, data in parsed])
    if outcome.errors:
        raise EmployeeImportError(
            [
                (parsed[index][0], message)
                for index, messages in sorted(outcome.errors.items())
                for message in messages
            ]
        )
    report = ImportReport(created=len(outcome.created), updated=len(outcome.updated))
    kinds = dict.fromkeys(outcome.created, "created")
    kinds.update(dict.fromkeys(outcome.updated, "updated"))
    report.rows = [(number, kinds[i]) for i, (number, __) in enumerate(parsed)]
    return report


def employees_import(
    *,
    filename: str,
    content: bytes,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import employees (the command's path; the upload page runs the same steps
    as a job, ``employee_import_run``). Raises ``EmployeeImportError`` with
    (row, message) pairs and writes nothing when any row is bad; re-importing
    updates instead of duplicating (keyed by NIP, or by name + unit for non-ASN).
    A constant number of queries per thousand rows."""
    parsed = employee_rows_read(filename=filename, content=content, progress=progress)
    return employee_rows_write(parsed=parsed)


# -- the background job of the upload page ---------------------------------------

# Errors kept in a job's row report (the count says how many there were).
MAX_REPORTED_ERRORS = 1000
# Share of the progress bar for checking the rows; writing (one transaction,
# invisible until it commits) takes the rest.
READ_SHARE = 90


def _exhausted(attempts: int) -> str:
    return _(
        "Impor gagal setelah %(n)s percobaan; tidak ada data yang disimpan. Unggah "
        "berkasnya lagi atau hubungi administrator."
    ) % {"n": attempts}


IMPORT_JOBS = Jobs(
    model=EmployeeImport,
    task="people.tasks.import_employees",
    id_kwarg="import_id",
    exhausted_message=_exhausted,
)


@transaction.atomic
def employee_import_request(*, by: User, upload: UploadedFile) -> EmployeeImport:
    """Store the (already validated) upload, record the job and publish it once
    the row is committed. One unfinished import per requester."""
    User.objects.select_for_update().filter(pk=by.pk).first()
    if EmployeeImport.objects.filter(requested_by=by, status__in=ACTIVE).exists():
        raise ValidationError(
            _(
                "Impor Anda sebelumnya masih berjalan. Tunggu sampai selesai, lalu "
                "unggah lagi."
            )
        )
    job = EmployeeImport(requested_by=by, filename=upload.name[-200:])
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    job.file.save(f"{uuid.uuid4().hex}{suffix}", upload, save=False)
    job.save()
    transaction.on_commit(lambda: IMPORT_JOBS.enqueue(job_id=job.pk))
    return job


def _errors_stored(errors: list[tuple[int, str]]) -> dict:
    return {
        "errors": [list(pair) for pair in errors[:MAX_REPORTED_ERRORS]],
        "error_count": len(errors),
    }


def employee_import_run(*, import_id: int) -> bool:
    """Run one import job: check every row (progress visible), then write all of
    them and mark the job done in one transaction. Safe to run twice (only the
    run that claims the row works) and after a crash (nothing was written; the
    sweep hands the job to the next run). True when this run finished it."""
    if not IMPORT_JOBS.claim(job_id=import_id):
        return False
    job = EmployeeImport.objects.get(pk=import_id)

    def progress(done: int, total: int) -> None:
        if job.rows_expected != total:
            IMPORT_JOBS.set_expected(job_id=import_id, rows=total)
            job.rows_expected = total
        if not IMPORT_JOBS.heartbeat(
            job_id=import_id, rows_done=done, share=READ_SHARE, cap=READ_SHARE
        ):
            raise TakenOver

    finished = False
    try:
        with job.file.open("rb") as handle:
            content = handle.read()
        parsed = employee_rows_read(
            filename=job.filename, content=content, progress=progress
        )
        with transaction.atomic():
            IMPORT_JOBS.lock_running(job_id=import_id, attempt=job.attempts)
            report = employee_rows_write(parsed=parsed)
            finished = IMPORT_JOBS.finish(
                job_id=import_id,
                rows_done=len(parsed),
                created_count=report.created,
                updated_count=report.updated,
                report={"rows": [list(pair) for pair in report.rows]},
            )
        return finished
    except TakenOver:
        logger.warning("employee import %s was taken over by another run", import_id)
        return False
    except EmployeeImportError as exc:
        IMPORT_JOBS.fail(
            job_id=import_id,
            error=ngettext(
                "%(n)s kesalahan ditemukan; tidak ada yang disimpan.",
                "%(n)s kesalahan ditemukan; tidak ada yang disimpan.",
                len(exc.errors),
            )
            % {"n": len(exc.errors)},
            report=_errors_stored(exc.errors),
        )
        finished = True
        return False
    except DatabaseError as exc:  # transient: another attempt may succeed
        logger.exception("employee import %s: database error, retried", import_id)
        IMPORT_JOBS.release(job_id=import_id, error=str(exc))
        IMPORT_JOBS.enqueue(job_id=import_id)
        return False
    except Exception:
        logger.exception("employee import %s failed", import_id)
        IMPORT_JOBS.fail(
            job_id=import_id,
            error=_(
                "Impor gagal; tidak ada data yang disimpan. Hubungi administrator."
            ),
        )
        finished = True
        return False
    finally:
        if (
            finished
            or EmployeeImport.objects.filter(
                pk=import_id, status__in=[JobStatus.DONE, JobStatus.FAILED]
            ).exists()
        ):
            _file_delete(import_id)


def _file_delete(import_id: int) -> None:
    """The uploaded file holds personal data: it goes once the job has ended."""
    job = EmployeeImport.objects.filter(pk=import_id).first()
    if job is not None and job.file:
        job.file.storage.delete(job.file.name)
        EmployeeImport.objects.filter(pk=import_id).update(file="")


def employee_imports_sweep() -> int:
    """Publish the import jobs the broker missed and take over dead runs."""
    return IMPORT_JOBS.publish_swept()
