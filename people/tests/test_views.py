import pytest

from people.models import Employee
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_employee_detail_scoping(roles, login):
    target = roles.staff_a.employee.pk
    assert login(roles.head_a).get(f"/pegawai/{target}/").status_code == 200
    assert login(roles.head_kecamatan).get(f"/pegawai/{target}/").status_code == 200
    assert login(roles.bpsdm).get(f"/pegawai/{target}/").status_code == 200
    # A head of another kelurahan, and another staff member: out of scope → 404.
    assert login(roles.head_b).get(f"/pegawai/{target}/").status_code == 404
    assert login(roles.staff_b).get(f"/pegawai/{target}/").status_code == 404
    assert login(roles.staff_a).get(f"/pegawai/{target}/").status_code == 200


def test_anonymous_redirected_to_login(client, roles):
    response = client.get("/pegawai/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/masuk/?next=/pegawai/"


def test_employee_list_shows_only_scope(roles, login):
    body = login(roles.head_a).get("/pegawai/").content.decode()
    assert roles.staff_a.employee.name in body
    assert roles.staff_b.employee.name not in body


def test_employee_list_query_count_constant(
    roles, org, login, django_assert_max_num_queries
):
    client = login(roles.bpsdm)
    with django_assert_max_num_queries(12):
        client.get("/pegawai/")
    EmployeeFactory.create_batch(30, unit=org.kel_a)
    with django_assert_max_num_queries(12):
        response = client.get("/pegawai/")
    assert response.status_code == 200


def test_unit_detail_outsider_404(roles, org, login):
    assert login(roles.head_a).get(f"/unit/{org.kel_a.pk}/").status_code == 200
    assert login(roles.head_a).get(f"/unit/{org.kel_b.pk}/").status_code == 404
    assert login(roles.head_a).get(f"/unit/{org.kecamatan.pk}/").status_code == 404


def test_employee_export_csv_scoped(roles, login):
    response = login(roles.head_a).get("/pegawai/ekspor.csv")
    assert response.status_code == 200
    lines = response.getvalue().decode("utf-8-sig").strip().splitlines()
    assert lines[0] == (
        "Nama,NIP,Kode unit,Unit,Jabatan,Status kepegawaian,Jenis kelamin,"
        "Tanggal penempatan,Aktif,Email"
    )
    assert len(lines) == 1 + 2  # head A and staff A
    staff = roles.staff_a.employee
    assert (
        f"{staff.name},{staff.nip},{staff.unit.code},{staff.unit.name},"
        f"{staff.position_type.name},PNS,{staff.get_gender_display()},"
        f"{staff.placed_on:%d-%m-%Y},ya,{staff.email}"
    ) in lines


def test_head_creates_employee_with_bad_nip_gets_error(roles, org, login):
    staff = roles.staff_a.employee
    response = login(roles.head_a).post(
        "/pegawai/baru/",
        {
            "name": "Baru",
            "nip": "196608011988032001",
            "unit": org.kel_a.pk,
            "position_type": staff.position_type_id,
            "employment_status": "PNS",
            "gender": "L",
            "placed_on": "2024-01-01",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert (
        "Angka jenis kelamin pada NIP (2) tidak sesuai dengan jenis kelamin pegawai."
        in response.content.decode()
    )
    assert not Employee.objects.filter(name="Baru").exists()


def test_head_cannot_place_employee_outside_scope(roles, org, login):
    staff = roles.staff_a.employee
    response = login(roles.head_a).post(
        "/pegawai/baru/",
        {
            "name": "Baru",
            "nip": "196608011988031009",
            "unit": org.kel_b.pk,
            "position_type": staff.position_type_id,
            "employment_status": "PNS",
            "gender": "L",
            "placed_on": "2024-01-01",
        },
    )
    assert response.status_code == 200
    assert not Employee.objects.filter(name="Baru").exists()


def test_staff_cannot_create_or_import(roles, login):
    client = login(roles.staff_a)
    assert client.get("/pegawai/baru/").status_code == 403
    assert client.get("/pegawai/impor/").status_code == 403


def test_import_page_reports_rows_and_saves_nothing(
    roles, login, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = (
        b"nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan\n"
        b"A,123,JB-KMB-MU,staf-teknis,PNS,L,2020-01-01\n"
    )
    before = Employee.objects.count()
    client = login(roles.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/pegawai/impor/", {"file": SimpleUploadedFile("p.csv", content)}
        )
    body = client.get(response["Location"]).content.decode()
    assert "Baris 2" in body
    assert "NIP harus terdiri dari tepat 18 angka." in body
    assert Employee.objects.count() == before


def test_create_login_sends_welcome_notice(
    roles, org, login, mailoutbox, django_capture_on_commit_callbacks
):
    employee = EmployeeFactory(unit=org.kel_a, email="baru@example.id")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(roles.head_a).post(
            f"/pegawai/{employee.pk}/akun/",
            {"username": "baru", "password": "kata-sandi-panjang"},
        )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.user.username == "baru"
    assert employee.user.role == "pegawai"
    assert [m.to for m in mailoutbox] == [["baru@example.id"]]
    assert mailoutbox[0].subject == "Selamat datang di Sosiokultural"


def test_language_switch_to_english(roles, login):
    client = login(roles.staff_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()
    assert "Log out" in body
    assert '<html lang="en">' in body


def test_date_inputs_render_iso_values(roles, login):
    # <input type="date"> only accepts YYYY-MM-DD, whatever the UI language.
    employee = roles.staff_a.employee
    body = login(roles.head_a).get(f"/pegawai/{employee.pk}/ubah/").content.decode()
    assert 'type="date" name="placed_on" value="2020-01-06"' in body


def test_nobody_edits_or_gives_a_login_to_their_own_record(roles, org, login):
    from people.tests.factories import EmployeeFactory

    head = roles.head_a
    own = head.employee
    client = login(head)
    assert client.get(f"/pegawai/{own.pk}/ubah/").status_code == 403
    assert client.post(f"/pegawai/{own.pk}/ubah/", {"name": "X"}).status_code == 403
    page = client.get(f"/pegawai/{own.pk}/").content.decode()
    assert f"/pegawai/{own.pk}/ubah/" not in page
    # An administrator with an employee record neither.
    EmployeeFactory(unit=org.bpsdm, user=roles.admin)
    admin_own = roles.admin.employee
    admin = login(roles.admin)
    assert admin.get(f"/pegawai/{admin_own.pk}/ubah/").status_code == 403
    loginless = EmployeeFactory(unit=org.kel_a)
    assert admin.get(f"/pegawai/{loginless.pk}/akun/").status_code == 200
    # The head above edits him; the inspectorate only reads.
    assert login(roles.head_kecamatan).get(f"/pegawai/{own.pk}/ubah/").status_code == (
        200
    )
    inspector = login(roles.inspector)
    assert inspector.get(f"/pegawai/{own.pk}/").status_code == 200
    assert inspector.get(f"/pegawai/{own.pk}/ubah/").status_code == 403
    assert inspector.get(f"/pegawai/{loginless.pk}/akun/").status_code == 403


def _constant(client, url, grow, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_unit_list_paginated_with_counts(roles, org, login, django_assert_num_queries):
    from people.tests.factories import UnitFactory

    def grow():
        for __ in range(60):
            UnitFactory(parent=org.kel_a)
        EmployeeFactory.create_batch(5, unit=org.kel_a)

    response = _constant(login(roles.bpsdm), "/unit/", grow, django_assert_num_queries)
    page = response.context["page"]
    assert (len(page.object_list), page.paginator.count) == (50, 66)
    counts = {u.code: u.employee_count for u in page.object_list}
    assert counts[org.kel_a.code] == 2 + 5
    assert login(roles.head_b).get("/unit/").context["page"].paginator.count == 1


def test_unit_detail_paginated(roles, org, login, django_assert_num_queries):
    def grow():
        EmployeeFactory.create_batch(60, unit=org.kel_a)

    response = _constant(
        login(roles.head_kecamatan),
        f"/unit/{org.kecamatan.pk}/",
        grow,
        django_assert_num_queries,
    )
    page = response.context["page"]
    assert (len(page.object_list), page.paginator.count) == (50, 65)
    children = {u.code: u.employee_count for u in response.context["children"]}
    assert children == {org.kel_a.code: 62, org.kel_b.code: 2}
    second = login(roles.head_kecamatan).get(f"/unit/{org.kecamatan.pk}/?page=2")
    assert len(second.context["page"].object_list) == 15
    assert login(roles.staff_b).get(f"/unit/{org.kecamatan.pk}/").status_code == 404


def test_employee_list_constant_queries(roles, org, login, django_assert_num_queries):
    def grow():
        EmployeeFactory.create_batch(60, unit=org.kel_b)

    response = _constant(
        login(roles.bpsdm), "/pegawai/", grow, django_assert_num_queries
    )
    assert len(response.context["page"].object_list) == 50
    body = login(roles.head_a).get("/pegawai/").content.decode()
    assert roles.staff_b.employee.name not in body
