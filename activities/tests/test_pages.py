"""Every page renders for the roles that use it (and refuses the others)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Activity, Coaching
from activities.services import activity_record
from activities.tests.factories import (
    cro,
    form,
    past,
    record_briefing,
    record_coaching,
    record_self_development,
)

CODES = [
    "briefing",
    "coaching",
    "pendekatan-personal",
    "gathering",
    "benchmarking",
    "pengembangan-diri",
]


@pytest.mark.parametrize("code", CODES)
def test_create_page_renders(framework, roles, login, code):
    response = login(roles.head_kecamatan).get(f"/kegiatan/baru/{code}/")
    assert response.status_code == 200
    assert response.context["development_form"].code == code


def test_new_page_lists_forms_by_role(framework, roles, login):
    head = login(roles.head_a).get("/kegiatan/baru/")
    assert [f.code for f in head.context["forms"]] == [
        "pendekatan-personal",
        "coaching",
        "briefing",
        "gathering",
        "benchmarking",
        "pengembangan-diri",
    ]
    staff = login(roles.staff_a).get("/kegiatan/baru/")
    assert "pendekatan-personal" not in [f.code for f in staff.context["forms"]]
    assert login(roles.bpsdm).get("/kegiatan/baru/").status_code == 403


def _gathering(head, people):
    return activity_record(
        recorder=head,
        form=form("gathering"),
        unit=head.employee.unit,
        started_at=past(20, 8),
        duration_minutes=420,
        facilitator=head.employee,
        attendance={p.pk: "present" for p in people},
        detail={"event": "Outbound Kembangan", "kinds": ["outbound", "games"]},
    )


def _benchmarking(head, people):
    return activity_record(
        recorder=head,
        form=form("benchmarking"),
        unit=head.employee.unit,
        started_at=past(30, 9),
        duration_minutes=300,
        attendance={p.pk: "present" for p in people},
        dimension_ids=[],
        detail={
            "host_type": "internal_unit",
            "host_name": "Mal Pelayanan Publik DKI Jakarta",
            "findings": "Antrean daring mengurangi penumpukan.",
            "practices_adopted": "Nomor antrean daring.",
        },
    )


def test_detail_pages_render_every_form(framework, roles, login):
    staff = roles.staff_a.employee
    activities = [
        record_briefing(roles.head_a, present=[staff]),
        _gathering(roles.head_a, [staff]),
        _benchmarking(roles.head_a, [staff]),
        record_self_development(roles.staff_a),
        record_coaching(roles.head_a, coach=roles.head_a.employee, coachee=staff),
    ]
    expected = [
        "Motivasi SETIA",
        "Outbound, Permainan kelompok",
        "Mal Pelayanan Publik DKI Jakarta",
        "Kasus pelayanan: Kasus pelayanan: perizinan usaha mikro",
        "Mendampingi 5 pemohon di meja CRO.",
    ]
    for activity, text in zip(activities, expected, strict=True):
        for user in (roles.head_a, roles.staff_a):
            response = login(user).get(f"/kegiatan/{activity.pk}/")
            assert response.status_code == 200
            assert text in response.content.decode()


@pytest.mark.parametrize("code", ["gathering", "benchmarking", "coaching"])
def test_edit_pages_render_with_current_values(framework, roles, login, code):
    staff = roles.staff_a.employee
    activity = {
        "gathering": lambda: _gathering(roles.head_a, [staff]),
        "benchmarking": lambda: _benchmarking(roles.head_a, [staff]),
        "coaching": lambda: record_coaching(
            roles.head_a, coach=roles.head_a.employee, coachee=staff
        ),
    }[code]()
    response = login(roles.head_a).get(f"/kegiatan/{activity.pk}/ubah/")
    assert response.status_code == 200
    form_ = response.context["form"]
    if code == "gathering":
        assert form_["event"].value() == "Outbound Kembangan"
        assert form_["kinds"].value() == ["outbound", "games"]
    elif code == "benchmarking":
        assert form_["host_type"].value() == "internal_unit"
    else:
        assert "coachee" not in form_.fields
        assert form_["agreed_actions"].value() == "Mendampingi 5 pemohon di meja CRO."


def test_coaching_pages(framework, roles, login):
    session = record_coaching(
        roles.head_a, coach=roles.head_a.employee, coachee=roles.staff_a.employee
    )
    coaching = Coaching.objects.get()
    listing = login(roles.staff_a).get("/kegiatan/coaching/")
    assert [c.pk for c in listing.context["coachings"]] == [coaching.pk]
    assert (
        login(roles.staff_b).get("/kegiatan/coaching/").context["coachings"].count()
        == 0
    )
    detail = login(roles.head_a).get(f"/kegiatan/coaching/{coaching.pk}/")
    assert [a.pk for a in detail.context["sessions"]] == [session.pk]
    assert detail.context["can_manage"] is True
    assert (
        login(roles.head_b).get(f"/kegiatan/coaching/{coaching.pk}/").status_code == 404
    )
    assert (
        login(roles.staff_a)
        .post(f"/kegiatan/coaching/{coaching.pk}/status/", {"status": "completed"})
        .status_code
        == 403
    )
    response = login(roles.head_a).post(
        f"/kegiatan/coaching/{coaching.pk}/status/", {"status": "completed"}
    )
    assert response.status_code == 302
    coaching.refresh_from_db()
    assert coaching.status == "completed"


def test_next_session_of_a_closed_coaching_is_refused(framework, roles):
    from django.core.exceptions import ValidationError

    record_coaching(
        roles.head_a, coach=roles.head_a.employee, coachee=roles.staff_a.employee
    )
    coaching = Coaching.objects.get()
    coaching.status = "completed"
    coaching.save()
    with pytest.raises(ValidationError) as exc:
        record_coaching(
            roles.head_a,
            coach=roles.head_a.employee,
            coaching=coaching,
            started_at=past(hour=14),
        )
    assert exc.value.message_dict == {
        "coaching": ["Coaching ini sudah tidak berjalan."]
    }
    assert Activity.objects.count() == 1


def test_cro_flag_on_list_and_dashboard(framework, roles, org, login):
    fresh = cro(org.kel_a, timezone.localdate() - timedelta(days=12))
    client = login(roles.head_a)
    listing = client.get("/kegiatan/").content.decode()
    assert "CRO baru perlu coaching" in listing
    assert f"/kegiatan/baru/coaching/?coachee={fresh.pk}" in listing
    dashboard = client.get("/")
    cards = {c.title: c for c in dashboard.context["cards"]}
    card = cards["CRO baru perlu coaching"]
    assert (card.value, card.detail, card.tone) == ("1", fresh.name, "danger")
    assert (
        "CRO baru perlu coaching"
        not in login(roles.head_b).get("/kegiatan/").content.decode()
    )


def test_dashboard_cards_by_role(framework, roles, login):
    record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    head = {c.title: c.value for c in login(roles.head_a).get("/").context["cards"]}
    assert head["Menunggu verifikasi"] == "1"
    staff = {c.title: c for c in login(roles.staff_a).get("/").context["cards"]}
    assert staff["Kegiatan yang saya ikuti bulan ini"].detail == (
        "1 catatan saya menunggu verifikasi."
    )
    bpsdm = {c.title: c.value for c in login(roles.bpsdm).get("/").context["cards"]}
    assert bpsdm["Kegiatan internal terverifikasi tahun ini"] == "0"


def test_nav_items(framework, roles, login):
    from activities.nav import items

    assert [i.url for i in items(roles.head_a)] == [
        "/kegiatan/",
        "/kegiatan/verifikasi/",
    ]
    assert [i.url for i in items(roles.staff_a)] == ["/kegiatan/"]


def test_pages_speak_english_when_asked(framework, roles, login):
    client = login(roles.head_a)
    client.cookies["django_language"] = "en"  # what the footer's language switch sets
    html = client.get("/kegiatan/briefing/").content
    assert '<h1 class="h4 mb-3">Today\'s briefing</h1>' in html.decode()
    ledger = client.get(f"/jp/unit/{roles.head_a.employee.unit_id}/")
    assert "with a JP minimum have not reached it in" in ledger.content.decode()
