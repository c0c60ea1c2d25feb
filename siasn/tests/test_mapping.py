from datetime import date
from decimal import Decimal

import pytest

from siasn.mapping import (
    Completion,
    jumlah_jam,
    payload_hash,
    read_row,
    reconcile,
    save_payload,
)


@pytest.mark.parametrize(
    ("jp", "hours"),
    [("0", 0), ("0.22", 1), ("1.49", 1), ("2.22", 2), ("2.50", 3), ("30", 30)],
)
def test_jumlah_jam_rounds_half_up_with_at_least_one(jp, hours):
    assert jumlah_jam(Decimal(jp)) == hours


COMPLETION = Completion(
    employee_id=1,
    nip="196608011988031001",
    source_key="program-nomination:7",
    name="Diklat Komunikasi",
    organiser="BPSDM Provinsi DKI Jakarta",
    starts_on=date(2025, 3, 3),
    ends_on=date(2025, 3, 6),
    jp=Decimal("30.00"),
    certificate_number="STTPP/7",
    jenis_diklat_id="6",
    jenis_kursus="",
    jenis_kursus_sertipikat="S",
)


def test_save_payload_has_the_kursus_save_shape():
    assert save_payload(
        COMPLETION, pns_orang_id="P1", instansi_id="I1", lokasi_id="L1"
    ) == {
        "pnsOrangId": "P1",
        "instansiId": "I1",
        "jenisDiklatId": "6",
        "jenisKursus": "",
        "jenisKursusSertipikat": "S",
        "namaKursus": "Diklat Komunikasi",
        "institusiPenyelenggara": "BPSDM Provinsi DKI Jakarta",
        "jumlahJam": 30,
        "tahunKursus": 2025,
        "tanggalKursus": "03-03-2025",
        "tanggalSelesaiKursus": "06-03-2025",
        "nomorSertipikat": "STTPP/7",
        "lokasiId": "L1",
    }


def test_payload_hash_changes_with_the_facts_only():
    a = save_payload(COMPLETION, pns_orang_id="P1", instansi_id="I", lokasi_id="")
    b = dict(reversed(list(a.items())))
    assert payload_hash(a) == payload_hash(b)
    assert payload_hash(a) != payload_hash({**a, "jumlahJam": 31})


def test_read_row_uses_the_write_names():
    assert read_row(
        {"idPns": "P", "jenisKursusSertifikat": "S", "noSertipikat": "N", "id": "9"}
    ) == {
        "pnsOrangId": "P",
        "jenisKursusSertipikat": "S",
        "nomorSertipikat": "N",
        "id": "9",
    }


def local(name, start, end, hours, key):
    return {
        "namaKursus": name,
        "tanggalKursus": start,
        "tanggalSelesaiKursus": end,
        "jumlahJam": hours,
        "source_key": key,
    }


def remote(record_id, name, start, end, hours):
    return {
        "id": record_id,
        "namaKursus": name,
        "tanggalKursus": start,
        "tanggalSelesaiKursus": end,
        "jumlahJam": hours,
    }


def test_reconcile_lists_each_kind_of_difference():
    here = [
        local("A", "01-02-2025", "02-02-2025", 10, "k:a"),  # same
        local("B", "01-03-2025", "02-03-2025", 10, "k:b"),  # JP differ
        local("C", "01-04-2025", "02-04-2025", 8, "k:c"),  # dates differ (by id)
        local("D", "01-05-2025", "01-05-2025", 1, "k:d"),  # missing in SIASN
    ]
    there = [
        remote("r1", "A", "01-02-2025", "02-02-2025", 10),
        remote("r2", "B", "01-03-2025", "02-03-2025", 12),
        remote("r3", "C (ubah)", "05-04-2025", "06-04-2025", 8),
        remote("r4", "E", "01-06-2025", "03-06-2025", 20),  # missing here
    ]
    rows = reconcile(nip="N", local=here, remote=there, known_ids={"k:c": "r3"})
    assert [(r["kind"], r["source_key"], r["siasn_id"]) for r in rows] == [
        ("jp_differs", "k:b", "r2"),
        ("dates_differ", "k:c", "r3"),
        ("missing_in_siasn", "k:d", ""),
        ("missing_here", "", "r4"),
    ]
    assert (rows[0]["here"], rows[0]["siasn"]) == ("10", "12")
    assert (rows[1]["here"], rows[1]["siasn"]) == (
        "01-04-2025 – 02-04-2025",
        "05-04-2025 – 06-04-2025",
    )
