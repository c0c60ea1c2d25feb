"""Today's briefing (/kegiatan/briefing/): the usual case in one post, the
same-day warning, and the client key that records a form sent twice once."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from activities.models import Activity
from activities.services import activity_record
from activities.tests.factories import at, form, record_briefing, roster
from ledger.models import JPEntry

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
clock = time_machine.travel(NOW, tick=False)
pytestmark = pytest.mark.usefixtures("_clock")


@pytest.fixture
def _clock():
    with clock:
        yield


def _post(client, unit, present, **extra):
    data = {
        "unit": unit.pk,
        "started_at": "2026-03-04T08:00",
        "duration_minutes": "10",
        "agenda_kind": "setia_motivation",
        "present": [e.pk for e in present],
        **extra,
    }
    return client.post("/kegiatan/briefing/", data)


def test_briefing_form_defaults_to_everyone_present_and_the_setia_agenda(
    framework, roles, org, login
):
    others = roster(org.kel_a, 38)  # + head_a + staff_a = 40
    page = login(roles.head_a).get("/kegiatan/briefing/")
    form_ = page.context["form"]
    assert form_["agenda_kind"].value() == "setia_motivation"
    assert len(form_.roster_rows()) == 40
    assert form_.present_count() == 40
    assert uuid.UUID(str(form_["client_key"].value()))
    html = page.content.decode()
    assert "Hadir: 40 / 40" in html
    assert '<details class="briefing-absent mb-3">' in html  # collapsed
    assert f'data-roster-name="{others[0].name.lower()}"' in html


def test_briefing_usual_case_is_one_post_of_the_form_as_shown(
    framework, roles, org, login
):
    roster(org.kel_a, 38)
    client = login(roles.head_a)
    page = client.get("/kegiatan/briefing/")
    form_ = page.context["form"]
    key = str(form_["client_key"].value())
    response = _post(
        client, org.kel_a, [e for e, __ in form_.roster_rows()], client_key=key
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/kegiatan/{activity.pk}/"
    assert str(activity.client_key) == key
    assert activity.attendances.filter(status="present").count() == 40


def test_second_briefing_same_unit_and_day_needs_a_confirmation(
    framework, roles, org, login
):
    first = record_briefing(
        roles.head_a, present=[roles.staff_a.employee], started_at=at(NOW.date(), 7)
    )
    client = login(roles.head_a)
    response = _post(client, org.kel_a, [roles.staff_a.employee])
    assert response.status_code == 200
    assert response.context["form"].errors["confirm_duplicate"] == [
        "Briefing unit ini pada tanggal ini sudah tercatat (jam 07.45, dicatat oleh "
        f"{roles.head_a.get_full_name() or roles.head_a.username}). Centang "
        "konfirmasi bila ini memang briefing kedua."
    ]
    assert 'name="confirm_duplicate"' in response.content.decode()
    assert list(Activity.objects.values_list("pk", flat=True)) == [first.pk]
    confirmed = _post(
        client, org.kel_a, [roles.staff_a.employee], confirm_duplicate="on"
    )
    assert confirmed.status_code == 302
    assert Activity.objects.count() == 2


def test_same_day_warning_ignores_other_units_days_and_rejected(
    framework, roles, org, login
):
    record_briefing(
        roles.head_b, present=[roles.staff_b.employee], started_at=at(NOW.date(), 7)
    )
    record_briefing(roles.head_a, present=[roles.staff_a.employee])  # yesterday
    rejected = record_briefing(
        roles.staff_a, present=[roles.staff_a.employee], started_at=at(NOW.date(), 7)
    )
    rejected.status, rejected.rejection_reason = "rejected", "Salah unit."
    rejected.save()
    response = _post(login(roles.head_a), org.kel_a, [roles.staff_a.employee])
    assert response.status_code == 302
    assert Activity.objects.count() == 4


def test_briefing_sent_twice_with_one_key_is_recorded_once(
    framework, roles, org, login
):
    client = login(roles.head_a)
    key = str(uuid.uuid4())
    first = _post(client, org.kel_a, [roles.staff_a.employee], client_key=key)
    again = _post(client, org.kel_a, [roles.staff_a.employee], client_key=key)
    activity = Activity.objects.get()
    assert first["Location"] == again["Location"] == f"/kegiatan/{activity.pk}/"
    assert JPEntry.objects.filter(source_key=activity.source_key).count() == 1
    messages = [str(m) for m in again.wsgi_request._messages]
    assert messages[-1] == "Briefing ini sudah tersimpan sebelumnya."


def test_briefing_from_the_outbox_answers_204_with_the_address(
    framework, roles, org, login
):
    client = login(roles.head_a)
    key = str(uuid.uuid4())
    data = {
        "unit": org.kel_a.pk,
        "started_at": "2026-03-04T08:00",
        "duration_minutes": "10",
        "agenda_kind": "setia_motivation",
        "present": [roles.staff_a.employee.pk],
        "client_key": key,
    }
    response = client.post("/kegiatan/briefing/", data, headers={"X-Outbox": "1"})
    again = client.post("/kegiatan/briefing/", data, headers={"X-Outbox": "1"})
    activity = Activity.objects.get()
    assert (response.status_code, again.status_code) == (204, 204)
    assert response["X-Location"] == again["X-Location"] == f"/kegiatan/{activity.pk}/"
    # A form with a message is answered as usual (the outbox shows it).
    data.pop("present")
    invalid = client.post(
        "/kegiatan/briefing/",
        {**data, "client_key": str(uuid.uuid4())},
        headers={"X-Outbox": "1"},
    )
    assert invalid.status_code == 200


def test_briefing_client_key_of_someone_else_is_not_theirs(
    framework, roles, org, login
):
    key = uuid.uuid4()
    theirs = activity_record(
        recorder=roles.head_a,
        form=form("briefing"),
        unit=org.kel_a,
        started_at=at(NOW.date(), 7),
        duration_minutes=10,
        attendance={roles.staff_a.employee.pk: "present"},
        detail={"agenda_kind": "other"},
        client_key=key,
    )
    # Another recorder sending that key: refused by the service, and the page
    # does not show the other activity.
    with pytest.raises(ValidationError) as refused:
        activity_record(
            recorder=roles.staff_a,
            form=form("briefing"),
            unit=org.kel_a,
            started_at=at(NOW.date(), 8),
            duration_minutes=10,
            attendance={roles.staff_a.employee.pk: "present"},
            detail={"agenda_kind": "other"},
            client_key=key,
        )
    assert refused.value.message_dict == {
        "client_key": ["Kunci pengiriman ini sudah dipakai untuk kegiatan lain."]
    }
    response = _post(
        login(roles.staff_a),
        org.kel_a,
        [roles.staff_a.employee],
        client_key=str(key),
        confirm_duplicate="on",
    )
    assert response.status_code == 200
    assert Activity.objects.get() == theirs


def test_briefing_client_key_replay_writes_nothing(framework, roles, org):
    key = uuid.uuid4()
    kwargs = {
        "recorder": roles.head_a,
        "form": form("briefing"),
        "unit": org.kel_a,
        "started_at": at(NOW.date(), 7),
        "duration_minutes": 10,
        "attendance": {roles.staff_a.employee.pk: "present"},
        "detail": {"agenda_kind": "other"},
        "client_key": key,
    }
    first = activity_record(**kwargs)
    assert activity_record(**kwargs) == first
    assert Activity.objects.count() == 1


def test_briefing_garbage_client_key_is_a_field_error(framework, roles, org, login):
    response = _post(
        login(roles.head_a), org.kel_a, [roles.staff_a.employee], client_key="x'; --"
    )
    assert response.status_code == 200
    message = "Formulir ini rusak; muat ulang halaman lalu isi kembali."
    assert response.context["form"].errors["client_key"] == [message]
    assert message in response.content.decode()
    assert Activity.objects.count() == 0


def test_briefing_outsider_and_reader(framework, roles, org, login):
    assert login(roles.bpsdm).get("/kegiatan/briefing/").status_code == 403
    assert login(roles.inspector).get("/kegiatan/briefing/").status_code == 403
    # Staff of another kelurahan cannot post a briefing for kelurahan A.
    response = _post(login(roles.staff_b), org.kel_a, [roles.staff_a.employee])
    assert response.status_code == 200
    assert Activity.objects.count() == 0


def _late_lookup(monkeypatch):
    """The first look-up of a key misses, as when two sends cross."""
    from activities.services import recording

    real, calls = recording.activity_by_client_key, []

    def late(key):
        calls.append(key)
        return None if len(calls) == 1 else real(key)

    monkeypatch.setattr(recording, "activity_by_client_key", late)


def test_briefing_sent_twice_at_once_is_settled_for_the_second(
    framework, roles, org, monkeypatch
):
    key = uuid.uuid4()
    kwargs = {
        "recorder": roles.head_a,
        "form": form("briefing"),
        "unit": org.kel_a,
        "started_at": at(NOW.date(), 7),
        "duration_minutes": 10,
        "attendance": {roles.staff_a.employee.pk: "present"},
        "detail": {"agenda_kind": "other"},
        "client_key": key,
    }
    first = activity_record(**kwargs)
    _late_lookup(monkeypatch)
    # Same attendees at the same time: the overlap refusal yields to the key.
    assert activity_record(**kwargs) == first
    _late_lookup(monkeypatch)
    # Other attendees and time: the unique column refuses the row.
    other = {**kwargs, "attendance": {roles.head_a.employee.pk: "present"}}
    other["started_at"] = at(NOW.date(), 8)
    assert activity_record(**other) == first
    assert Activity.objects.count() == 1


def test_full_briefing_form_also_asks_before_a_second_of_the_day(
    framework, roles, org, login
):
    record_briefing(
        roles.head_a, present=[roles.staff_a.employee], started_at=at(NOW.date(), 7)
    )
    client = login(roles.head_a)
    assert (
        "confirm_duplicate"
        not in client.get("/kegiatan/baru/briefing/").context["form"].fields
    )
    data = {
        "unit": org.kel_a.pk,
        "date": "2026-03-04",
        "start_time": "08:00",
        "duration_minutes": "10",
        "agenda_kind": "rule_change",
        "attendance": [f"{roles.staff_a.employee.pk}:present"],
    }
    refused = client.post("/kegiatan/baru/briefing/", data)
    assert refused.status_code == 200
    assert list(refused.context["form"].errors) == ["confirm_duplicate"]
    assert Activity.objects.count() == 1
    data["attendance"] = [f"{roles.head_a.employee.pk}:present"]
    confirmed = client.post(
        "/kegiatan/baru/briefing/", {**data, "confirm_duplicate": "on"}
    )
    assert confirmed.status_code == 302
    assert Activity.objects.count() == 2
