from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.models import (
    Answer,
    Attempt,
    Instrument,
    Item,
    LatestLevel,
    Rescore,
    Result,
)
from assessments.selectors import latest_levels, level_history
from assessments.services import (
    AttemptClosedError,
    InstrumentFrozenError,
    answer_save,
    attempt_start,
    attempt_submit,
    attempts_finalise_expired,
    instrument_publish,
    instrument_revise,
    instrument_set_items,
    instrument_set_thresholds,
    instrument_update,
    item_revise,
    item_update,
    result_release,
    result_rescore,
    supervisor_ratings_set,
    window_create,
)
from assessments.services.bank import OptionData
from assessments.tests.factories import ItemFactory, open_window, published_instrument
from competencies.models import RequiredLevel
from notices.models import Notice
from people.tests.factories import EmployeeFactory

D = Decimal


def _answer_all(attempt, value):
    for item in attempt.window.instrument.items.all():
        answer_save(attempt=attempt, item_id=item.pk, value=value)


# -- instruments -----------------------------------------------------------------------


def test_instrument_published_version_is_frozen(instrument, items, dims):
    with pytest.raises(InstrumentFrozenError):
        instrument_update(
            instrument=instrument, name="Lain", time_limit_minutes=10, test_weight=50
        )
    with pytest.raises(InstrumentFrozenError):
        instrument_set_items(instrument=instrument, items=items[:1])
    cuts = (D("2"), D("3"), D("4"), D("4.5"))
    with pytest.raises(InstrumentFrozenError):
        instrument_set_thresholds(
            instrument=instrument, cuts={dims["empati-sosial"].pk: cuts}
        )
    instrument.refresh_from_db()
    assert instrument.name == "Uji kompetensi sosiokultural"
    assert instrument.instrument_items.count() == len(items)


def test_instrument_revise_makes_one_new_draft_copy(instrument, roles):
    draft = instrument_revise(instrument=instrument, by=roles.bpsdm)
    again = instrument_revise(instrument=instrument, by=roles.bpsdm)
    assert draft == again
    assert (draft.code, draft.version, draft.status) == ("uji", 2, "draft")
    assert draft.previous == instrument
    assert list(draft.items.order_by("pk")) == list(instrument.items.order_by("pk"))
    assert draft.thresholds.count() == 6
    instrument_update(
        instrument=draft, name="Versi 2", time_limit_minutes=20, test_weight=60
    )
    draft.refresh_from_db()
    assert (draft.test_weight, draft.supervisor_weight) == (60, 40)
    instrument.refresh_from_db()
    assert (instrument.name, instrument.test_weight) == (
        "Uji kompetensi sosiokultural",
        70,
    )


def test_instrument_publish_refuses_without_items(roles, framework):
    from assessments.services import instrument_create

    draft = instrument_create(code="kosong", name="Kosong", time_limit_minutes=5)
    with pytest.raises(ValidationError) as error:
        instrument_publish(instrument=draft)
    assert "Instrumen belum memiliki butir kompetensi." in error.value.messages
    draft.refresh_from_db()
    assert draft.status == Instrument.Status.DRAFT


def test_instrument_thresholds_validated(roles, framework, dims):
    from assessments.services import instrument_create

    draft = instrument_create(code="ambang", name="Ambang", time_limit_minutes=5)
    with pytest.raises(ValidationError):
        instrument_set_thresholds(
            instrument=draft,
            cuts={dims["empati-sosial"].pk: (D("3"), D("2"), D("4"), D("5"))},
        )
    instrument_set_thresholds(
        instrument=draft,
        cuts={dims["empati-sosial"].pk: (D("2"), D("2.5"), D("3"), D("4"))},
    )
    threshold = draft.thresholds.get(dimension=dims["empati-sosial"])
    assert threshold.cuts == (D("2.00"), D("2.50"), D("3.00"), D("4.00"))


def test_item_used_by_published_instrument_cannot_be_edited(instrument, items):
    item = items[0]
    options = [OptionData(text=f"P{n}", score=n) for n in range(1, 6)]
    with pytest.raises(InstrumentFrozenError):
        item_update(item=item, stem="Baru", dimension=item.dimension, options=options)
    new = item_revise(item=item, stem="Baru", dimension=item.dimension, options=options)
    item.refresh_from_db()
    assert (new.code, new.replaces, new.stem) == (f"{item.code}-r2", item, "Baru")
    assert item.is_active is False
    assert instrument.items.filter(pk=item.pk).exists()


def test_item_situational_needs_four_or_five_options(dims):
    from assessments.services import item_create

    with pytest.raises(ValidationError) as error:
        item_create(
            code="x",
            kind=Item.Kind.SITUATIONAL,
            stem="S",
            dimension=dims["empati-sosial"],
            options=[OptionData(text="a", score=1)] * 3,
        )
    assert error.value.message_dict["options"] == [
        "Butir situasional memerlukan 4–5 pilihan."
    ]


# -- windows and taking --------------------------------------------------------------


def test_window_head_cannot_schedule_outside_subtree(instrument, roles):
    with pytest.raises(ValidationError) as error:
        open_window(instrument, [roles.staff_b.employee], by=roles.head_a)
    assert "di luar cakupan" in error.value.messages[0]
    window = open_window(instrument, [roles.staff_a.employee], by=roles.head_a)
    assert window.unit == roles.head_a.employee.unit
    assert window.attempts.count() == 1


def test_window_needs_published_instrument(roles, framework, items):
    from assessments.services import instrument_create

    draft = instrument_create(code="draf", name="Draf", time_limit_minutes=5)
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        window_create(
            instrument=draft,
            title="X",
            opens_at=now,
            closes_at=now - timedelta(hours=1),
            employees=[roles.staff_a.employee],
            by=roles.bpsdm,
        )
    assert set(error.value.message_dict) == {"instrument", "closes_at"}


def test_attempt_start_sets_server_deadline(attempt_a):
    now = timezone.now()
    attempt = attempt_start(attempt=attempt_a, now=now)
    assert attempt.status == Attempt.Status.STARTED
    assert attempt.deadline == now + timedelta(minutes=30)
    again = attempt_start(attempt=attempt, now=now + timedelta(minutes=5))
    assert again.started_at == now


def test_attempt_deadline_capped_by_window_close(instrument, roles):
    window = open_window(
        instrument, [roles.staff_a.employee], by=roles.bpsdm, hours=0.25
    )
    attempt = attempt_start(attempt=window.attempts.get())
    assert attempt.deadline == window.closes_at


def test_answer_saved_and_changed_server_side(attempt_a, items):
    attempt_start(attempt=attempt_a)
    answer_save(attempt=attempt_a, item_id=items[0].pk, value=2)
    answer_save(attempt=attempt_a, item_id=items[0].pk, value=4)
    answer = Answer.objects.get(attempt=attempt_a, item=items[0])
    assert (answer.value, answer.option.score) == (4, 4)


def test_answer_refused_after_deadline(attempt_a, items):
    now = timezone.now()
    attempt_start(attempt=attempt_a, now=now)
    with pytest.raises(AttemptClosedError):
        answer_save(
            attempt=attempt_a,
            item_id=items[0].pk,
            value=3,
            now=now + timedelta(minutes=30, seconds=1),
        )
    assert not Answer.objects.filter(attempt=attempt_a).exists()


def test_answer_refused_for_foreign_item_or_bad_value(attempt_a, items, dims):
    attempt_start(attempt=attempt_a)
    other = ItemFactory(dimension=dims["empati-sosial"])
    with pytest.raises(ValidationError):
        answer_save(attempt=attempt_a, item_id=other.pk, value=3)
    with pytest.raises(ValidationError):
        answer_save(attempt=attempt_a, item_id=items[0].pk, value=6)


def test_submit_is_idempotent(attempt_a):
    attempt_start(attempt=attempt_a)
    _answer_all(attempt_a, 4)
    first = attempt_submit(attempt=attempt_a)
    second = attempt_submit(attempt=attempt_a)
    assert first.pk == second.pk
    assert Result.objects.filter(attempt=attempt_a).count() == 1
    with pytest.raises(AttemptClosedError):
        answer_save(
            attempt=attempt_a, item_id=first.instrument.items.first().pk, value=1
        )


def test_result_is_unique_per_attempt_in_the_database(attempt_a):
    attempt_start(attempt=attempt_a)
    result = attempt_submit(attempt=attempt_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Result.objects.create(
            attempt=attempt_a,
            employee_id=result.employee_id,
            instrument=result.instrument,
            assessed_on=result.assessed_on,
            scored_at=timezone.now(),
        )


def test_submit_scores_per_dimension_and_personality(attempt_a, dims, items):
    attempt_start(attempt=attempt_a)
    _answer_all(attempt_a, 4)  # reverse-keyed Likert on conflict: 6 − 4 = 2
    result = attempt_submit(attempt=attempt_a)
    levels = {
        r.dimension.code: (r.test_score, r.level)
        for r in result.dimension_results.all()
    }
    assert levels["empati-sosial"] == (D("4.00"), 4)
    assert levels["manajemen-konflik"] == (D("3.00"), 3)  # (4 + 2) / 2
    assert list(result.personality_scores.values_list("trait", "score")) == [
        ("stabilitas-emosi", D("4.00"))
    ]
    assert result.status == Result.Status.SCORED
    assert result.assessed_on == timezone.localdate()


def test_submit_saves_final_form_answers_in_time(attempt_a, items):
    attempt_start(attempt=attempt_a)
    result = attempt_submit(attempt=attempt_a, answers={items[0].pk: 5})
    assert result.dimension_results.get(dimension=items[0].dimension).level == 5


def test_expired_attempt_finalised_automatically(attempt_a, items):
    now = timezone.now()
    attempt_start(attempt=attempt_a, now=now)
    answer_save(attempt=attempt_a, item_id=items[0].pk, value=3, now=now)
    assert attempts_finalise_expired(now=now + timedelta(minutes=29)) == 0
    assert attempts_finalise_expired(now=now + timedelta(minutes=31)) == 1
    attempt_a.refresh_from_db()
    assert attempt_a.status == Attempt.Status.SUBMITTED
    assert attempt_a.auto_submitted is True
    assert attempt_a.submitted_at == attempt_a.deadline
    # Every dimension of the instrument has a row; only the answered one a level.
    rows = attempt_a.result.dimension_results
    assert rows.count() == 6
    assert list(rows.filter(level__isnull=False).values_list("dimension", "level")) == [
        (items[0].dimension_id, 3)
    ]
    assert attempts_finalise_expired(now=now + timedelta(minutes=40)) == 0


def test_supervisor_rating_rescored_before_release(attempt_a, dims, roles):
    attempt_start(attempt=attempt_a)
    _answer_all(attempt_a, 2)
    result = attempt_submit(attempt=attempt_a)
    empathy = dims["empati-sosial"]
    supervisor_ratings_set(attempt=attempt_a, ratings={empathy.pk: 5}, by=roles.head_a)
    row = result.dimension_results.get(dimension=empathy)
    # 0.7 × 2.00 + 0.3 × 5 = 2.90 → level 3
    assert (row.test_score, row.supervisor_rating, row.score, row.level) == (
        D("2.00"),
        5,
        D("2.90"),
        3,
    )


# -- release, LatestLevel, notices, re-score ------------------------------------


def _released(attempt, value, by):
    attempt_start(attempt=attempt)
    _answer_all(attempt, value)
    result = attempt_submit(attempt=attempt)
    assert result_release(result=result, by=by) is True
    return result


def test_release_writes_latest_levels_and_notices(
    attempt_a, roles, dims, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = _released(attempt_a, 1, roles.bpsdm)
    employee = roles.staff_a.employee
    levels = latest_levels([employee.pk])
    assert levels[(employee.pk, dims["empati-sosial"].pk)] == 1
    assert len(levels) == 6
    recipients = set(
        Notice.objects.filter(kind="assessment_result").values_list(
            "recipient__username", "dedupe_key"
        )
    )
    # The employee, the kelurahan head and the kecamatan head (an ancestor unit).
    assert recipients == {
        ("staf.a", f"result:{result.pk}:user:{roles.staff_a.pk}"),
        ("kepala.a", f"result:{result.pk}:user:{roles.head_a.pk}"),
        ("kepala.kec", f"result:{result.pk}:user:{roles.head_kecamatan.pk}"),
    }
    assert len(mail.outbox) == 3  # eager delivery in ordinary tests


def test_release_twice_sends_nothing_more(attempt_a, roles):
    result = _released(attempt_a, 3, roles.bpsdm)
    assert result_release(result=result, by=roles.bpsdm) is False
    assert Notice.objects.count() == 3


def test_release_notice_body_has_gap_and_forms(attempt_a, roles, dims):
    RequiredLevel.objects.filter(
        position_type=roles.staff_a.employee.position_type
    ).update(level=3)
    _released(attempt_a, 1, roles.bpsdm)
    notice = Notice.objects.get(recipient=roles.staff_a)
    assert notice.subject == "Hasil uji kompetensi Anda telah dirilis"
    assert (
        "- Kepekaan Disabilitas: level 1; dipersyaratkan 3; kesenjangan 2"
        in notice.body
    )
    assert (
        "- Kepekaan Disabilitas — internal: Briefing; eksternal: Orientasi "
        "Pelayanan, Diklat Pelayanan bagi Penyandang Disabilitas" in notice.body
    )
    assert notice.link == f"/uji/hasil/{attempt_a.result.pk}/"
    head_notice = Notice.objects.get(recipient=roles.head_a)
    assert head_notice.subject == f"Hasil uji kompetensi: {attempt_a.employee.name}"


def test_release_without_login_notifies_heads_only(instrument, roles, org):
    employee = EmployeeFactory(unit=org.kel_a)
    window = open_window(instrument, [employee], by=roles.bpsdm)
    _released(window.attempts.get(), 3, roles.bpsdm)
    assert set(Notice.objects.values_list("recipient__username", flat=True)) == {
        "kepala.a",
        "kepala.kec",
    }


def test_latest_level_follows_latest_round(instrument, roles, dims):
    employee = roles.staff_a.employee
    first = open_window(instrument, [employee], by=roles.bpsdm)
    second = open_window(instrument, [employee], by=roles.bpsdm)
    older = _released(first.attempts.get(), 2, roles.bpsdm)
    newer = _released(second.attempts.get(), 5, roles.bpsdm)
    Result.objects.filter(pk=older.pk).update(
        assessed_on=newer.assessed_on - timedelta(days=180)
    )
    from assessments.services import latest_levels_refresh

    latest_levels_refresh(employee_id=employee.pk)
    row = LatestLevel.objects.get(employee=employee, dimension=dims["empati-sosial"])
    assert (row.level, row.result_id) == (5, newer.pk)
    history = [
        h for h in level_history([employee.pk]) if h[1] == dims["empati-sosial"].pk
    ]
    assert [(h[2], h[3]) for h in history] == [
        (newer.assessed_on - timedelta(days=180), 2),
        (newer.assessed_on, 5),
    ]


def test_rescore_audited_and_updates_latest_level(attempt_a, roles, dims):
    result = _released(attempt_a, 2, roles.bpsdm)
    empathy = dims["empati-sosial"]
    rescore = result_rescore(
        result=result,
        reason="Penilaian atasan terlambat dimasukkan",
        by=roles.bpsdm,
        ratings={empathy.pk: 5},
    )
    assert rescore.before["empati-sosial"] == {
        "test_score": "2.00",
        "supervisor_rating": None,
        "score": "2.00",
        "level": 2,
        "answered": 1,
        "items": 1,
    }
    assert rescore.after["empati-sosial"] == {
        "test_score": "2.00",
        "supervisor_rating": 5,
        "score": "2.90",
        "level": 3,
        "answered": 1,
        "items": 1,
    }
    assert rescore.rescored_by == roles.bpsdm
    result.refresh_from_db()
    assert result.revision == 1
    assert (
        latest_levels([attempt_a.employee_id])[(attempt_a.employee_id, empathy.pk)] == 3
    )
    assert Notice.objects.filter(kind="assessment_rescore").count() == 3
    assert Notice.objects.filter(
        dedupe_key=f"result:{result.pk}:rev:1:user:{roles.staff_a.pk}"
    ).exists()


def test_rescore_needs_reason_and_a_change(attempt_a, roles):
    result = _released(attempt_a, 2, roles.bpsdm)
    with pytest.raises(ValidationError):
        result_rescore(result=result, reason="  ", by=roles.bpsdm)
    with pytest.raises(ValidationError):
        result_rescore(result=result, reason="Cek", by=roles.bpsdm)
    assert not Rescore.objects.exists()


def test_rescore_with_corrected_version_thresholds(attempt_a, roles, dims, instrument):
    result = _released(attempt_a, 3, roles.bpsdm)
    draft = instrument_revise(instrument=instrument, by=roles.bpsdm)
    empathy = dims["empati-sosial"]
    instrument_set_thresholds(
        instrument=draft, cuts={empathy.pk: (D("1.5"), D("2"), D("2.5"), D("3"))}
    )
    instrument_publish(instrument=draft, by=roles.bpsdm)
    result_rescore(
        result=result, reason="Ambang dikoreksi", by=roles.bpsdm, instrument=draft
    )
    result.refresh_from_db()
    assert result.instrument == draft
    assert result.dimension_results.get(dimension=empathy).level == 5


def test_released_result_refuses_supervisor_rating(attempt_a, roles, dims):
    _released(attempt_a, 3, roles.bpsdm)
    with pytest.raises(ValidationError):
        supervisor_ratings_set(
            attempt=attempt_a, ratings={dims["empati-sosial"].pk: 5}, by=roles.head_a
        )


def test_published_instrument_builder(items, roles):
    instrument = published_instrument(items, code="kedua", by=roles.bpsdm)
    assert instrument.status == Instrument.Status.PUBLISHED


def test_release_and_rescore_are_audited(attempt_a, roles, dims):
    from audit.models import AuditEvent

    result = _released(attempt_a, 1, roles.bpsdm)
    event = AuditEvent.objects.get(action="result.release")
    assert (event.actor, event.target_id) == (roles.bpsdm, str(result.pk))
    assert event.before == {"status": "scored"}
    assert event.after["status"] == "released"
    assert set(event.after["dimensions"]) == set(dims)


def test_answers_save_writes_a_page_and_remembers_it(attempt_a, items):
    from assessments.services import answers_save

    attempt_start(attempt=attempt_a)
    saved = answers_save(
        attempt=attempt_a, answers={items[0].pk: 4, items[1].pk: 2}, page=2
    )
    attempt_a.refresh_from_db()
    assert (saved, attempt_a.last_page) == (2, 2)
    answers_save(attempt=attempt_a, answers={}, page=10**6)
    attempt_a.refresh_from_db()
    assert attempt_a.last_page == 1000
    with pytest.raises(ValidationError):
        answers_save(
            attempt=attempt_a, answers={items[2].pk: 3, items[0].pk: 9}, page=1
        )
    # The whole page is one transaction: nothing of a refused page is kept.
    assert dict(attempt_a.answers.values_list("item_id", "value")) == {
        items[0].pk: 4,
        items[1].pk: 2,
    }
    attempt_submit(attempt=attempt_a)
    with pytest.raises(AttemptClosedError):
        answers_save(attempt=attempt_a, answers={items[2].pk: 3}, page=1)
