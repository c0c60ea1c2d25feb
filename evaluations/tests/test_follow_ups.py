"""Level 3: the head's on-the-job follow-up — due three months after a
completion, in the head's scope, never about oneself, once."""

from datetime import timedelta

import pytest

from evaluations.models import FollowUp, Observation
from evaluations.selectors import follow_up_queue, queue_rows
from evaluations.tests.factories import completed, ended_program, self_study
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(roles, _reference):
    program = ended_program(100, title="Diklat Komunikasi I")
    program.dimensions.set(
        [
            _reference.dimensions["manajemen-konflik"],
            _reference.dimensions["empati-sosial"],
        ]
    )
    completed(program, roles.staff_a.employee, roles.bpsdm)
    return program


def _url(program, employee) -> str:
    return f"/evaluasi/tindak-lanjut/program/{program.pk}/{employee.pk}/"


def test_head_records_the_observations_once(due, roles, client, _reference):
    dims = _reference.dimensions
    client.force_login(roles.head_a)
    url = _url(due, roles.staff_a.employee)
    page = client.get(url)
    assert page.status_code == 200
    # The behavioural indicators of the standard, per dimension.
    assert [d.code for d, __, __ in page.context["fields"]] == [
        "manajemen-konflik",
        "empati-sosial",
    ]
    assert all(indicators for __, __, indicators in page.context["fields"])
    data = {
        f"dim_{dims['manajemen-konflik'].pk}": "consistent",
        f"dim_{dims['empati-sosial'].pk}": "partly",
        "note": "Menengahi antrean dengan tenang.",
    }
    assert client.post(url, data).status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.employee, follow_up.program, follow_up.recorded_by) == (
        roles.staff_a.employee,
        due,
        roles.head_a,
    )
    assert sorted(Observation.objects.values_list("dimension__code", "outcome")) == [
        ("empati-sosial", "partly"),
        ("manajemen-konflik", "consistent"),
    ]
    again = client.post(url, data)
    assert again.status_code == 400  # refused; the page shows what was recorded
    assert "sudah dicatat" in again.content.decode()
    assert FollowUp.objects.count() == 1


def test_every_dimension_needs_an_outcome(due, roles, client, _reference):
    client.force_login(roles.head_a)
    dims = _reference.dimensions
    response = client.post(
        _url(due, roles.staff_a.employee),
        {f"dim_{dims['manajemen-konflik'].pk}": "bagus"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {
        f"dim_{dims['manajemen-konflik'].pk}": ["Pilih perilaku yang teramati."],
        f"dim_{dims['empati-sosial'].pk}": ["Pilih perilaku yang teramati."],
    }
    assert not FollowUp.objects.exists()


def test_scope_and_separation_of_duties(due, roles, client):
    url = _url(due, roles.staff_a.employee)
    expected = {
        roles.staff_a: 403,  # about themselves
        roles.staff_b: 404,
        roles.head_b: 404,
        roles.head_kecamatan: 200,
        roles.bpsdm: 403,
        roles.inspector: 403,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(url).status_code == status, user
        assert client.post(url, {}).status_code in {status, 400}, user
    assert not FollowUp.objects.exists()


def test_a_head_never_records_about_themselves(roles, client):
    program = ended_program(100)
    completed(program, roles.head_a.employee, roles.bpsdm)
    client.force_login(roles.head_a)
    assert client.get(_url(program, roles.head_a.employee)).status_code == 403
    assert follow_up_queue(roles.head_a).count() == 0
    # The head above records it.
    assert [r["person"] for r in follow_up_queue(roles.head_kecamatan)] == [
        roles.head_a.employee.pk
    ]


def test_not_due_yet_is_not_there(roles, client):
    program = ended_program(89)
    completed(program, roles.staff_a.employee, roles.bpsdm)
    client.force_login(roles.head_a)
    assert client.get(_url(program, roles.staff_a.employee)).status_code == 404
    assert follow_up_queue(roles.head_a).count() == 0


def test_queue_lists_programs_and_activities_due_oldest_first(due, roles, org):
    colleague = EmployeeFactory(unit=org.kel_a, name="Rekan A")
    study = self_study(roles.head_a, colleague, days_ago=120)
    self_study(roles.head_a, colleague, days_ago=30)  # not due
    outsider = EmployeeFactory(unit=org.kel_b)
    completed(due, outsider, roles.bpsdm)
    rows = queue_rows(follow_up_queue(roles.head_a))
    assert [(r.kind, r.src, r.employee_id) for r in rows] == [
        ("kegiatan", study.pk, colleague.pk),
        ("program", due.pk, roles.staff_a.employee.pk),
    ]
    assert rows[1].due_on == due.ends_on + timedelta(days=90)
    assert follow_up_queue(roles.staff_a).count() == 0
    assert follow_up_queue(roles.bpsdm).count() == 0


def test_queue_page_queries_are_constant(
    due, roles, org, client, django_assert_num_queries
):
    client.force_login(roles.head_a)
    client.get("/evaluasi/tindak-lanjut/")
    with django_assert_num_queries(7) as first:
        response = client.get("/evaluasi/tindak-lanjut/")
    assert len(response.context["rows"]) == 1
    for __ in range(4):
        completed(due, EmployeeFactory(unit=org.kel_a), roles.bpsdm)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get("/evaluasi/tindak-lanjut/")
    assert len(response.context["rows"]) == 5


def test_queue_page_refuses_staff_and_bpsdm(roles, client):
    for user in (roles.staff_a, roles.bpsdm, roles.inspector):
        client.force_login(user)
        assert client.get("/evaluasi/tindak-lanjut/").status_code == 403
