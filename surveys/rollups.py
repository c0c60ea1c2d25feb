"""The IKM roll-up: per computed survey and element, the sum and number of
answers (``ElementTotal``), and per survey the number of respondents
(``Survey.response_count``). The import service writes both with the answers;
``rebuild_rollups`` recomputes them from the answers and ``--check`` reports any
difference."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.db.models import Count, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from surveys.models import Answer, ElementTotal, Response, Survey

BATCH = 5000


def element_totals_write(survey: Survey, answers: Iterable[Mapping[int, int]]) -> int:
    """Store the totals of ``survey`` from its respondents' answers
    ({element id: value} per respondent), as the import has them in hand."""
    sums: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for row in answers:
        for element_id, value in row.items():
            sums[element_id][0] += value
            sums[element_id][1] += 1
    ElementTotal.objects.bulk_create(
        ElementTotal(survey=survey, element_id=e, total=t, answers=n)
        for e, (t, n) in sums.items()
    )
    return len(sums)


def _recomputed():
    return (
        Answer.objects.values_list("response__survey_id", "element_id")
        .annotate(total=Sum("value"), n=Count("id"))
        .order_by("response__survey_id", "element_id")
    )


def _recomputed_counts():
    return Coalesce(
        Subquery(
            Response.objects.filter(survey_id=OuterRef("pk"))
            .order_by()
            .values("survey_id")
            .annotate(n=Count("id"))
            .values("n")
        ),
        Value(0),
    )


def element_totals_rebuild() -> int:
    """Replace the roll-up with a recomputation from the answers (set-based:
    one grouped read, batched inserts, one UPDATE of the counts)."""
    ElementTotal.objects.all().delete()
    batch, written = [], 0
    for survey_id, element_id, total, n in _recomputed().iterator(chunk_size=BATCH):
        batch.append(
            ElementTotal(
                survey_id=survey_id, element_id=element_id, total=total, answers=n
            )
        )
        if len(batch) >= BATCH:
            written += len(ElementTotal.objects.bulk_create(batch))
            batch = []
    written += len(ElementTotal.objects.bulk_create(batch))
    Survey.objects.update(response_count=_recomputed_counts())
    return written


def element_totals_drift() -> list[tuple]:
    """[(what, key, stored, recomputed)] where the roll-up and the answers
    disagree; empty when they agree."""
    fresh = {(s, e): (t, n) for s, e, t, n in _recomputed().iterator(chunk_size=BATCH)}
    stored = {
        (s, e): (t, n)
        for s, e, t, n in ElementTotal.objects.values_list(
            "survey_id", "element_id", "total", "answers"
        ).iterator(chunk_size=BATCH)
    }
    drift = [
        ("ElementTotal", key, stored.get(key), fresh.get(key))
        for key in sorted(set(fresh) | set(stored))
        if stored.get(key) != fresh.get(key)
    ]
    drift += [
        ("Survey.response_count", pk, stored_n, fresh_n)
        for pk, stored_n, fresh_n in Survey.objects.annotate(fresh=_recomputed_counts())
        .values_list("pk", "response_count", "fresh")
        .order_by("pk")
        .iterator(chunk_size=BATCH)
        if stored_n != fresh_n
    ]
    return drift
