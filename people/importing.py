"""Employee import from CSV/XLSX: validate every row, then write all or nothing."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from people.models import PositionType, Unit
from people.nip import nip_errors
from people.services import employee_key, employees_upsert
from sosiokultural.tabular import (
    Row,
    TableError,
    missing_columns,
    parse_date,
    read_table,
)

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


def employees_import(
    *,
    filename: str,
    content: bytes,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import employees through ``people.services.employees_upsert``. Raises
    ``EmployeeImportError`` with (row, message) pairs and writes nothing when any
    row is bad; re-importing updates instead of duplicating (keyed by NIP, or by
    name + unit for non-ASN). ``progress(rows_read, rows_total)`` is called while
    the rows are checked. A constant number of queries per thousand rows; the
    caller's transaction (if any) holds the whole write."""
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

    parsed: list[tuple[Row, dict]] = []
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
        parsed.append((row, data))
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count, len(rows))
    if errors:
        raise EmployeeImportError(errors)

    outcome = employees_upsert(records=[data for __, data in parsed])
    if outcome.errors:
        raise EmployeeImportError(
            [
                (parsed[index][0].number, message)
                for index, messages in sorted(outcome.errors.items())
                for message in messages
            ]
        )
    report = ImportReport(created=len(outcome.created), updated=len(outcome.updated))
    kinds = dict.fromkeys(outcome.created, "created")
    kinds.update(dict.fromkeys(outcome.updated, "updated"))
    report.rows = [(row.number, kinds[i]) for i, (row, __) in enumerate(parsed)]
    return report
