"""The SIASN XLSX for units without API credentials: one row per reported
completion, the columns of ``kursus/save`` in its order (so the file can be
entered in SIASN, or uploaded, as it is). Written in openpyxl's write-only mode
(rows stream to the file); text that a spreadsheet would read as a formula is
neutralised."""

import io
from collections.abc import Iterable, Iterator

from django.conf import settings
from openpyxl import Workbook

from people.models import Employee
from siasn.mapping import SAVE_FIELDS, save_payload
from siasn.models import SiasnPerson
from siasn.selectors import completions, reportable_entries

# Leading characters a spreadsheet takes as the start of a formula or command.
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")
BATCH = 500


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_LEAD):
        return "'" + value
    return value


def export_rows(employees) -> Iterator[list]:
    """Rows of the export (the NIP first, then the ``kursus/save`` fields), a
    batch of employees at a time."""
    ids = list(employees.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = Employee.objects.filter(pk__in=ids[start : start + BATCH])
        persons = dict(
            SiasnPerson.objects.filter(employee__in=batch).values_list(
                "employee_id", "pns_orang_id"
            )
        )
        for completion in completions(reportable_entries(batch)):
            payload = save_payload(
                completion,
                pns_orang_id=persons.get(completion.employee_id, ""),
                instansi_id=settings.SIASN_INSTANSI_ID or "",
                lokasi_id=settings.SIASN_LOKASI_ID or "",
            )
            yield [completion.nip] + [payload[field] for field in SAVE_FIELDS]


def workbook_bytes(rows: Iterable[list]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("riwayat_kursus")
    sheet.append(["nip", *SAVE_FIELDS])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
