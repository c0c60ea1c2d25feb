import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from activities.models import PersonalNote
from activities.tests.factories import record_personal
from assessments.models import Result
from audit.models import AuditEvent
from ledger.models import JPEntry
from notices.models import NoticePreference
from people.models import Employee
from privacy.services import employee_anonymise
from testsupport.matrix_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def left(org, roles):
    """Staff A with everything the matrix world gives them, then gone."""
    world = build_world(org, roles)
    NoticePreference.objects.create(
        user=roles.staff_a, whatsapp=True, whatsapp_number="6281234567890"
    )
    record_personal(roles.head_a, roles.staff_a.employee, note="Butuh kursi roda.")
    employee = roles.staff_a.employee
    Employee.objects.filter(pk=employee.pk).update(is_active=False)
    employee.refresh_from_db()
    return world, employee


def test_bpsdm_anonymises_someone_who_left(left, roles, login):
    world, employee = left
    signed_in = Client()
    signed_in.force_login(roles.staff_a)
    counts = (
        Result.objects.filter(employee=employee).count(),
        JPEntry.objects.filter(employee=employee).count(),
        employee.attendances.count(),
    )
    certificate = world.nomination.certificate_file.path
    client = login(roles.bpsdm)
    page = client.get(f"/privasi/pegawai/{employee.pk}/anonimkan/")
    assert page.status_code == 200
    response = client.post(f"/privasi/pegawai/{employee.pk}/anonimkan/")
    assert response["Location"] == f"/pegawai/{employee.pk}/"
    employee.refresh_from_db()
    assert (employee.name, employee.nip, employee.email) == (
        f"Anonim #{employee.pk}",
        f"ANON{employee.pk:014d}",
        "",
    )
    assert employee.placed_on.isoformat() == "2020-01-01"
    user = employee.user
    assert (user.username, user.email, user.first_name, user.is_active) == (
        f"anonim-{employee.pk}",
        "",
        "",
        False,
    )
    assert not user.has_usable_password()
    assert user.notices.count() == 0
    assert not NoticePreference.objects.filter(user=user).exists()
    assert not PersonalNote.objects.filter(employee=employee).exists()
    world.nomination.refresh_from_db()
    assert world.nomination.certificate_file.name == ""
    import os

    assert not os.path.exists(certificate)
    # Aggregates keep the rows, without the identity.
    assert counts == (
        Result.objects.filter(employee=employee).count(),
        JPEntry.objects.filter(employee=employee).count(),
        employee.attendances.count(),
    )
    event = AuditEvent.objects.get(action="employee.anonymise")
    assert (event.actor, event.target_label) == (roles.bpsdm, employee.name)
    # The session of the old login is over.
    assert signed_in.get("/").status_code == 302


def test_active_employee_is_not_anonymised(org, roles, login):
    build_world(org, roles)
    employee = roles.staff_a.employee
    response = login(roles.admin).post(f"/privasi/pegawai/{employee.pk}/anonimkan/")
    assert response.status_code == 403
    with pytest.raises(ValidationError):
        employee_anonymise(employee=employee, by=roles.admin)


def test_only_the_province_anonymises(left, roles, login):
    __, employee = left
    url = f"/privasi/pegawai/{employee.pk}/anonimkan/"
    for user in [roles.head_a, roles.head_kecamatan, roles.staff_b, roles.inspector]:
        assert login(user).post(url).status_code == 403, user
    employee.refresh_from_db()
    assert not employee.name.startswith("Anonim")


def test_twice_is_refused_with_a_message(left, roles, login):
    __, employee = left
    employee_anonymise(employee=employee, by=roles.bpsdm)
    response = login(roles.bpsdm).post(
        f"/privasi/pegawai/{employee.pk}/anonimkan/", follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Pegawai ini sudah dianonimkan."
    ]


def test_non_asn_has_no_nip_after(org, roles):
    from people.tests.factories import EmployeeFactory

    employee = EmployeeFactory(
        unit=org.kel_a, employment_status="NON_ASN", nip=None, is_active=False
    )
    assert employee_anonymise(employee=employee, by=roles.bpsdm).nip is None


def test_personal_note_reads_are_recorded(org, roles, login):
    from competencies.bootstrap import reference_load

    reference_load()
    activity = record_personal(roles.head_a, roles.staff_a.employee, note="Rahasia.")
    assert login(roles.staff_a).get(f"/kegiatan/{activity.pk}/").status_code == 200
    login(roles.head_kecamatan).get(f"/kegiatan/{activity.pk}/")  # no note for him
    reads = AuditEvent.objects.filter(action="personal_note.read")
    assert list(reads.values_list("actor__username", flat=True)) == ["staf.a"]
    assert "Rahasia" not in str(list(reads.values("before", "after", "note")))
