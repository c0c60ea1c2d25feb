"""The SIASN riwayat-kursus shapes as pure functions.

Writes (``kursus/save``) and reads (``pns/rw-kursus/{nip}``) use different key
names for the same facts (``pnsOrangId``/``idPns``,
``jenisKursusSertipikat``/``jenisKursusSertifikat``,
``nomorSertipikat``/``noSertipikat``); ``read_row`` brings a read row to the
write names so the two can be compared.

``jumlahJam`` is a whole number: the completion's JP rounded half up to an
integer (2.22 JP → 2, 2.50 JP → 3), and at least 1 for any completion with JP
(a 10-minute briefing, 0.22 JP, is reported as 1, never as 0).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sosiokultural.rounding import round_half_up

#: The columns of ``kursus/save`` in the order of the XLSX export.
SAVE_FIELDS = (
    "pnsOrangId",
    "instansiId",
    "jenisDiklatId",
    "jenisKursus",
    "jenisKursusSertipikat",
    "namaKursus",
    "institusiPenyelenggara",
    "jumlahJam",
    "tahunKursus",
    "tanggalKursus",
    "tanggalSelesaiKursus",
    "nomorSertipikat",
    "lokasiId",
)

#: Read name → write name, where they differ.
READ_TO_WRITE = {
    "idPns": "pnsOrangId",
    "jenisKursusSertifikat": "jenisKursusSertipikat",
    "noSertipikat": "nomorSertipikat",
}


@dataclass(frozen=True)
class Completion:
    """One completed development to report (a JP ledger entry and its source)."""

    employee_id: int
    nip: str
    source_key: str
    name: str
    organiser: str
    starts_on: date
    ends_on: date
    jp: Decimal
    certificate_number: str
    jenis_diklat_id: str
    jenis_kursus: str
    jenis_kursus_sertipikat: str
    has_document: bool = False


def jumlah_jam(jp: Decimal) -> int:
    """Whole hours from JP: half up, at least 1 when there are any JP."""
    if jp <= 0:
        return 0
    return max(1, int(round_half_up(Decimal(jp), 0)))


def siasn_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def parse_siasn_date(text: str | None) -> date | None:
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip()[:10], fmt).date()
        except ValueError:
            continue
    return None


def save_payload(
    completion: Completion, *, pns_orang_id: str, instansi_id: str, lokasi_id: str
) -> dict:
    """The ``kursus/save`` body of ``completion`` (without ``id`` and ``path``)."""
    return {
        "pnsOrangId": pns_orang_id,
        "instansiId": instansi_id,
        "jenisDiklatId": completion.jenis_diklat_id,
        "jenisKursus": completion.jenis_kursus,
        "jenisKursusSertipikat": completion.jenis_kursus_sertipikat,
        "namaKursus": completion.name[:200],
        "institusiPenyelenggara": completion.organiser[:200],
        "jumlahJam": jumlah_jam(completion.jp),
        "tahunKursus": completion.starts_on.year,
        "tanggalKursus": siasn_date(completion.starts_on),
        "tanggalSelesaiKursus": siasn_date(completion.ends_on),
        "nomorSertipikat": completion.certificate_number,
        "lokasiId": lokasi_id,
    }


def payload_hash(payload: dict) -> str:
    """A stable digest of what is sent: the same facts, the same hash."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def read_row(row: dict) -> dict:
    """A ``rw-kursus`` row under the write names (unknown keys kept as they are)."""
    return {READ_TO_WRITE.get(key, key): value for key, value in row.items()}


# -- reconciliation -------------------------------------------------------------------

MISSING_IN_SIASN = "missing_in_siasn"
MISSING_HERE = "missing_here"
JP_DIFFERS = "jp_differs"
DATES_DIFFER = "dates_differ"


def reconcile(
    *, nip: str, local: list[dict], remote: list[dict], known_ids: dict[str, str]
) -> list[dict]:
    """Differences between what is reported here (``local``: save payloads with
    their ``source_key``) and SIASN's rows for one employee (``remote``, read
    shape). A remote row matches a local one by the record id stored at push
    (``known_ids``: source_key → SIASN id), else by course name and start date.
    One dict per difference: kind, nip, source_key, siasn_id, name, here, siasn."""
    rows = [read_row(r) for r in remote]
    by_id = {str(r.get("id")): r for r in rows if r.get("id")}
    unmatched = {id(r): r for r in rows}
    out: list[dict] = []
    for item in local:
        match = None
        siasn_id = known_ids.get(item["source_key"], "")
        if siasn_id and siasn_id in by_id:
            match = by_id[siasn_id]
        else:
            match = next(
                (
                    r
                    for r in rows
                    if id(r) in unmatched
                    and (r.get("namaKursus") or "").strip() == item["namaKursus"]
                    and parse_siasn_date(r.get("tanggalKursus"))
                    == parse_siasn_date(item["tanggalKursus"])
                ),
                None,
            )
        base = {
            "nip": nip,
            "source_key": item["source_key"],
            "name": item["namaKursus"],
        }
        if match is None:
            out.append(
                {
                    **base,
                    "kind": MISSING_IN_SIASN,
                    "siasn_id": "",
                    "here": "",
                    "siasn": "",
                }
            )
            continue
        unmatched.pop(id(match), None)
        found_id = str(match.get("id") or "")
        remote_jam = _as_int(match.get("jumlahJam"))
        if remote_jam != item["jumlahJam"]:
            out.append(
                {
                    **base,
                    "kind": JP_DIFFERS,
                    "siasn_id": found_id,
                    "here": str(item["jumlahJam"]),
                    "siasn": "" if remote_jam is None else str(remote_jam),
                }
            )
        here_dates = (item["tanggalKursus"], item["tanggalSelesaiKursus"])
        there = tuple(
            parse_siasn_date(match.get(key))
            for key in ("tanggalKursus", "tanggalSelesaiKursus")
        )
        if there != tuple(parse_siasn_date(d) for d in here_dates):
            out.append(
                {
                    **base,
                    "kind": DATES_DIFFER,
                    "siasn_id": found_id,
                    "here": " – ".join(here_dates),
                    "siasn": " – ".join(siasn_date(d) if d else "?" for d in there),
                }
            )
    for row in unmatched.values():
        out.append(
            {
                "nip": nip,
                "source_key": "",
                "name": (row.get("namaKursus") or "").strip(),
                "kind": MISSING_HERE,
                "siasn_id": str(row.get("id") or ""),
                "here": "",
                "siasn": str(row.get("tanggalKursus") or ""),
            }
        )
    return out


def _as_int(value) -> int | None:
    try:
        return int(Decimal(str(value)))
    except (ArithmeticError, ValueError, TypeError):
        return None
