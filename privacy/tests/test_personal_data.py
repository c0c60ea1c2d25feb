import io
import json
import zipfile

import pytest
from django.apps import apps

from audit.models import AuditEvent
from people.models import Employee
from privacy.personal_data import ABOUT_EMPLOYEE, NOT_ABOUT_EMPLOYEE, personal_data
from testsupport.matrix_world import build_world

pytestmark = pytest.mark.django_db


def test_every_model_pointing_at_an_employee_is_declared():
    declared = {label for label, __ in ABOUT_EMPLOYEE} | {
        label for label, __ in NOT_ABOUT_EMPLOYEE
    }
    pointing = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Employee
    }
    missing = {
        (label, name)
        for label, name in pointing
        if label not in declared and (label, name) not in NOT_ABOUT_EMPLOYEE
    }
    assert missing == set()


def _archive(response) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {
        name: (json.loads(archive.read(name)) if name.endswith(".json") else None)
        for name in archive.namelist()
    }


def test_employee_downloads_their_own_data(org, roles, login):
    world = build_world(org, roles)
    response = login(roles.staff_a).get("/privasi/data-saya.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "private" in response["Cache-Control"]
    files = _archive(response)
    employee = roles.staff_a.employee
    assert files["people.Employee.json"][0]["name"] == employee.name
    assert files["people.Employee.json"][0]["nip"] == employee.nip
    assert files["login.json"]["username"] == "staf.a"
    assert "password" not in files["login.json"]
    assert [n["subject"] for n in files["notices.Notice.json"]] == [
        n.subject for n in roles.staff_a.notices.order_by("pk")
    ]
    results = files["assessments.Result.json"]
    assert {r["id"] for r in results} == {
        world.result_scored.pk,
        world.result_released.pk,
    }
    assert [a["activity"]["id"] for a in files["activities.Attendance.json"]] == list(
        employee.attendances.order_by("pk").values_list("activity_id", flat=True)
    )
    assert len(files["activities.Attendance.json"]) == 2  # the briefing, coaching
    assert files["programs.Nomination.json"][0]["id"] == world.nomination.pk
    assert f"berkas/sttpp-{world.nomination.pk}.pdf" in files
    assert f"berkas/pertukaran-{world.exchange.pk}.pdf" in files
    event = AuditEvent.objects.get(action="personal_data.download")
    assert (event.actor, event.target_id) == (roles.staff_a, str(roles.staff_a.pk))


def test_data_holds_nobody_else(org, roles):
    build_world(org, roles)
    data = personal_data(roles.staff_b)
    others = {roles.staff_a.employee.name, roles.head_a.employee.name}
    text = json.dumps(data, ensure_ascii=False)
    assert not any(name in text for name in others)
    assert data["assessments.Answer"] == []


def test_login_without_employee_record_gets_login_and_notices(roles, login):
    files = _archive(login(roles.bpsdm).get("/privasi/data-saya.zip"))
    assert sorted(files) == ["login.json", "notices.Notice.json"]


def test_anonymous_is_sent_to_login(client):
    assert client.get("/privasi/data-saya.zip").status_code == 302
