"""The notes of a pendekatan personal are readable only by the head who wrote
them and the employee concerned: checked for every role on the detail page, the
list, both exports, the edit page and the admin site."""

import io

import pytest
from openpyxl import load_workbook

from activities.tests.factories import record_personal
from people.models import User
from people.tests.factories import EmployeeFactory, UserFactory

SECRET = "Catatan-rahasia: sedang mengurus orang tua yang sakit"


@pytest.fixture
def personal(framework, roles, org):
    colleague = UserFactory(
        username="rekan.a", employee=EmployeeFactory(unit=org.kel_a)
    )
    superuser = UserFactory(
        username="root", role=User.Role.ADMIN, is_staff=True, is_superuser=True
    )
    activity = record_personal(roles.head_a, roles.staff_a.employee, note=SECRET)
    users = {
        "staff_concerned": roles.staff_a,
        "other_staff_same_unit": colleague,
        "other_staff_other_unit": roles.staff_b,
        "head_who_wrote": roles.head_a,
        "other_head": roles.head_b,
        "head_of_parent_unit": roles.head_kecamatan,
        "bpsdm": roles.bpsdm,
        "admin": roles.admin,
        "superuser": superuser,
    }
    return activity, users


# role → (detail status, note visible, appears in list)
EXPECTED = {
    "staff_concerned": (200, True, True),
    "other_staff_same_unit": (404, False, False),
    "other_staff_other_unit": (404, False, False),
    "head_who_wrote": (200, True, True),
    "other_head": (404, False, False),
    "head_of_parent_unit": (200, False, True),
    "bpsdm": (200, False, True),
    "admin": (200, False, True),
    "superuser": (200, False, True),
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_personal_note_detail(personal, login, role):
    activity, users = personal
    status, visible, __ = EXPECTED[role]
    response = login(users[role]).get(f"/kegiatan/{activity.pk}/")
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Pendekatan Personal" in html
        assert (SECRET in html) is visible
        assert (response.context["note"] is not None) is visible


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_personal_note_never_in_list(personal, login, role):
    activity, users = personal
    __, __, listed = EXPECTED[role]
    response = login(users[role]).get("/kegiatan/")
    assert SECRET not in response.content.decode()
    assert (activity.pk in [a.pk for a in response.context["page"]]) is listed


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_personal_note_never_in_exports(personal, login, role):
    activity, users = personal
    __, __, listed = EXPECTED[role]
    client = login(users[role])
    csv_text = client.get("/kegiatan/ekspor.csv").getvalue().decode("utf-8-sig")
    assert SECRET not in csv_text
    assert (f",{activity.form.label}," in csv_text) is listed
    book = load_workbook(io.BytesIO(client.get("/kegiatan/ekspor.xlsx").getvalue()))
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert not any("rahasia" in cell.lower() for cell in cells)


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_personal_note_edit_page_only_for_writer(personal, login, role):
    activity, users = personal
    response = login(users[role]).get(f"/kegiatan/{activity.pk}/ubah/")
    if role == "head_who_wrote":
        assert response.status_code == 200
        assert SECRET in response.content.decode()
    else:
        assert response.status_code in {403, 404}


def test_personal_note_not_in_admin_site(personal, login):
    activity, users = personal
    client = login(users["superuser"])
    change = client.get(f"/admin/activities/activity/{activity.pk}/change/")
    assert change.status_code == 200
    assert SECRET not in change.content.decode()
    assert client.get("/admin/activities/personalnote/").status_code == 404
    listing = client.get("/admin/activities/activity/")
    assert SECRET not in listing.content.decode()


def test_personal_note_not_in_jp_ledger_or_notices(personal, login):
    from ledger.models import JPEntry
    from notices.models import Notice

    assert not JPEntry.objects.filter(description__icontains="rahasia").exists()
    assert not Notice.objects.filter(body__icontains="rahasia").exists()


def test_personal_activity_has_no_evidence_upload(personal, login):
    activity, users = personal
    response = login(users["head_who_wrote"]).post(
        f"/kegiatan/{activity.pk}/bukti/", {}
    )
    assert response.status_code == 403
