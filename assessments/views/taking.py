"""My tests and taking a test (the employee themself only)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.models import Attempt, InstrumentItem, Item
from assessments.pages import page_of, paginate
from assessments.selectors import attempt_get_for_taker, my_attempts
from assessments.services import (
    AttemptClosedError,
    answer_save,
    answers_save,
    attempt_start,
    attempt_submit,
)
from assessments.services.taking import attempt_is_expired


@login_required
def my_tests(request):
    now = timezone.now()
    attempts = list(my_attempts(request.user))
    return render(
        request,
        "assessments/my_tests.html",
        {"attempts": attempts, "now": now},
    )


def _finalise_if_expired(request, attempt: Attempt):
    """An attempt past its deadline is submitted on the next touch."""
    if attempt_is_expired(attempt):
        result = attempt_submit(attempt=attempt, auto=True)
        messages.info(
            request,
            _("Waktu habis: jawaban yang tersimpan telah diserahkan otomatis."),
        )
        return result
    return None


def _result_url(attempt: Attempt) -> str:
    return reverse("assessments:result_detail", args=[attempt.result.pk])


@login_required
def take(request, pk: int):
    attempt = attempt_get_for_taker(request.user, pk)
    if attempt.status == Attempt.Status.SUBMITTED:
        return redirect(_result_url(attempt))
    if attempt_is_expired(attempt):
        # A GET changes nothing (a prefetching browser or a link preview must not
        # submit a test): the submission is a POST, or the beat task's.
        return render(request, "assessments/take_expired.html", {"attempt": attempt})
    window = attempt.window
    instrument = window.instrument
    if attempt.status == Attempt.Status.ASSIGNED:
        now = timezone.now()
        return render(
            request,
            "assessments/take_start.html",
            {
                "attempt": attempt,
                "window": window,
                "instrument": instrument,
                "is_open": window.opens_at <= now < window.closes_at,
                "not_yet": now < window.opens_at,
            },
        )
    rows = list(
        InstrumentItem.objects.filter(instrument=instrument)
        .select_related("item__dimension")
        .prefetch_related("item__options")
        .order_by("order")
    )
    answers = dict(attempt.answers.values_list("item_id", "value"))
    pages = paginate([row.item.dimension_id or row.item.trait for row in rows])
    questions = [
        Question(
            number=row.order,
            item=row.item,
            answer=answers.get(row.item_id),
            page=page_of(pages, index),
        )
        for index, row in enumerate(rows)
    ]
    requested = request.GET.get("hal", "")
    review = requested == REVIEW or not pages
    current = _page_number(requested, default=attempt.last_page, count=len(pages))
    on_page = [] if review else [questions[i] for i in pages[current - 1]]
    answered = sum(1 for q in questions if q.answer is not None)
    remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
    return render(
        request,
        "assessments/take.html",
        {
            "attempt": attempt,
            "instrument": instrument,
            "questions": questions,
            "on_page": on_page,
            "review": review,
            "page_number": current,
            "page_count": len(pages),
            "section": ", ".join(
                dict.fromkeys(_section_label(q.item) for q in on_page)
            ),
            "answered": answered,
            "unanswered": [q for q in questions if q.answer is None],
            "total": len(questions),
            "percent": answered * 100 // len(questions) if questions else 0,
            "remaining": remaining,
            "scale": _scale(),
        },
    )


REVIEW = "tinjau"


@dataclass(frozen=True)
class Question:
    number: int
    item: Item
    answer: int | None
    page: int


def _page_number(value: str, *, default: int, count: int) -> int:
    number = _int(value)
    if number is None:
        number = default
    return min(max(1, number), max(1, count))


def _section_label(item: Item) -> str:
    if item.dimension_id:
        return item.dimension.label
    return _("Profil kepribadian")


def _scale() -> list[tuple[int, str]]:
    return [
        (1, _("Sangat tidak setuju")),
        (2, _("Tidak setuju")),
        (3, _("Ragu-ragu")),
        (4, _("Setuju")),
        (5, _("Sangat setuju")),
    ]


@login_required
@require_POST
def start(request, pk: int):
    attempt = attempt_get_for_taker(request.user, pk)
    try:
        attempt_start(attempt=attempt)
    except AttemptClosedError as error:
        messages.error(request, error.messages[0])
    return redirect("assessments:take", pk=attempt.pk)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
@require_POST
def answer(request, pk: int):
    """Autosave of one answer (htmx): a status fragment for the aria-live region."""
    attempt = attempt_get_for_taker(request.user, pk)
    item_id = _int(request.POST.get("item"))
    value = _int(request.POST.get(f"item-{item_id}"))
    context = {"item_id": item_id, "saved_at": None, "error": None}
    if item_id is None or value is None:
        context["error"] = _("Jawaban tidak terbaca; pilih lagi.")
    else:
        try:
            answer_save(attempt=attempt, item_id=item_id, value=value)
            context["saved_at"] = timezone.localtime()
        except AttemptClosedError as error:
            context["error"] = error.messages[0]
            attempt.refresh_from_db()
            _finalise_if_expired(request, attempt)
            attempt.refresh_from_db()
            if attempt.status == Attempt.Status.SUBMITTED:
                response = render(request, "assessments/take.html#saved", context)
                # htmx follows this header: the page moves to the result.
                response["HX-Redirect"] = _result_url(attempt)
                return response
        except ValidationError as error:
            context["error"] = error.messages[0]
    return render(request, "assessments/take.html#saved", context)


def _posted_answers(request) -> dict[int, int]:
    answers = {}
    for key, value in request.POST.items():
        if key.startswith("item-"):
            item_id, number = _int(key[5:]), _int(value)
            if item_id is not None and number is not None:
                answers[item_id] = number
    return answers


@login_required
@require_POST
def page_save(request, pk: int):
    """Save the answers of the page shown and go where the taker asked: the
    previous or next page, a question's page, or the review. Nothing is lost
    when autosave did not reach the server."""
    attempt = attempt_get_for_taker(request.user, pk)
    page = _int(request.POST.get("page")) or 1
    target = request.POST.get("goto", "")
    number, __, question = target.partition(".")
    going_to = _int(number) or page
    try:
        # The page to resume at is the one the taker goes to.
        answers_save(attempt=attempt, answers=_posted_answers(request), page=going_to)
    except AttemptClosedError as error:
        attempt.refresh_from_db()
        _finalise_if_expired(request, attempt)
        if attempt.status == Attempt.Status.SUBMITTED or attempt_is_expired(attempt):
            attempt.refresh_from_db()
            return redirect(_result_url(attempt))
        messages.error(request, error.messages[0])
        return redirect("assessments:take", pk=attempt.pk)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        target, going_to, question = "", page, ""
    url = reverse("assessments:take", args=[attempt.pk])
    if target == REVIEW:
        return redirect(f"{url}?hal={REVIEW}")
    anchor = f"#soal-{_int(question)}" if _int(question) else ""
    return redirect(f"{url}?hal={going_to}{anchor}")


@login_required
@require_POST
def submit(request, pk: int):
    """Final submission: idempotent (a double click or a retry lands on the same
    result). The form carries every answer, saved first while time remains."""
    attempt = attempt_get_for_taker(request.user, pk)
    try:
        result = attempt_submit(attempt=attempt, answers=_posted_answers(request))
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("assessments:take", pk=attempt.pk)
    messages.success(request, _("Jawaban Anda telah diserahkan."))
    return redirect("assessments:result_detail", pk=result.pk)
