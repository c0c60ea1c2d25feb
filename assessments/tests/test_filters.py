from django.utils import timezone

from assessments.filters import ItemFilter, ResultFilter
from assessments.models import Item, Result
from assessments.services import answer_save, attempt_start, attempt_submit


def _submitted(attempt):
    attempt_start(attempt=attempt)
    for item in attempt.window.instrument.items.all():
        answer_save(attempt=attempt, item_id=item.pk, value=3)
    return attempt_submit(attempt=attempt)


def test_item_filter_keeps_the_chosen_kind(items):
    shown = ItemFilter({"kind": "likert"}, Item.objects.all()).qs
    assert [item.code for item in shown] == ["likert-mk"]


def test_item_filter_without_a_kind_keeps_every_item(items):
    assert ItemFilter({"kind": ""}, Item.objects.all()).qs.count() == len(items)


def test_item_filter_invalid_kind_keeps_every_item_and_says_why(items):
    filterset = ItemFilter({"kind": "essay"}, Item.objects.all())
    assert filterset.qs.count() == len(items)
    assert list(filterset.form.errors) == ["kind"]


def test_item_list_page_shows_an_invalid_kind_as_a_form_error(items, roles, login):
    response = login(roles.bpsdm).get("/uji/bank/?kind=essay")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["kind"]
    assert response.context["page"].paginator.count == len(items)
    filtered = login(roles.bpsdm).get("/uji/bank/?kind=personality")
    assert [i.code for i in filtered.context["page"]] == ["kepribadian-1"]


def test_result_filter_keeps_the_chosen_status(window, roles):
    scored, released = (_submitted(attempt) for attempt in window.attempts.all())
    Result.objects.filter(pk=released.pk).update(
        status=Result.Status.RELEASED, released_at=timezone.now()
    )
    results = Result.objects.all()
    assert [r.pk for r in ResultFilter({"status": "scored"}, results).qs] == [scored.pk]
    assert [r.pk for r in ResultFilter({"status": "released"}, results).qs] == [
        released.pk
    ]


def test_result_filter_invalid_status_keeps_every_result_and_says_why(window):
    for attempt in window.attempts.all():
        _submitted(attempt)
    filterset = ResultFilter({"status": "lost"}, Result.objects.all())
    assert filterset.qs.count() == 2
    assert list(filterset.form.errors) == ["status"]


def test_result_list_page_shows_an_invalid_status_as_a_form_error(window, roles, login):
    for attempt in window.attempts.all():
        _submitted(attempt)
    client = login(roles.bpsdm)
    response = client.get("/uji/hasil/?status=lost")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["status"]
    assert response.context["page"].paginator.count == 2
    released = client.get("/uji/hasil/?status=released")
    assert released.context["page"].paginator.count == 0
