"""Attendance follows the activity's unit (gathering, briefing, benchmarking):
the roster is that unit, its sub-units only when asked for, and guests are added
by name; nobody else is listed, marked present or credited."""

from datetime import timedelta

from django.utils import timezone

from activities.models import Activity
from activities.tests.factories import roster
from ledger.models import JPEntry


def _gathering(unit, attendance, **change):
    day = timezone.localdate() - timedelta(days=1)
    data = {
        "unit": unit.pk,
        "event": "Outbound Kembangan",
        "kinds": ["outbound"],
        "date": day.isoformat(),
        "start_time": "08:00",
        "duration_minutes": "240",
        "dimensions": [],
        "attendance": [f"{e.pk}:present" for e in attendance],
    }
    data.update(change)
    return data


def test_gathering_roster_is_the_chosen_unit_only(framework, roles, org, login):
    kel_a = roster(org.kel_a, 3)
    roster(org.kel_b, 2)
    client = login(roles.head_kecamatan)
    page = client.get(f"/kegiatan/baru/gathering/?unit={org.kel_a.pk}")
    rows = page.context["form"].roster_rows()
    assert {e.pk for e, __ in rows} == {
        *(e.pk for e in kel_a),
        roles.head_a.employee.pk,
        roles.staff_a.employee.pk,
    }
    assert {status for __, status in rows} == {"present"}  # "everyone" = the unit


def test_gathering_roster_with_sub_units_only_when_asked(framework, roles, org, login):
    roster(org.kel_a, 3)
    roster(org.kel_b, 2)
    client = login(roles.head_kecamatan)
    own = client.get(f"/kegiatan/baru/gathering/?unit={org.kecamatan.pk}")
    assert [e.pk for e, __ in own.context["form"].roster_rows()] == [
        roles.head_kecamatan.employee.pk
    ]
    subtree = client.get(
        f"/kegiatan/baru/gathering/?unit={org.kecamatan.pk}&include_subunits=1"
    )
    assert len(subtree.context["form"].roster_rows()) == 1 + 5 + 4


def test_gathering_roster_reload_by_htmx_keeps_the_roster(framework, roles, org, login):
    people = roster(org.kel_b, 2)
    response = login(roles.head_kecamatan).get(
        f"/kegiatan/baru/gathering/?unit={org.kel_b.pk}", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<div id="roster">' in html
    assert f'id="att-{people[0].pk}"' in html
    assert f'id="att-{roles.staff_a.employee.pk}"' not in html


def test_gathering_for_one_unit_credits_only_its_attendees_and_guests(
    framework, roles, org, login
):
    kel_a = roster(org.kel_a, 3)
    kel_b = roster(org.kel_b, 2)
    client = login(roles.head_kecamatan)
    response = client.post(
        "/kegiatan/baru/gathering/",
        _gathering(org.kel_a, kel_a, guests=[kel_b[0].pk]),
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert activity.status == Activity.Status.VERIFIED
    assert dict(activity.attendances.values_list("employee_id", "status")) == {
        kel_a[0].pk: "present",
        kel_a[1].pk: "present",
        kel_a[2].pk: "present",
        kel_b[0].pk: "present",
    }
    credited = dict(
        JPEntry.objects.filter(source_key=activity.source_key).values_list(
            "employee_id", "minutes"
        )
    )
    assert credited == {e.pk: 240 for e in [*kel_a, kel_b[0]]}


def test_editing_lists_the_unit_and_every_recorded_guest_once(
    framework, roles, org, login
):
    kel_a = roster(org.kel_a, 2)
    kel_b = roster(org.kel_b, 2)
    client = login(roles.head_kecamatan)
    client.post(
        "/kegiatan/baru/gathering/",
        _gathering(org.kel_a, [kel_a[0], roles.staff_a.employee], guests=[kel_b[0].pk]),
    )
    activity = Activity.objects.get()
    page = client.get(f"/kegiatan/{activity.pk}/ubah/")
    rows = page.context["form"].roster_rows()
    # The unit's people (recorded or not) and the guest, each once; the other
    # person of kelurahan B was not there and is not listed.
    assert sorted(e.pk for e, __ in rows) == sorted(
        [
            *(e.pk for e in kel_a),
            roles.head_a.employee.pk,
            roles.staff_a.employee.pk,
            kel_b[0].pk,
        ]
    )
    assert {e.pk: status for e, status in rows if status} == {
        kel_a[0].pk: "present",
        roles.staff_a.employee.pk: "present",
        kel_b[0].pk: "present",
    }


def test_gathering_refuses_someone_of_another_unit_not_added_as_guest(
    framework, roles, org, login
):
    kel_a = roster(org.kel_a, 1)
    kel_b = roster(org.kel_b, 1)
    response = login(roles.head_kecamatan).post(
        "/kegiatan/baru/gathering/", _gathering(org.kel_a, [*kel_a, *kel_b])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["attendance"] == [
        "1 peserta bukan pegawai unit ini; tambahkan sebagai tamu bila ikut hadir."
    ]
    assert Activity.objects.count() == 0


def test_gathering_guest_outside_the_recorders_scope_is_refused(
    framework, roles, org, login
):
    response = login(roles.head_a).post(
        "/kegiatan/baru/gathering/",
        _gathering(
            org.kel_a, [roles.staff_a.employee], guests=[roles.staff_b.employee.pk]
        ),
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["guests"]
    assert Activity.objects.count() == 0


def test_gathering_with_only_guests_present_records(framework, roles, org, login):
    guest = roster(org.kel_b, 1)[0]
    response = login(roles.head_kecamatan).post(
        "/kegiatan/baru/gathering/",
        _gathering(org.kel_a, [], guests=[guest.pk]),
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert dict(activity.attendances.values_list("employee_id", "status")) == {
        guest.pk: "present"
    }


def test_gathering_with_nobody_present_is_refused(framework, roles, org, login):
    response = login(roles.head_kecamatan).post(
        "/kegiatan/baru/gathering/",
        {
            **_gathering(org.kel_a, []),
            "attendance": [f"{roles.staff_a.employee.pk}:absent"],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["attendance"] == [
        "Tandai minimal satu peserta yang hadir."
    ]


def test_benchmarking_roster_follows_its_unit_too(framework, roles, org, login):
    people = roster(org.kel_b, 2)
    page = login(roles.head_kecamatan).get(
        f"/kegiatan/baru/benchmarking/?unit={org.kel_b.pk}"
    )
    assert {e.pk for e, __ in page.context["form"].roster_rows()} == {
        *(e.pk for e in people),
        roles.head_b.employee.pk,
        roles.staff_b.employee.pk,
    }


def test_gathering_outsider_unit_is_refused(framework, roles, org, login):
    response = login(roles.head_b).post(
        "/kegiatan/baru/gathering/", _gathering(org.kel_a, [roles.staff_a.employee])
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Activity.objects.count() == 0


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_group_form_and_briefing_read_a_fixed_number_of_queries(
    framework, roles, org, login
):
    client = login(roles.head_a)
    urls = (f"/kegiatan/baru/gathering/?unit={org.kel_a.pk}", "/kegiatan/briefing/")
    small = [_queries(client, url) for url in urls]
    roster(org.kel_a, 38)  # 2 → 40 people
    assert [_queries(client, url) for url in urls] == small
