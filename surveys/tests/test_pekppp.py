"""PEKPPP follow-up indicators against a fixture computed by hand (two quarters,
three units)."""

from datetime import date
from decimal import Decimal

import pytest

from people.tests.factories import EmployeeFactory
from surveys import pekppp
from surveys.followups import (
    follow_up_create,
    follow_up_indicators,
    follow_up_update,
    publication_create,
)
from surveys.models import FollowUp
from surveys.tests.factories import report_survey

pytestmark = pytest.mark.django_db


def test_weak_elements_are_c_and_d_else_the_single_lowest():
    scores = {"u1": Decimal("80"), "u2": Decimal("76.60"), "u3": Decimal("50")}
    assert pekppp.weak_elements(scores) == ["u2", "u3"]
    assert pekppp.weak_elements({"u1": Decimal("90"), "u2": Decimal("77")}) == ["u2"]
    # Ties: the first in order; no values: nothing to follow up.
    assert pekppp.weak_elements({"a": Decimal("90"), "b": Decimal("90")}) == ["a"]
    assert pekppp.weak_elements({"a": None}) == []


def test_indicators_count_only_weak_elements_and_the_first_done_action():
    result = pekppp.indicators(
        scores={"u1": Decimal("90"), "u8": Decimal("75.25"), "u9": Decimal("73.77")},
        actions=[
            ("u8", date(2019, 1, 10)),
            ("u8", date(2019, 1, 5)),
            ("u9", None),
            ("u1", date(2019, 1, 2)),  # not weak: not counted
        ],
        period_end=date(2018, 12, 31),
        channels=["website", "board", "website"],
    )
    assert result == pekppp.Indicators(
        weak=2,
        planned=2,
        followed_up=1,
        share_followed_up=Decimal("50.0"),
        mean_days=Decimal("5.0"),
        channels=("board", "website"),
        total_days=5,
    )


def _act(survey, order, by, owner, done_on=None):
    element = survey.element_set.elements.get(order=order)
    follow_up = follow_up_create(
        survey=survey,
        element=element,
        action=f"Perbaikan unsur {order}",
        owner=owner,
        due_on=date(2019, 3, 31),
        by=by,
    )
    if done_on:
        follow_up_update(
            follow_up=follow_up,
            status=FollowUp.Status.DONE,
            done_on=done_on,
            evidence="Notulen",
            by=by,
        )
    return follow_up


@pytest.fixture
def quarters(org, roles, surveys):
    head = roles.head_kecamatan
    owner = EmployeeFactory(unit=org.kecamatan)
    kec_q4 = surveys["kec"]  # elements 8 (75.25) and 9 (73.77) are weak
    _act(kec_q4, 8, head, owner, date(2019, 1, 10))
    _act(kec_q4, 8, head, owner, date(2019, 1, 5))
    _act(kec_q4, 9, head, owner)
    _act(kec_q4, 1, head, owner, date(2019, 1, 2))
    for channel, day in (("website", 3), ("board", 4), ("website", 9)):
        publication_create(
            survey=kec_q4, channel=channel, published_on=date(2019, 1, day), by=head
        )
    kec_q1 = report_survey(
        org.kecamatan,
        "2019Q1",
        total="83.00",
        scores=["80", "81", "82", "83", "84", "85", "86", "87", "79.5"],
    )
    _act(kec_q1, 9, head, owner, date(2019, 3, 20))  # within the quarter: 0 days
    # Kelurahan A 2018Q4 (computed): elements 2, 3, 5, 8, 9 below 76.61.
    _act(surveys["a"], 3, head, roles.staff_a.employee, date(2019, 2, 9))
    return kec_q4, kec_q1


def test_pekppp_indicators_equal_the_hand_computed_fixture(quarters, surveys):
    kec_q4, kec_q1 = quarters
    facts = follow_up_indicators([kec_q4, kec_q1, surveys["a"], surveys["b"]])
    q4 = facts[kec_q4.pk].indicators
    assert (q4.weak, q4.planned, q4.followed_up) == (2, 2, 1)
    assert (q4.share_followed_up, q4.mean_days) == (Decimal("50.0"), Decimal("5.0"))
    assert q4.channels == ("board", "website")
    q1 = facts[kec_q1.pk].indicators
    assert (q1.weak, q1.followed_up, q1.share_followed_up, q1.mean_days) == (
        1,
        1,
        Decimal("100.0"),
        Decimal("0.0"),
    )
    assert q1.channels == ()
    assert [r.element.order for r in facts[kec_q1.pk].weak] == [9]
    a = facts[surveys["a"].pk]
    assert [r.element.order for r in a.weak] == [2, 3, 5, 8, 9]
    assert (a.indicators.share_followed_up, a.indicators.mean_days) == (
        Decimal("20.0"),
        Decimal("40.0"),
    )
    # 2018Q4 over the three units: 2 of 8 weak elements, (5 + 40) / 2 days.
    totals = pekppp.totals(
        facts[s.pk].indicators for s in (kec_q4, surveys["a"], surveys["b"])
    )
    assert totals == pekppp.Totals(
        surveys=3,
        published=1,
        weak=8,
        followed_up=2,
        share_followed_up=Decimal("25.0"),
        mean_days=Decimal("22.5"),
    )


def test_overview_page_shows_the_quarters_totals(quarters, roles, login):
    body = login(roles.bpsdm).get("/ikm/tindak-lanjut/?period=2018Q4").content.decode()
    assert "2 dari 8 unsur lemah sudah ditindaklanjuti (25,0 %)" in body
    assert "rata-rata 22,5 hari" in body
    q1 = login(roles.bpsdm).get("/ikm/tindak-lanjut/?period=2019Q1").content.decode()
    assert "1 dari 1 unsur lemah sudah ditindaklanjuti (100,0 %)" in q1
    # A head of kelurahan B sees only his unit's survey.
    other = login(roles.head_b).get("/ikm/tindak-lanjut/?period=2018Q4")
    assert "0 dari 1 unsur lemah" in other.content.decode()


def test_follow_up_page_writes_are_the_heads_and_scoped(org, roles, login, surveys):
    survey = surveys["a"]
    url = f"/ikm/unit/{org.kel_a.pk}/{survey.period}/tindak-lanjut/"
    element = survey.element_set.elements.get(order=8)
    owner = roles.staff_a.employee
    data = {
        "element": element.pk,
        "action": "Pelatihan komunikasi petugas loket",
        "owner": owner.pk,
        "due_on": "2019-02-28",
        "staff_behaviour": "on",
    }
    assert login(roles.staff_a).get(url).status_code == 200
    assert login(roles.staff_a).post(url, data).status_code == 403
    assert login(roles.head_b).get(url).status_code == 404
    outsider = EmployeeFactory(unit=org.kel_b)
    # Someone of another unit cannot be chosen (the field offers the unit's people).
    refused = login(roles.bpsdm).post(url, {**data, "owner": outsider.pk})
    assert refused.status_code == 200
    assert not FollowUp.objects.exists()
    assert login(roles.head_a).post(url, data).status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.owner, follow_up.staff_behaviour) == (owner, True)
    status_url = f"{url}{follow_up.pk}/status/"
    bad = login(roles.head_a).post(status_url, {"status": "done"}, follow=True)
    assert "Isi tanggal selesai" in bad.content.decode()
    login(roles.head_a).post(
        status_url, {"status": "done", "done_on": "2019-01-15", "evidence": "Daftar"}
    )
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.done_on) == ("done", date(2019, 1, 15))
    page = login(roles.head_a).get(url).content.decode()
    assert "Pelatihan komunikasi petugas loket" in page
    pub = f"/ikm/unit/{org.kel_a.pk}/{survey.period}/publikasi/"
    login(roles.head_a).post(pub, {"channel": "website", "published_on": "2019-01-20"})
    assert survey.publications.count() == 1
    assert login(roles.head_b).post(pub, {"channel": "website"}).status_code == 404


def test_an_owner_outside_the_unit_is_refused_with_a_message(org, roles, surveys):
    from django.core.exceptions import ValidationError

    survey = surveys["a"]
    with pytest.raises(ValidationError) as error:
        follow_up_create(
            survey=survey,
            element=survey.element_set.elements.get(order=8),
            action="x",
            owner=EmployeeFactory(unit=org.kel_b),
            due_on=date(2019, 3, 1),
            by=roles.bpsdm,
        )
    assert error.value.messages == [
        "Penanggung jawab harus pegawai unit ini atau unit di bawahnya."
    ]


def test_reminders_go_to_the_owner_before_and_the_heads_after_the_due_date(
    org, roles, surveys
):
    from notices.models import Notice
    from surveys.followups import follow_ups_remind

    survey = surveys["a"]
    owner = roles.staff_a.employee
    soon = follow_up_create(
        survey=survey,
        element=survey.element_set.elements.get(order=8),
        action="Briefing tentang antrean",
        owner=owner,
        due_on=date(2019, 1, 12),
        by=roles.head_a,
    )
    late = follow_up_create(
        survey=survey,
        element=survey.element_set.elements.get(order=9),
        action="Perbaiki papan informasi",
        owner=owner,
        due_on=date(2019, 1, 5),
        by=roles.head_a,
    )
    far = follow_up_create(
        survey=survey,
        element=survey.element_set.elements.get(order=3),
        action="Nanti",
        owner=owner,
        due_on=date(2019, 3, 1),
        by=roles.head_a,
    )
    today = date(2019, 1, 10)
    written = follow_ups_remind(today=today)
    assert follow_ups_remind(today=today) == 0  # idempotent
    due = Notice.objects.filter(kind="ikm.follow_up_due")
    assert [(n.recipient, n.dedupe_key) for n in due] == [
        (roles.staff_a, f"ikm-follow-up-due:{soon.pk}:2019-01-12")
    ]
    overdue = Notice.objects.filter(kind="ikm.follow_up_overdue")
    assert {n.recipient for n in overdue} == {roles.head_a, roles.head_kecamatan}
    assert written == 1 + overdue.count()
    assert not Notice.objects.filter(dedupe_key__contains=f":{far.pk}:").exists()
    assert all(str(late.pk) in n.dedupe_key for n in overdue)
