"""Test windows, taking a test, and scoring an attempt.

The clock is the server's: ``deadline = min(started_at + time limit, closes_at)``.
Answers after the deadline are refused; an attempt past its deadline is
finalised the next time it is touched, or by the ``assessments.finalise_expired``
task. Submitting is idempotent: the attempt row is locked and moved
started → submitted once, and the result is one-to-one with the attempt.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import scoring
from assessments.models import (
    Answer,
    Attempt,
    DimensionResult,
    Instrument,
    Item,
    PersonalityScore,
    Result,
    SupervisorRating,
    TestWindow,
)
from assessments.permissions import RATE_ATTEMPT, SCHEDULE
from people.models import Employee, User
from people.permissions import check, is_head
from people.selectors import employee_scope_q, user_employee

MAX_PAGE = 1000


class AttemptClosedError(ValidationError):
    """The attempt no longer (or not yet) accepts answers."""


# -- windows ---------------------------------------------------------------------


def _employees_allowed(by: User, employees: Iterable[Employee]) -> list[Employee]:
    """Refuse employees outside the scheduler's scope (BPSDM: anyone; a head:
    their unit subtree)."""
    employees = list(employees)
    check(by, SCHEDULE, message=_("Hanya BPSDM atau kepala unit yang menjadwalkan."))
    ids = {e.pk for e in employees}
    allowed = set(
        Employee.objects.filter(employee_scope_q(by), pk__in=ids).values_list(
            "pk", flat=True
        )
    )
    outside = [e.name for e in employees if e.pk not in allowed]
    if outside:
        raise ValidationError(
            _("Pegawai di luar cakupan Anda: %(names)s")
            % {"names": ", ".join(sorted(outside))}
        )
    return employees


@transaction.atomic
def window_create(
    *,
    instrument: Instrument,
    title: str,
    opens_at: datetime,
    closes_at: datetime,
    employees: Iterable[Employee],
    by: User,
) -> TestWindow:
    employees = _employees_allowed(by, employees)
    errors: dict[str, list[str]] = {}
    if instrument.status != Instrument.Status.PUBLISHED:
        errors["instrument"] = [
            _("Hanya instrumen yang sudah terbit dapat dijadwalkan.")
        ]
    if closes_at <= opens_at:
        errors["closes_at"] = [_("Waktu tutup harus sesudah waktu buka.")]
    if not employees:
        errors["employees"] = [_("Pilih minimal satu pegawai.")]
    if errors:
        raise ValidationError(errors)
    head_employee = user_employee(by) if is_head(by) else None
    window = TestWindow.objects.create(
        instrument=instrument,
        title=title.strip(),
        opens_at=opens_at,
        closes_at=closes_at,
        unit=head_employee.unit if head_employee else None,
        created_by=by,
    )
    Attempt.objects.bulk_create(
        Attempt(window=window, employee=employee) for employee in employees
    )
    return window


@transaction.atomic
def window_assign(
    *, window: TestWindow, employees: Iterable[Employee], by: User
) -> int:
    """Add employees to a window (those already in it are kept as they are)."""
    employees = _employees_allowed(by, employees)
    if window.closes_at <= timezone.now():
        raise ValidationError(_("Jadwal uji sudah ditutup."))
    present = set(window.attempts.values_list("employee_id", flat=True))
    new = [Attempt(window=window, employee=e) for e in employees if e.pk not in present]
    Attempt.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


# -- taking ------------------------------------------------------------------------


def attempt_start(*, attempt: Attempt, now: datetime | None = None) -> Attempt:
    """Start the clock (once). Starting an attempt already started or submitted
    changes nothing."""
    now = now or timezone.now()
    window = attempt.window
    if attempt.status == Attempt.Status.ASSIGNED:
        if now < window.opens_at:
            raise AttemptClosedError(_("Jadwal uji belum dibuka."))
        if now >= window.closes_at:
            raise AttemptClosedError(_("Jadwal uji sudah ditutup."))
        limit = timedelta(minutes=window.instrument.time_limit_minutes)
        Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.ASSIGNED).update(
            status=Attempt.Status.STARTED,
            started_at=now,
            deadline=min(now + limit, window.closes_at),
        )
        attempt.refresh_from_db()
    return attempt


def attempt_is_expired(attempt: Attempt, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return attempt.status == Attempt.Status.STARTED and now >= attempt.deadline


def _answer_write(attempt: Attempt, item: Item, value: int) -> Answer:
    option = None
    if item.uses_options:
        option = item.options.filter(order=value).first()
        if option is None:
            raise ValidationError(_("Pilihan jawaban tidak dikenal."))
    elif not 1 <= value <= 5:
        raise ValidationError(_("Jawaban harus 1–5."))
    answer, __ = Answer.objects.update_or_create(
        attempt=attempt, item=item, defaults={"value": value, "option": option}
    )
    return answer


def _locked_open_attempt(attempt: Attempt, now: datetime) -> Attempt:
    locked = (
        Attempt.objects.select_for_update()
        .select_related("window__instrument")
        .get(pk=attempt.pk)
    )
    if locked.status == Attempt.Status.SUBMITTED:
        raise AttemptClosedError(_("Uji sudah diserahkan; jawaban tidak dapat diubah."))
    if locked.status == Attempt.Status.ASSIGNED:
        raise AttemptClosedError(_("Uji belum dimulai."))
    if now >= locked.deadline:
        raise AttemptClosedError(_("Waktu habis; jawaban tidak disimpan."))
    return locked


@transaction.atomic
def answer_save(
    *, attempt: Attempt, item_id: int, value: int, now: datetime | None = None
) -> Answer:
    """Save (or change) one answer. The attempt row is locked so an answer cannot
    slip in after a concurrent submit."""
    now = now or timezone.now()
    locked = _locked_open_attempt(attempt, now)
    item = locked.window.instrument.items.filter(pk=item_id).first()
    if item is None:
        raise ValidationError(_("Butir ini bukan bagian dari uji."))
    return _answer_write(locked, item, value)


@transaction.atomic
def answers_save(
    *,
    attempt: Attempt,
    answers: Mapping[int, int],
    page: int,
    now: datetime | None = None,
) -> int:
    """Save the answers of one page of the test ({item_id: value}) and remember
    the page to resume at; one lock for the whole page. Returns how many answers
    were written; items outside the test are refused."""
    now = now or timezone.now()
    locked = _locked_open_attempt(attempt, now)
    items = {
        i.pk: i for i in locked.window.instrument.items.filter(pk__in=list(answers))
    }
    unknown = set(answers) - set(items)
    if unknown:
        raise ValidationError(_("Butir ini bukan bagian dari uji."))
    for item_id, value in answers.items():
        _answer_write(locked, items[item_id], value)
    # Any number may be posted: keep it within the column (the page shown is
    # clamped to the test's pages when read).
    page = min(max(1, page), MAX_PAGE)
    Attempt.objects.filter(pk=locked.pk).exclude(last_page=page).update(last_page=page)
    return len(answers)


def attempt_submit(
    *,
    attempt: Attempt,
    answers: Mapping[int, int] | None = None,
    auto: bool = False,
    now: datetime | None = None,
) -> Result:
    """Finalise an attempt and score it: exactly once. A second call (double
    click, retry, a concurrent request) returns the same result.

    ``answers`` ({item_id: value}) are saved first while time remains: the final
    form carries every answer, so nothing is lost when an autosave did not reach
    the server."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Attempt.objects.select_for_update()
            .select_related("window__instrument")
            .get(pk=attempt.pk)
        )
        if locked.status == Attempt.Status.SUBMITTED:
            return Result.objects.get(attempt=locked)
        if locked.status == Attempt.Status.ASSIGNED:
            raise AttemptClosedError(_("Uji belum dimulai."))
        in_time = now < locked.deadline
        if answers and in_time:
            items = {i.pk: i for i in locked.window.instrument.items.all()}
            for item_id, value in answers.items():
                if item_id in items:
                    _answer_write(locked, items[item_id], value)
        updated = Attempt.objects.filter(
            pk=locked.pk, status=Attempt.Status.STARTED
        ).update(
            status=Attempt.Status.SUBMITTED,
            submitted_at=min(now, locked.deadline),
            auto_submitted=auto or not in_time,
        )
        if not updated:  # pragma: no cover - the row lock makes this unreachable
            return Result.objects.get(attempt=locked)
        locked.refresh_from_db()
        return _result_create(locked, now)


def attempts_finalise_expired(*, now: datetime | None = None) -> int:
    """Submit every started attempt whose deadline has passed."""
    now = now or timezone.now()
    expired = Attempt.objects.filter(status=Attempt.Status.STARTED, deadline__lte=now)
    count = 0
    for attempt in expired.iterator():
        attempt_submit(attempt=attempt, auto=True, now=now)
        count += 1
    return count


# -- scoring an attempt ---------------------------------------------------------------


def attempt_scoring(
    attempt: Attempt,
    instrument: Instrument,
    ratings: Mapping[int, int] | None = None,
) -> scoring.Scoring:
    """Score the saved answers of ``attempt`` with ``instrument``'s items,
    thresholds and weights (pure scoring in ``assessments.scoring``)."""
    if ratings is None:
        ratings = dict(attempt.supervisor_ratings.values_list("dimension_id", "rating"))
    item_ids = instrument.items.values_list("pk", flat=True)
    answers = [
        scoring.ScoredAnswer(
            points=a.option.score if a.item.uses_options else a.value,
            dimension_id=a.item.dimension_id,
            trait=a.item.trait,
            reverse_keyed=a.item.reverse_keyed,
        )
        for a in attempt.answers.filter(item_id__in=item_ids).select_related(
            "item", "option"
        )
    ]
    thresholds = list(instrument.thresholds.all())
    cuts = {t.dimension_id: t.cuts for t in thresholds}
    minimums = {t.dimension_id: t.min_answered for t in thresholds if t.min_answered}
    items = dict(
        instrument.items.filter(dimension__isnull=False)
        .order_by()
        .values_list("dimension_id")
        .annotate(n=Count("pk"))
    )
    weights = scoring.Weights(instrument.test_weight, instrument.supervisor_weight)
    return scoring.score_answers(
        answers,
        cuts=cuts,
        ratings=ratings,
        weights=weights,
        items=items,
        minimums=minimums,
        percent=instrument.min_answered_percent,
    )


def result_scores_write(result: Result, outcome: scoring.Scoring) -> None:
    result.dimension_results.all().delete()
    result.personality_scores.all().delete()
    DimensionResult.objects.bulk_create(
        DimensionResult(
            result=result,
            employee_id=result.employee_id,
            dimension_id=dimension_id,
            test_score=d.test_score,
            supervisor_rating=d.supervisor_rating,
            score=d.score,
            level=d.level,
            answered=d.answered,
            items=d.items,
            min_answered=d.min_answered,
        )
        for dimension_id, d in outcome.dimensions.items()
    )
    PersonalityScore.objects.bulk_create(
        PersonalityScore(result=result, trait=trait, score=value)
        for trait, value in outcome.personality.items()
    )


def _result_create(attempt: Attempt, now: datetime) -> Result:
    instrument = attempt.window.instrument
    result = Result.objects.create(
        attempt=attempt,
        employee_id=attempt.employee_id,
        instrument=instrument,
        assessed_on=timezone.localdate(attempt.submitted_at),
        scored_at=now,
    )
    result_scores_write(result, attempt_scoring(attempt, instrument))
    return result


@transaction.atomic
def result_recompute(*, result: Result) -> Result:
    """Score an unreleased result again (after a supervisor rating changed)."""
    result = Result.objects.select_for_update().get(pk=result.pk)
    if result.is_released:
        raise ValidationError(
            _("Hasil sudah dirilis; koreksi hanya melalui skor ulang.")
        )
    result_scores_write(result, attempt_scoring(result.attempt, result.instrument))
    Result.objects.filter(pk=result.pk).update(scored_at=timezone.now())
    return result


@transaction.atomic
def supervisor_ratings_set(
    *, attempt: Attempt, ratings: Mapping[int, int | None], by: User
) -> None:
    """Set the head's rating (1–5, or None to clear) per dimension id, before the
    result is released; an existing unreleased result is re-scored with it.
    Nobody rates their own attempt."""
    check(
        by,
        RATE_ATTEMPT,
        attempt,
        message=_("Penilaian atasan untuk diri sendiri diberikan oleh atasan Anda."),
    )
    result = Result.objects.select_for_update().filter(attempt=attempt).first()
    if result is not None and result.is_released:
        raise ValidationError(
            _(
                "Hasil sudah dirilis; penilaian atasan hanya dapat dikoreksi "
                "melalui skor ulang."
            )
        )
    ratings_write(attempt=attempt, ratings=ratings, by=by)
    if result is not None:
        result_recompute(result=result)


def ratings_write(
    *, attempt: Attempt, ratings: Mapping[int, int | None], by: User
) -> None:
    for dimension_id, rating in ratings.items():
        if rating is None:
            SupervisorRating.objects.filter(
                attempt=attempt, dimension_id=dimension_id
            ).delete()
            continue
        if not 1 <= rating <= 5:
            raise ValidationError(_("Penilaian atasan harus 1–5."))
        SupervisorRating.objects.update_or_create(
            attempt=attempt,
            dimension_id=dimension_id,
            defaults={"rating": rating, "rated_by": by},
        )
