"""Item analysis: the pure figures, and the stored analysis of a round, against
values computed by hand from their definitions (deviations from the mean), not
from the sums the code uses."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.item_analysis import ItemSums, cronbach_alpha, item_stats
from assessments.models import Answer, Attempt, ItemOption
from assessments.services.analysis import item_analysis_refresh
from assessments.tests.factories import (
    ItemFactory,
    LikertItemFactory,
    open_window,
    published_instrument,
)
from people.tests.factories import EmployeeFactory
from sosiokultural.rounding import round_half_up

D = Decimal


def test_facility_discrimination_and_flags_from_sums():
    # Scores 5, 4, 3, 2, 1 against rests 9, 7, 6, 4, 4 (hand: r = 13 / √180).
    sums = ItemSums(
        n=5,
        sum_x=15,
        at_best=1,
        low=1,
        high=5,
        c_n=5,
        c_sum_x=15,
        c_sum_x2=55,
        c_sum_t=45,
        c_sum_t2=459,
        c_sum_xt=158,
    )
    stats = item_stats(sums)
    assert (stats.mean, stats.facility, stats.discrimination) == (
        D("3.000"),
        D("0.500"),
        D("0.969"),
    )
    assert not stats.flagged


def test_undefined_figures_are_none():
    one = ItemSums(n=1, sum_x=5, at_best=1, low=1, high=5, c_n=1, c_sum_x=5)
    stats = item_stats(one)
    assert stats.discrimination is None and stats.everyone_best
    assert cronbach_alpha(n=1, item_sums=[one, one], sum_t=10, sum_t2=100) is None
    assert cronbach_alpha(n=5, item_sums=[one], sum_t=10, sum_t2=100) is None
    assert round_half_up(D("0.0005"), 3) == D("0.001")


@pytest.fixture
def round_answered(roles, dims):
    """Six respondents: R1–R5 answer everything, R6 only item A, R7 started but
    did not submit (never counted)."""
    d1, d2, d3 = (
        dims["keragaman-budaya"],
        dims["jejaring-sosial"],
        dims["empati-sosial"],
    )
    a, b, c = (LikertItemFactory(dimension=d1) for __ in range(3))
    s = ItemFactory(dimension=d2, options=[1, 2, 5, 3])
    t = LikertItemFactory(dimension=d2)
    f = LikertItemFactory(dimension=d3)
    g = LikertItemFactory(dimension=d3, reverse_keyed=True)
    items = [a, b, c, s, t, f, g]
    instrument = published_instrument(items, by=roles.bpsdm)
    people = [EmployeeFactory(unit=roles.staff_a.employee.unit) for __ in range(7)]
    window = open_window(instrument, people, by=roles.bpsdm)
    # Stored values (for s the option order; g is reverse-keyed: score 6 − value).
    table = [
        {a: 5, b: 4, c: 5, s: 1, t: 5, f: 1, g: 1},
        {a: 4, b: 4, c: 3, s: 2, t: 5, f: 2, g: 2},
        {a: 3, b: 2, c: 4, s: 4, t: 5, f: 3, g: 3},
        {a: 2, b: 3, c: 1, s: 2, t: 5, f: 4, g: 4},
        {a: 1, b: 2, c: 2, s: 1, t: 5, f: 5, g: 4},
        {a: 5},
        {a: 1, b: 1, c: 1},
    ]
    options = {o.order: o for o in ItemOption.objects.filter(item=s)}
    for person, answers in zip(people, table, strict=True):
        attempt = Attempt.objects.get(window=window, employee=person)
        Answer.objects.bulk_create(
            Answer(
                attempt=attempt,
                item=item,
                value=value,
                option=options[value] if item == s else None,
            )
            for item, value in answers.items()
        )
        now = timezone.now()
        clock = {"started_at": now, "deadline": now + timedelta(minutes=30)}
        if person == people[-1]:
            Attempt.objects.filter(pk=attempt.pk).update(status="started", **clock)
        else:
            Attempt.objects.filter(pk=attempt.pk).update(
                status="submitted", submitted_at=now, **clock
            )
    return instrument, items


def test_stored_analysis_equals_hand_computed_values(round_answered):
    instrument, (a, b, c, s, t, f, g) = round_answered
    analysis = item_analysis_refresh(instrument=instrument)
    assert analysis.respondents == 6
    stats = {row.item_id: row for row in analysis.items.all()}
    figures = {
        item: (
            stats[item.pk].respondents,
            stats[item.pk].facility,
            stats[item.pk].discrimination,
        )
        for item in (a, b, c, s, t, f, g)
    }
    assert figures == {
        a: (6, D("0.583"), D("0.969")),  # mean 20/6; r = 13/√180
        b: (5, D("0.500"), D("0.583")),  # r = 7/12
        c: (5, D("0.500"), D("0.645")),  # r = 10/√240
        s: (5, D("0.200"), None),  # the rest (t) has no variance
        t: (5, D("1.000"), None),
        f: (5, D("0.500"), D("-0.970")),  # r = −8/√68
        g: (5, D("0.550"), D("-0.970")),
    }
    flags = {
        item: (
            stats[item.pk].everyone_best,
            stats[item.pk].nobody_best,
            stats[item.pk].negative,
        )
        for item in (a, s, t, f, g)
    }
    assert flags == {
        a: (False, False, False),
        s: (False, True, False),  # nobody chose the option keyed 5
        t: (True, False, False),
        f: (False, False, True),
        g: (False, False, True),
    }
    assert stats[s.pk].choices == [
        ["Pilihan 1", 2],
        ["Pilihan 2", 2],
        ["Pilihan 3", 0],
        ["Pilihan 4", 1],
    ]
    assert stats[a.pk].choices == [["1", 1], ["2", 1], ["3", 1], ["4", 1], ["5", 2]]
    scales = {
        row.dimension_id: (row.items, row.respondents, row.alpha)
        for row in analysis.scales.all()
    }
    assert scales == {
        a.dimension_id: (3, 5, D("0.833")),  # 3/2 · (1 − 6/13.5)
        s.dimension_id: (2, 5, D("0.000")),  # 2 · (1 − 0.7/0.7)
        f.dimension_id: (2, 5, D("-40.000")),  # 2 · (1 − 4.2/0.2)
    }


def test_refresh_replaces_the_stored_rows(round_answered):
    instrument, items = round_answered
    first = item_analysis_refresh(instrument=instrument)
    again = item_analysis_refresh(instrument=instrument)
    assert first.pk == again.pk
    assert again.items.count() == len(items)
    assert again.scales.count() == 3


def test_analysis_page_reads_the_stored_figures_and_bpsdm_recomputes(
    round_answered, roles, login, django_capture_on_commit_callbacks
):
    instrument, (a, *__) = round_answered
    url = f"/uji/instrumen/{instrument.pk}/analisis/"
    client = login(roles.bpsdm)
    assert "Belum ada analisis" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)  # the task runs in-process here
    assert response.status_code == 302
    page = client.get(url).text
    assert "6 peserta yang menyerahkan" in page
    assert "0,583" in page and "0,969" in page
    assert login(roles.head_a).get(url).status_code == 403
    assert login(roles.staff_a).post(url).status_code == 403


def test_releasing_a_round_queues_one_recomputation_per_instrument(
    round_answered, django_capture_on_commit_callbacks
):
    from assessments.models import ItemAnalysis
    from assessments.services.release import item_analysis_queue

    instrument, __ = round_answered
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        item_analysis_queue(instrument_ids=[instrument.pk, instrument.pk])
    assert len(callbacks) == 1
    assert ItemAnalysis.objects.get(instrument=instrument).respondents == 6


def test_a_lost_refresh_is_caught_up_by_the_sweep(round_answered, monkeypatch):
    from assessments import tasks
    from assessments.services.analysis import item_analyses_stale
    from assessments.services.release import item_analysis_publish

    instrument, __ = round_answered

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(tasks.item_analysis_refresh, "apply_async", broker_down)
    assert item_analysis_publish(instrument_id=instrument.pk) is False
    assert item_analyses_stale() == [instrument.pk]
    assert tasks.item_analysis_sweep() == 1
    assert item_analyses_stale() == []
    assert instrument.analysis.respondents == 6
