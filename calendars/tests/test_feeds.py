from datetime import date

import time_machine
from django.utils import timezone
from icalendar import Calendar

from calendars.models import CalendarFeed
from calendars.services import feed_create
from competencies.models import DevelopmentForm, Dimension
from plans.services import plan_item_add
from programs.models import Nomination
from programs.tests.factories import NominationFactory, ProgramFactory

NOW = "2025-06-10 09:00 +0700"


def events(response) -> dict[str, dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {
        str(e["summary"]): {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "uid": str(e["uid"]),
        }
        for e in calendar.walk("VEVENT")
    }


def feed_url(secret: str) -> str:
    return f"/kalender/{secret}.ics"


@time_machine.travel(NOW)
def test_personal_feed_has_programs_tests_and_plan(roles, org, client, framework):
    employee = roles.staff_a.employee
    program = ProgramFactory(
        title="Diklat Komunikasi",
        starts_on=date(2025, 7, 1),
        ends_on=date(2025, 7, 3),
        registration_opens_on=date(2025, 6, 1),
        registration_closes_on=date(2025, 6, 20),
    )
    NominationFactory(program=program, employee=employee, state="approved")
    other = ProgramFactory(title="Belum disetujui")
    NominationFactory(program=other, employee=employee, state="requested")
    plan_item_add(
        employee=employee,
        year=2025,
        dimension=Dimension.objects.get(code="empati-sosial"),
        form=DevelopmentForm.objects.get(code="pengembangan-diri"),
        target_date=date(2025, 9, 30),
        by=roles.staff_a,
    )
    __, secret = feed_create(user=roles.staff_a, kind="personal")
    found = events(client.get(feed_url(secret)))
    assert sorted(found) == ["Diklat Komunikasi", "Pengembangan Diri (Empati Sosial)"]
    assert found["Diklat Komunikasi"]["start"] == date(2025, 7, 1)
    assert found["Diklat Komunikasi"]["end"] == date(2025, 7, 4)  # exclusive
    assert found["Pengembangan Diri (Empati Sosial)"]["start"] == date(2025, 9, 30)


@time_machine.travel(NOW)
def test_test_windows_appear_with_their_times(roles, client, framework):
    from assessments.tests.factories import (
        ItemFactory,
        open_window,
        published_instrument,
    )

    items = [ItemFactory(dimension=d) for d in Dimension.objects.all()]
    instrument = published_instrument(items, by=roles.bpsdm)
    window = open_window(instrument, [roles.staff_a.employee], by=roles.bpsdm)
    __, secret = feed_create(user=roles.staff_a, kind="personal")
    found = events(client.get(feed_url(secret)))
    entry = found[window.title]
    assert entry["start"] == timezone.localtime(window.opens_at).replace(microsecond=0)
    assert entry["end"] == timezone.localtime(window.closes_at).replace(microsecond=0)


@time_machine.travel(NOW)
def test_unit_feed_for_heads_covers_the_subtree(roles, org, client, framework):
    program = ProgramFactory(
        title="Orientasi",
        starts_on=date(2025, 7, 1),
        ends_on=date(2025, 7, 1),
        registration_opens_on=date(2025, 6, 1),
        registration_closes_on=date(2025, 6, 20),
    )
    for employee in (roles.staff_a.employee, roles.staff_b.employee):
        NominationFactory(program=program, employee=employee, state="approved")
    __, secret = feed_create(user=roles.head_a, kind="unit")
    found = events(client.get(feed_url(secret)))
    assert sorted(found) == [f"Orientasi: {roles.staff_a.employee.name}"]
    __, secret = feed_create(user=roles.head_kecamatan, kind="unit")
    assert len(events(client.get(feed_url(secret)))) == 2


def test_revoked_or_unknown_feeds_are_404(roles, client, login):
    feed, secret = feed_create(user=roles.staff_a, kind="personal")
    assert client.get(feed_url(secret)).status_code == 200
    assert login(roles.staff_b).post(
        f"/akun/kalender/{feed.pk}/cabut/"
    ).status_code == (404)
    login(roles.staff_a).post(f"/akun/kalender/{feed.pk}/cabut/")
    assert client.get(feed_url(secret)).status_code == 404
    assert client.get(feed_url("x" * 30)).status_code == 404


def test_feed_page_shows_the_url_once_and_refuses_bad_kinds(roles, login):
    client = login(roles.staff_a)
    response = client.post("/akun/kalender/", {"kind": "personal"})
    assert response.context["created"].startswith("http://testserver/kalender/")
    assert (
        response.context["created"]
        not in client.get("/akun/kalender/").content.decode()
    )
    assert client.post("/akun/kalender/", {"kind": "zzz"}).status_code == 400
    assert client.post("/akun/kalender/", {"kind": "unit"}).status_code == 403
    assert CalendarFeed.objects.count() == 1


def test_a_head_who_left_has_an_empty_unit_feed(roles, client):
    __, secret = feed_create(user=roles.head_a, kind="unit")
    employee = roles.head_a.employee
    employee.is_active = False
    employee.save()
    calendar = Calendar.from_ical(client.get(feed_url(secret)).content)
    assert list(calendar.walk("VEVENT")) == []
    assert Nomination.objects.count() == 0
