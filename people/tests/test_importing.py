import io

import pytest
from openpyxl import Workbook

from people.importing import EmployeeImportError, employees_import
from people.models import Employee
from people.tests.factories import PositionTypeFactory

HEADER = "nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan,aktif,email\n"
GOOD = (
    HEADER
    + "Ahmad Saputra,196608011988031001,JB-KMB-MU,staf-teknis,PNS,L,2020-01-06,ya,"
    "ahmad@example.id\n"
    + "Siti Rahma,200012312024212001,JB-KMB-MU,CRO,PPPK,P,06/01/2024,ya,\n"
    + "Joko,,JB-KMB-JG,phl,PHL,L,2021-03-01,,\n"
)


@pytest.fixture
def positions(db):
    PositionTypeFactory(code="staf-teknis", name="Staf Teknis")
    PositionTypeFactory(code="cro", name="CRO")
    PositionTypeFactory(code="phl", name="PHL")


def test_import_good_csv_creates_everyone(org, positions):
    report = employees_import(filename="pegawai.csv", content=GOOD.encode())
    assert (report.created, report.updated) == (3, 0)
    siti = Employee.objects.get(nip="200012312024212001")
    assert (siti.unit, siti.employment_status, siti.gender) == (org.kel_a, "PPPK", "P")
    assert str(siti.placed_on) == "2024-01-06"
    joko = Employee.objects.get(name="Joko")
    assert (joko.nip, joko.employment_status) == (None, "NON_ASN")


def test_reimport_updates_instead_of_duplicating(org, positions):
    employees_import(filename="pegawai.csv", content=GOOD.encode())
    changed = GOOD.replace("ahmad@example.id", "ahmad.baru@example.id")
    report = employees_import(filename="pegawai.csv", content=changed.encode())
    assert (report.created, report.updated) == (0, 3)
    assert Employee.objects.count() == 3
    assert (
        Employee.objects.get(nip="196608011988031001").email == "ahmad.baru@example.id"
    )


def test_import_xlsx(org, positions):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.strip().splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = employees_import(filename="pegawai.xlsx", content=buffer.getvalue())
    assert report.created == 3


def test_import_bad_rows_reported_and_nothing_saved(org, positions):
    bad = (
        HEADER
        + "Ahmad,196608011988031001,JB-KMB-MU,staf-teknis,PNS,L,2020-01-06,ya,\n"
        + "Budi,196608011988031002,NOPE,staf-teknis,PNS,L,2020-01-06,ya,\n"
        + "Citra,196608011988031003,JB-KMB-MU,staf-teknis,PNS,P,2020-01-06,ya,\n"
        + ",,JB-KMB-MU,kapten,ASN,X,kemarin,mungkin,\n"
        + "Ahmad lagi,196608011988031001,JB-KMB-MU,staf-teknis,PNS,L,2020-01-06,,\n"
    )
    with pytest.raises(EmployeeImportError) as caught:
        employees_import(filename="pegawai.csv", content=bad.encode())
    assert caught.value.errors == [
        (3, "unit 'NOPE' tidak dikenal"),
        (
            4,
            "Angka jenis kelamin pada NIP (1) tidak sesuai dengan jenis kelamin "
            "pegawai.",
        ),
        (5, "kolom nama kosong"),
        (5, "jabatan 'kapten' tidak dikenal"),
        (5, "status 'ASN' tidak dikenal (PNS, CPNS, PPPK, atau NON_ASN)"),
        (5, "jenis kelamin 'X' tidak dikenal (L atau P)"),
        (5, "tanggal penempatan 'kemarin' tidak valid (format TTTT-BB-HH)"),
        (5, "kolom aktif harus 'ya' atau 'tidak'"),
        (6, "pegawai yang sama sudah ada di baris 2"),
    ]
    assert Employee.objects.count() == 0


def test_import_missing_columns(org, positions):
    with pytest.raises(EmployeeImportError) as caught:
        employees_import(filename="p.csv", content=b"nama,nip\nA,1\n")
    assert caught.value.errors == [
        (
            1,
            "kolom wajib tidak ada: unit, jabatan, status, jenis_kelamin, "
            "tanggal_penempatan",
        )
    ]


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("p.csv", b"", "Berkas kosong."),
        ("p.csv", HEADER.encode(), "Berkas tidak berisi baris data."),
        ("p.txt", b"x", "Jenis berkas tidak didukung; gunakan CSV atau XLSX."),
        ("p.xlsx", b"not a workbook", "Berkas XLSX tidak dapat dibaca."),
    ],
)
def test_import_unreadable_files(org, positions, filename, content, message):
    with pytest.raises(EmployeeImportError) as caught:
        employees_import(filename=filename, content=content)
    assert caught.value.errors == [(0, message)]


def test_import_command_success_and_failure(org, positions, tmp_path):
    from django.core.management import CommandError, call_command

    good = tmp_path / "pegawai.csv"
    good.write_text(GOOD)
    out = io.StringIO()
    call_command("import_employees", str(good), stdout=out)
    assert out.getvalue().strip() == "3 pegawai dibuat, 0 diperbarui."

    bad = tmp_path / "salah.csv"
    bad.write_text(HEADER + "X,1,JB-KMB-MU,staf-teknis,PNS,L,2020-01-06,,\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 kesalahan; tidak ada data yang disimpan"):
        call_command("import_employees", str(bad), stderr=err)
    assert err.getvalue().strip() == "baris 2: NIP harus terdiri dari tepat 18 angka."
    assert Employee.objects.count() == 3


CONTRACT = (
    "nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan,"
    "kontrak_mulai,kontrak_selesai\n"
    "Siti Rahma,200012312024212001,JB-KMB-MU,CRO,PPPK,P,2024-01-06,{start},{end}\n"
)


def test_import_sets_pppk_contracts_and_rewindows_the_jp_totals(org, positions):
    from datetime import date
    from decimal import Decimal

    from ledger.models import JPTotal
    from ledger.services import jp_credit_set

    employees_import(
        filename="p.csv",
        content=CONTRACT.format(start="2025-08-01", end="2030-07-31").encode(),
    )
    siti = Employee.objects.get(nip="200012312024212001")
    assert (str(siti.contract_starts_on), str(siti.contract_ends_on)) == (
        "2025-08-01",
        "2030-07-31",
    )
    jp_credit_set(
        source_key="x",
        source="internal",
        occurred_on=date(2026, 3, 1),
        description="Briefing",
        credits={siti.pk: 90},
    )
    contract_rows = JPTotal.objects.filter(employee=siti, basis="contract")
    assert list(contract_rows.values_list("starts_on", "jp")) == [
        (date(2025, 8, 1), Decimal("2.00"))
    ]
    employees_import(
        filename="p.csv",
        content=CONTRACT.format(start="2026-01-01", end="").encode(),
    )
    assert list(contract_rows.values_list("starts_on", "ends_on")) == [
        (date(2026, 1, 1), date(2026, 12, 31))
    ]
    # A file without the contract columns leaves the dates alone.
    employees_import(filename="pegawai.csv", content=GOOD.encode())
    siti.refresh_from_db()
    assert str(siti.contract_starts_on) == "2026-01-01"


def test_import_rejects_bad_contract_dates(org, positions):
    with pytest.raises(EmployeeImportError) as bad:
        employees_import(
            filename="p.csv",
            content=CONTRACT.format(start="kemarin", end="").encode(),
        )
    assert bad.value.errors == [
        (2, "tanggal kontrak mulai 'kemarin' tidak valid (format TTTT-BB-HH)")
    ]
    with pytest.raises(EmployeeImportError) as reversed_dates:
        employees_import(
            filename="p.csv",
            content=CONTRACT.format(start="2026-01-01", end="2025-01-01").encode(),
        )
    assert reversed_dates.value.errors == [
        (2, "Tanggal selesai kontrak tidak boleh sebelum tanggal mulai.")
    ]
    pns = CONTRACT.replace(
        "200012312024212001,JB-KMB-MU,CRO,PPPK,P",
        ("196608011988031001,JB-KMB-MU,staf-teknis,PNS,L"),
    )
    with pytest.raises(EmployeeImportError) as not_pppk:
        employees_import(
            filename="p.csv",
            content=pns.format(start="2026-01-01", end="").encode(),
        )
    assert not_pppk.value.errors == [
        (2, "Tanggal kontrak hanya diisi untuk pegawai PPPK.")
    ]
    assert Employee.objects.count() == 0


def test_reimport_moving_an_employee_moves_the_level_counts(org, positions):
    from assessments.models import LevelCount
    from assessments.rollups import level_counts_drift
    from programs.tests.factories import framework, latest_level

    employees_import(filename="pegawai.csv", content=GOOD.encode())
    ahmad = Employee.objects.get(nip="196608011988031001")
    dims, __ = framework()
    latest_level(ahmad, next(iter(dims.values())), 2)
    moved = GOOD.replace("ahmad@example.id", "").replace(
        "196608011988031001,JB-KMB-MU", "196608011988031001,JB-KMB-JG"
    )
    employees_import(filename="pegawai.csv", content=moved.encode())
    assert list(LevelCount.objects.values_list("unit_id", "employees")) == [
        (org.kel_b.pk, 1)
    ]
    assert level_counts_drift() == []
