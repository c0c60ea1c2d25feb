import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from ledger.services import jp_credit_set
from people.models import PositionType
from people.tests.factories import EmployeeFactory
from programs.models import Submission
from programs.services import nomination_approve, nomination_complete, submission_create
from programs.tests.factories import (
    NominationFactory,
    ProgramFactory,
    latest_level,
    standard,
)

AS_OF = date(2025, 6, 30)


@pytest.fixture
def unit_a(org, roles, fw):
    dims, forms = fw
    standard(
        {
            PositionType.objects.get(code="staf-teknis"): 2,
            PositionType.objects.get(code="kepala-unit"): 3,
        }
    )
    head, staff = roles.head_a.employee, roles.staff_a.employee
    head.name, staff.name = "Ani Kepala", "Budi Staf"
    head.save()
    staff.save()
    new = EmployeeFactory(
        unit=org.kel_a, name="Citra Baru", nip=None, employment_status="NON_ASN"
    )
    EmployeeFactory(unit=org.kel_a, name="Dodi Nonaktif", is_active=False)
    ordered = sorted(dims.values(), key=lambda d: d.number)
    for dim in ordered:
        latest_level(staff, dim, 1 if dim.number == 1 else 2)
        latest_level(head, dim, 4)
    # Budi completed a program in March and attended an internal activity.
    program = ProgramFactory(
        title="Diklat Komunikasi Angkatan I",
        starts_on=date(2025, 3, 3),
        ends_on=date(2025, 3, 5),
        registration_opens_on=date(2025, 2, 1),
        registration_closes_on=date(2025, 2, 28),
        jp=Decimal(30),
    )
    n = NominationFactory(program=program, employee=staff)
    nomination_approve(nomination_id=n.pk, by=roles.bpsdm)
    nomination_complete(
        nomination=n,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=100,
        certificate_number="STTPP/1",
        today=AS_OF,
    )
    jp_credit_set(
        source_key="activity:test",
        source="internal",
        occurred_on=date(2025, 5, 1),
        description="Briefing",
        credits={staff.pk: 100},
    )
    return {"head": head, "staff": staff, "new": new, "dims": ordered}


def test_submission_snapshot_rows(unit_a, roles, org):
    submission = submission_create(unit=org.kel_a, by=roles.head_a, as_of=AS_OF)
    assert submission.employee_count == 3
    assert [row["name"] for row in submission.rows] == [
        "Ani Kepala",
        "Budi Staf",
        "Citra Baru",
    ]
    budi = submission.rows[1]
    assert budi["levels"]["keragaman-budaya"] == 1
    assert budi["gaps"] == {
        "keragaman-budaya": 1,
        "jejaring-sosial": 0,
        "manajemen-konflik": 0,
        "empati-sosial": 0,
        "kepekaan-gender": 0,
        "kepekaan-disabilitas": 0,
    }
    # 1350 + 100 minutes = 1450 / 45 = 32.22 JP (summed, then rounded once).
    assert budi["jp_year"] == "32.22"
    assert budi["programs"] == [
        {
            "title": "Diklat Komunikasi Angkatan I",
            "ends_on": "2025-03-05",
            "jp": "30.00",
        }
    ]
    citra = submission.rows[2]
    assert citra["gaps"]["keragaman-budaya"] is None
    assert citra["jp_year"] == "0.00"


def test_submission_xlsx_cells(unit_a, roles, org, login):
    submission = submission_create(unit=org.kel_a, by=roles.head_a, as_of=AS_OF)
    response = login(roles.bpsdm).get(f"/program/kiriman/{submission.pk}/unduh.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["Keterangan", "Profil pegawai"]
    sheet = book["Profil pegawai"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:8] == [
        "NIP",
        "Nama",
        "Unit",
        "Jabatan",
        "Status kepegawaian",
        "keragaman budaya: level",
        "keragaman budaya: dipersyaratkan",
        "keragaman budaya: gap",
    ]
    assert rows[0][-2:] == ["JP 2025", "Program diikuti 2025"]
    assert len(rows[0]) == 5 + 6 * 3 + 2
    staff = unit_a["staff"]
    assert rows[2][:8] == [
        staff.nip,
        "Budi Staf",
        org.kel_a.name,
        "Staf Teknis",
        "PNS",
        1,
        2,
        1,
    ]
    assert rows[2][-2:] == [32.22, "Diklat Komunikasi Angkatan I (5 Mar 2025)"]
    # Ani (head, level 4 vs 3): a surplus, gap 0.
    assert rows[1][5:8] == [4, 3, 0]
    # Citra untested and non-ASN: empty level and gap, no NIP.
    assert rows[3][0] is None
    assert rows[3][5:8] == [None, 2, None]
    info = {
        r[0]: r[1] for r in book["Keterangan"].iter_rows(min_row=2, values_only=True)
    }
    assert info["Unit"] == org.kel_a.name
    assert info["Keadaan per"] == "30-06-2025"
    assert info["Jumlah pegawai"] == "3"


def test_submission_is_a_frozen_snapshot(unit_a, roles, org):
    submission = submission_create(unit=org.kel_a, by=roles.head_a, as_of=AS_OF)
    jp_credit_set(
        source_key="activity:later",
        source="internal",
        occurred_on=date(2025, 6, 1),
        description="Coaching",
        credits={unit_a["staff"].pk: 450},
    )
    submission.refresh_from_db()
    assert submission.rows[1]["jp_year"] == "32.22"


def test_submission_only_by_head_within_scope(unit_a, roles, org):
    with pytest.raises(PermissionDenied):
        submission_create(unit=org.kel_a, by=roles.staff_a)
    with pytest.raises(PermissionDenied):
        submission_create(unit=org.kel_a, by=roles.bpsdm)
    with pytest.raises(PermissionDenied):
        submission_create(unit=org.kel_a, by=roles.head_b)
    assert Submission.objects.count() == 0
    kecamatan = submission_create(
        unit=org.kecamatan, by=roles.head_kecamatan, as_of=AS_OF
    )
    # The kecamatan profile covers its kelurahan too (5 roles + 2 active staff).
    assert kecamatan.employee_count == 6
