"""The SIASN XLSX for units without API credentials: one row per reported
completion, the columns of ``kursus/save`` in its order (so the file can be
entered in SIASN, or uploaded, as it is). Written by the project's one export
writer (``exports.writer``: write-only workbook streamed from a temporary file,
formula text neutralised, typed numbers)."""

from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy

from exports.registry import register
from exports.writer import Column, Document, Sheet
from people.models import Employee
from siasn.mapping import SAVE_FIELDS, save_payload
from siasn.models import SiasnPerson
from siasn.selectors import (
    completions,
    reportable_entries,
    sync_employees,
    sync_unit_get_for_user,
)

BATCH = 500
# SIASN's own field names: the headers must match ``kursus/save`` exactly, so they
# are not translated.
HEADERS = ("nip", *SAVE_FIELDS)
COLUMNS = [
    Column(header, lambda row, i=index: row[i], width=18)
    for index, header in enumerate(HEADERS)
]


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


@register("siasn.unit", label=gettext_lazy("Riwayat kursus SIASN"), formats=("xlsx",))
def unit_document(user, query, *, pk: int) -> Document:
    unit = sync_unit_get_for_user(user, pk)
    employees = sync_employees(user, unit)
    return Document(
        name=f"siasn-riwayat-kursus-{unit.code}-{timezone.localdate():%Y%m%d}",
        title=gettext_lazy("Riwayat kursus SIASN"),
        # SIASN (and whoever enters the file by hand) reads the first sheet: no
        # Keterangan sheet in front of it, as for the import templates.
        about=False,
        sheets=[Sheet("riwayat_kursus", COLUMNS, export_rows(employees))],
    )
