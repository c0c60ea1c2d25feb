"""Coaching sessions: coach and coachee defaults that fit whoever logs them."""

from datetime import timedelta

from django.utils import timezone

from activities.models import Activity, Coaching
from activities.tests.factories import record_coaching, roster


def _session(**change):
    day = timezone.localdate() - timedelta(days=1)
    data = {
        "date": day.isoformat(),
        "start_time": "10:00",
        "duration_minutes": "60",
        "goal": "Menguasai alur layanan pengaduan.",
        "dimensions": [],
    }
    data.update(change)
    return data


def test_coaching_logged_by_the_coachee_defaults_to_them_and_asks_the_coach(
    framework, roles, org, login
):
    page = login(roles.staff_a).get("/kegiatan/baru/coaching/")
    form = page.context["form"]
    assert form["coachee"].value() == roles.staff_a.employee.pk
    assert form["facilitator"].value() is None
    assert form.fields["facilitator"].help_text == "Pilih coach Anda."


def test_coaching_logged_by_the_coachee_records_with_the_chosen_coach(
    framework, roles, org, login
):
    staff, head = roles.staff_a.employee, roles.head_a.employee
    response = login(roles.staff_a).post(
        "/kegiatan/baru/coaching/",
        _session(coachee=staff.pk, facilitator=head.pk),
    )
    assert response.status_code == 302
    coaching = Coaching.objects.get()
    assert (coaching.coach, coaching.coachee) == (head, staff)
    activity = Activity.objects.get()
    assert activity.status == Activity.Status.SUBMITTED
    assert list(activity.attendances.values_list("employee_id", "status")) == [
        (staff.pk, "present")
    ]


def test_coaching_logged_by_the_coachee_without_a_coach_says_so(
    framework, roles, org, login
):
    response = login(roles.staff_a).post(
        "/kegiatan/baru/coaching/", _session(coachee=roles.staff_a.employee.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["facilitator"] == [
        "Isi coach (fasilitator) sesi ini."
    ]
    assert Coaching.objects.count() == 0


def test_coaching_logged_by_a_head_defaults_to_him_as_coach(
    framework, roles, org, login
):
    cro = roster(org.kel_a, 1)[0]
    client = login(roles.head_a)
    form = client.get("/kegiatan/baru/coaching/").context["form"]
    assert form["facilitator"].value() == roles.head_a.employee.pk
    assert form["coachee"].value() is None
    prefilled = client.get(f"/kegiatan/baru/coaching/?coachee={cro.pk}")
    assert prefilled.context["form"]["coachee"].value() == cro.pk
    assert prefilled.context["form"]["facilitator"].value() == roles.head_a.employee.pk


def test_coaching_session_of_an_engagement_defaults_to_its_coach(
    framework, roles, org, login
):
    first = record_coaching(
        roles.head_a, coach=roles.head_a.employee, coachee=roles.staff_a.employee
    )
    coaching = first.coaching_session.coaching
    form = (
        login(roles.staff_a)
        .get(f"/kegiatan/baru/coaching/?coaching={coaching.pk}")
        .context["form"]
    )
    assert form["coaching"].value() == coaching.pk
    assert form["facilitator"].value() == roles.head_a.employee.pk


def test_coaching_form_outsider_and_reader(framework, roles, org, login):
    assert login(roles.bpsdm).get("/kegiatan/baru/coaching/").status_code == 403
    # Staff of kelurahan B cannot name kelurahan A's head as coach.
    response = login(roles.staff_b).post(
        "/kegiatan/baru/coaching/",
        _session(
            coachee=roles.staff_b.employee.pk, facilitator=roles.head_a.employee.pk
        ),
    )
    assert response.status_code == 200
    assert "facilitator" in response.context["form"].errors
    assert Coaching.objects.count() == 0
