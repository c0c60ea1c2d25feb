"""PEKPPP follow-up indicators against a fixture computed by hand (two quarters,
three units; the ``quarters`` fixture in ``conftest.py``), the rule's SQL form
against its pure form, and the pages that show them."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import F

from people.tests.factories import EmployeeFactory, UnitFactory
from sosiokultural.periods import Period
from surveys import pekppp
from surveys.followups import (
    follow_up_create,
    follow_up_indicators,
)
from surveys.models import FollowUp, Publication, Survey
from surveys.tests.factories import import_survey, report_survey

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
        total_days=45,
    )


def test_sql_totals_equal_the_hand_computed_fixture(
    quarters, surveys, django_assert_num_queries
):
    kec_q4, kec_q1 = quarters
    with django_assert_num_queries(3):
        q4 = pekppp.quarter_totals(Survey.objects.all(), Period(2018, 4))
    assert q4 == {
        None: pekppp.Totals(
            surveys=3,
            published=1,
            weak=8,
            followed_up=2,
            share_followed_up=Decimal("25.0"),
            mean_days=Decimal("22.5"),
            total_days=45,
        )
    }
    per_survey = pekppp.quarter_totals(
        Survey.objects.all(), Period(2018, 4), key=F("unit__code")
    )
    assert {
        code: (t.weak, t.followed_up, t.total_days, t.published)
        for code, t in per_survey.items()
    } == {
        "JB-KMB": (2, 1, 5, 1),
        "JB-KMB-MU": (5, 1, 40, 0),
        "JB-KMB-JG": (1, 0, 0, 0),  # nothing below 76.61: its lowest element
    }
    q1 = pekppp.quarter_totals(Survey.objects.all(), Period(2019, 1))[None]
    assert (q1.surveys, q1.weak, q1.followed_up, q1.mean_days) == (
        1,
        1,
        1,
        Decimal("0.0"),
    )
    # Three queries with no survey at all as well.
    with django_assert_num_queries(3):
        assert pekppp.quarter_totals(Survey.objects.all(), Period(2020, 1)) == {}
    assert pekppp.combine([]) == pekppp.Totals(0, 0, 0, 0, None, None, 0)


def _random_quarter(org, rng: random.Random, period: Period, units: int) -> None:
    """``units`` kelurahan with a survey of ``period`` each: computed ones from a
    few answers (so element scores tie often) and reported ones on a grid around
    the 76.61 bound (some with nothing below it), random actions (done before,
    on and after the quarter's end, or not done) and publications."""
    owner = EmployeeFactory(unit=org.kecamatan)
    end = period.end
    grid = ["60.00", "76.60", "76.61", "76.61", "80.00", "88.31", "90.00"]
    for n in range(units):
        unit = UnitFactory(code=f"RND-{n}", kind="kelurahan", parent=org.kecamatan)
        if n % 2:
            pool = grid[2:] if n % 4 == 1 else grid
            survey = report_survey(
                unit,
                str(period),
                total="80.00",
                scores=[rng.choice(pool) for __ in range(9)],
            )
        else:
            answers = [3, 4] if n % 4 == 0 else [1, 2, 3, 4]
            rows = [
                [rng.choice(answers) for __ in range(9)]
                for __ in range(rng.randint(1, 3))
            ]
            survey = import_survey(unit, str(period), rows=rows)
        elements = list(survey.element_set.elements.all())
        for __ in range(rng.randint(0, 6)):
            done = rng.random() < 0.6
            FollowUp.objects.create(
                survey=survey,
                element=rng.choice(elements),
                action="Perbaikan",
                owner=owner,
                due_on=end,
                status=FollowUp.Status.DONE if done else FollowUp.Status.PLANNED,
                done_on=end + timedelta(days=rng.randint(-20, 60)) if done else None,
                evidence="Notulen" if done else "",
            )
        for __ in range(rng.randint(0, 2)):
            Publication.objects.create(
                survey=survey,
                channel=rng.choice(Publication.Channel.values),
                published_on=end + timedelta(days=5),
            )


@pytest.mark.parametrize("seed", [29, 2022, 4])
def test_sql_totals_agree_with_the_pure_rule_on_random_quarters(org, seed):
    period = Period(2019, 2)
    _random_quarter(org, random.Random(seed), period, units=12)
    surveys = Survey.objects.filter(year=period.year, quarter=period.quarter)
    facts = follow_up_indicators(surveys)
    per_survey = pekppp.quarter_totals(Survey.objects.all(), period, key=F("pk"))
    assert per_survey == {
        pk: pekppp.totals([fact.indicators]) for pk, fact in facts.items()
    }
    assert pekppp.quarter_totals(Survey.objects.all(), period)[None] == pekppp.totals(
        fact.indicators for fact in facts.values()
    )


def test_sql_rounds_element_scores_half_up_as_the_pure_rule(org):
    """Scores are compared once rounded to 2 decimals, as the pages show them:
    76.605 is 76.61 (not weak), and 87.5025 ties with 87.50 (the first element
    in questionnaire order is the lowest). Thousands of answers make both
    possible; the totals are set directly."""
    from surveys.models import ElementTotal

    period = Period(2019, 3)
    owner = EmployeeFactory(unit=org.kel_a)
    bound = import_survey(org.kel_a, str(period), rows=[[4] * 9])
    tie = import_survey(org.kel_b, str(period), rows=[[4] * 9])
    for survey, values in (
        (bound, {1: (15321, 5000), 2: (14000, 5000)}),  # 76.605 → 76.61; 70.00
        (tie, {1: (35001, 10000), 2: (35000, 10000)}),  # 87.5025 → 87.50; 87.50
    ):
        for order, (total, answers) in values.items():
            ElementTotal.objects.filter(survey=survey, element__order=order).update(
                total=total, answers=answers
            )
        FollowUp.objects.create(
            survey=survey,
            element=survey.element_set.elements.get(order=1),
            action="Perbaikan",
            owner=owner,
            due_on=period.end,
            status=FollowUp.Status.DONE,
            done_on=period.end + timedelta(days=3),
            evidence="Notulen",
        )
    facts = follow_up_indicators([bound, tie])
    assert [r.element.order for r in facts[bound.pk].weak] == [2]
    assert [r.element.order for r in facts[tie.pk].weak] == [1]
    per_survey = pekppp.quarter_totals(Survey.objects.all(), period, key=F("pk"))
    assert (per_survey[bound.pk].weak, per_survey[bound.pk].followed_up) == (1, 0)
    assert (per_survey[tie.pk].weak, per_survey[tie.pk].followed_up) == (1, 1)
    assert per_survey[tie.pk].total_days == 3


def test_survey_detail_shows_its_quarters_indicators(quarters, org, roles, login):
    url = f"/ikm/unit/{org.kecamatan.pk}/2018Q4/"
    response = login(roles.head_kecamatan).get(url)
    facts = response.context["follow_up"]
    assert (facts.indicators.weak, facts.indicators.followed_up) == (2, 1)
    body = response.content.decode()
    assert "Tindak lanjut hasil (indikator PEKPPP), Triwulan 4 2018" in body
    assert "1 dari 2 (50,0 %)" in body
    assert '5,0 <span class="text-body-secondary">(5 hari ÷ 1 unsur)</span>' in body
    assert "2 saluran: Papan informasi di lokasi layanan, Situs web" in body
    assert f'href="/ikm/unit/{org.kecamatan.pk}/2018Q4/tindak-lanjut/"' in body
    # Kelurahan A's own quarter, as its staff see it: 1 of 5, 40 days.
    mine = login(roles.staff_a).get(f"/ikm/unit/{org.kel_a.pk}/2018Q4/")
    assert "1 dari 5 (20,0 %)" in mine.content.decode()
    assert "40,0" in mine.content.decode()
    # The head of kelurahan B sees neither the kecamatan nor kelurahan A.
    assert login(roles.head_b).get(url).status_code == 404
    assert (
        login(roles.head_b).get(f"/ikm/unit/{org.kel_a.pk}/2018Q4/").status_code == 404
    )


def test_survey_detail_queries_do_not_grow_with_actions(
    quarters, org, roles, login, django_assert_num_queries
):
    client = login(roles.head_kecamatan)
    url = f"/ikm/unit/{org.kecamatan.pk}/2018Q4/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    survey = quarters[0]
    owner = EmployeeFactory(unit=org.kecamatan)
    for order in range(1, 10):
        FollowUp.objects.create(
            survey=survey,
            element=survey.element_set.elements.get(order=order),
            action="Lagi",
            owner=owner,
            due_on=date(2019, 2, 1),
            status=FollowUp.Status.DONE,
            done_on=date(2019, 1, 20),
            evidence="Foto",
        )
        Publication.objects.create(
            survey=survey, channel="social", published_on=date(2019, 1, 9)
        )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["follow_up"].indicators.followed_up == 2


def test_overview_queries_do_not_grow_with_more_units(
    quarters, org, roles, login, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(roles.bpsdm)
    url = "/ikm/tindak-lanjut/?period=2019Q2"
    _random_quarter(org, random.Random(7), Period(2019, 2), units=2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _random_quarter(org, random.Random(8), Period(2019, 2), units=0)
    for n in range(8):
        unit = UnitFactory(code=f"MORE-{n}", kind="kelurahan", parent=org.kecamatan)
        report_survey(unit, "2019Q2")
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["totals"].surveys == 10
    assert len(response.context["page"].object_list) == 10


def test_overview_page_shows_the_quarters_totals(quarters, roles, login):
    body = login(roles.bpsdm).get("/ikm/tindak-lanjut/?period=2018Q4").content.decode()
    assert "2 dari 8 unsur lemah sudah ditindaklanjuti (25,0 %)" in body
    assert "rata-rata 22,5 hari" in body
    # Each survey's days with the sum and count behind them.
    assert "(5 hari ÷ 1 unsur)" in body and "(40 hari ÷ 1 unsur)" in body
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
