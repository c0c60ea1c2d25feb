import io

from openpyxl import load_workbook

from siasn.mapping import SAVE_FIELDS
from siasn.models import SiasnPerson, SyncRun


def test_unit_status_lists_employees_in_scope(org, roles, login, complete):
    response = login(roles.head_a).get(f"/siasn/unit/{org.kel_a.pk}/")
    assert response.status_code == 200
    names = [e.name for e in response.context["page"]]
    assert sorted(names) == sorted(
        [roles.staff_a.employee.name, roles.head_a.employee.name]
    )
    assert login(roles.head_b).get(f"/siasn/unit/{org.kel_a.pk}/").status_code == 404
    assert login(roles.staff_a).get(f"/siasn/unit/{org.kel_a.pk}/").status_code == 403


def test_only_the_province_pushes(
    org, roles, login, django_capture_on_commit_callbacks
):
    assert login(roles.head_a).post(
        f"/siasn/unit/{org.kel_a.pk}/kirim/"
    ).status_code == (403)
    assert SyncRun.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = login(roles.bpsdm).post(f"/siasn/unit/{org.kel_a.pk}/kirim/")
    run = SyncRun.objects.get()
    assert response["Location"] == f"/siasn/proses/{run.pk}/"
    run.refresh_from_db()
    # No credentials in the test settings: the run says so.
    assert (run.kind, run.state, run.error) == (
        "push",
        "failed",
        "SIASN credentials are not configured",
    )


def test_xlsx_export_has_the_save_columns(org, roles, login, complete):
    employee = roles.staff_a.employee
    SiasnPerson.objects.create(employee=employee, pns_orang_id="PNS-A1")
    nomination = complete(employee, by=roles.bpsdm, title="=HYPERLINK(1)", jp="2.5")
    response = login(roles.head_a).get(
        f"/siasn/unit/{org.kel_a.pk}/riwayat-kursus.xlsx"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="siasn-riwayat-kursus-{org.kel_a.code.lower()}-'
    )
    book = load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["riwayat_kursus"]
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("nip", *SAVE_FIELDS)
    program = nomination.program
    assert rows[1:] == [
        (
            employee.nip,
            "PNS-A1",
            None,
            "6",
            None,
            None,
            "'=HYPERLINK(1)",
            "BPSDM Provinsi DKI Jakarta",
            3,
            program.starts_on.year,
            program.starts_on.strftime("%d-%m-%Y"),
            program.ends_on.strftime("%d-%m-%Y"),
            f"STTPP/{nomination.pk}",
            None,
        )
    ]
    assert (
        login(roles.head_b)
        .get(f"/siasn/unit/{org.kel_a.pk}/riwayat-kursus.xlsx")
        .status_code
        == 404
    )


def test_run_page_is_scoped(org, roles, login):
    run = SyncRun.objects.create(
        kind="reconcile",
        unit=org.kel_a,
        state="done",
        rows=[
            {
                "kind": "missing_here",
                "nip": "1",
                "name": "Seminar",
                "source_key": "",
                "siasn_id": "x",
                "here": "",
                "siasn": "01-01-2024",
            }
        ],
    )
    page = login(roles.head_a).get(f"/siasn/proses/{run.pk}/")
    assert "Hanya ada di SIASN" in page.content.decode()
    assert login(roles.head_b).get(f"/siasn/proses/{run.pk}/").status_code == 404


import pytest  # noqa: E402

from people.tests.factories import EmployeeFactory  # noqa: E402


@pytest.mark.parametrize("size", [2, 15])
def test_unit_status_query_count_is_constant(
    org, roles, login, size, django_assert_num_queries
):
    for __ in range(size):
        EmployeeFactory(unit=org.kel_a)
    client = login(roles.bpsdm)
    client.get(f"/siasn/unit/{org.kel_a.pk}/")  # warm the session
    # session, user, the user's employee record (middleware), unit, count, page,
    # failed records, runs, the menu's unread notices
    with django_assert_num_queries(9):
        client.get(f"/siasn/unit/{org.kel_a.pk}/")
