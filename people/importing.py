"""Employee import from CSV/XLSX: validate every row, then write all or nothing."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from assessments.rollups import level_counts_refresh
from ledger.services import jp_contract_changed
from people.models import Employee, PositionType, Unit
from people.nip import nip_errors
from people.services import contract_terms, placement
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

    @property
    def ok(self) -> bool:
        return not self.errors


class EmployeeImportError(Exception):
    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(errors)
        self.errors = errors


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


def _key(data: dict) -> tuple:
    if data["nip"]:
        return ("nip", data["nip"])
    return ("name", data["name"].lower(), data["unit"].pk if data["unit"] else None)


def employees_import(*, filename: str, content: bytes) -> ImportReport:
    """Import employees. Raises ``EmployeeImportError`` with (row, message) pairs and
    writes nothing when any row is bad; re-importing updates instead of duplicating
    (keyed by NIP, or by name + unit for non-ASN)."""
    try:
        headers, rows = read_table(filename, content)
    except TableError as exc:
        raise EmployeeImportError([(0, str(exc))]) from exc
    missing = missing_columns(headers, REQUIRED)
    if missing:
        raise EmployeeImportError(
            [(1, _("kolom wajib tidak ada: %(cols)s") % {"cols": ", ".join(missing)})]
        )
    units = {u.code.lower(): u for u in Unit.objects.all()}
    positions = {}
    for p in PositionType.objects.all():
        positions[p.code.lower()] = p
        positions[p.name.lower()] = p

    parsed: list[tuple[Row, dict]] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        data, row_errors = _parse_row(row, units, positions)
        if not row_errors:
            key = _key(data)
            if key in seen:
                row_errors.append(
                    _("pegawai yang sama sudah ada di baris %(row)s")
                    % {"row": seen[key]}
                )
            seen[key] = row.number
        errors.extend((row.number, message) for message in row_errors)
        parsed.append((row, data))
    if errors:
        raise EmployeeImportError(errors)

    existing_by_nip = {
        e.nip: e
        for e in Employee.objects.filter(
            nip__in=[d["nip"] for __, d in parsed if d["nip"]]
        )
    }
    existing_by_name = {
        (e.name.lower(), e.unit_id): e
        for e in Employee.objects.filter(nip__isnull=True)
    }
    report = ImportReport()
    recontracted: list[int] = []
    moved_units: set[int] = set()  # units left or joined by a moved employee
    with transaction.atomic():
        for row, data in parsed:
            if data["nip"]:
                employee = existing_by_nip.get(data["nip"])
            else:
                employee = existing_by_name.get((data["name"].lower(), data["unit"].pk))
            if employee is None:
                employee = Employee(**data)
                report.created += 1
                before = None
            else:
                before = contract_terms(employee)
                placed = placement(employee)
                for name, value in data.items():
                    setattr(employee, name, value)
                report.updated += 1
            try:
                employee.full_clean(exclude=["user"])
            except Exception as exc:  # ValidationError: surface it against the row
                messages = getattr(exc, "messages", [str(exc)])
                errors.extend((row.number, m) for m in messages)
                continue
            employee.save()
            if before is not None and before != contract_terms(employee):
                recontracted.append(employee.pk)
            if before is not None and placed != placement(employee):
                moved_units.update((placed[0], employee.unit_id))
        if errors:
            raise EmployeeImportError(errors)  # leaving atomic() rolls back
        jp_contract_changed(employee_ids=recontracted)
        level_counts_refresh(unit_ids=moved_units)
    return report
