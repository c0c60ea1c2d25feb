"""Item analysis of an instrument: sums in the database, figures from the pure
functions of ``assessments.item_analysis``, stored for the instrument's page.

Two grouped queries read every submitted answer of the instrument once each
(per item and score; per item over the complete respondents of each scale) and a
third the scale totals; nothing loops over respondents in Python.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from assessments.item_analysis import (
    ItemSums,
    cronbach_alpha,
    item_stats,
)
from assessments.models import (
    Attempt,
    Instrument,
    InstrumentItem,
    ItemAnalysis,
    ItemOption,
    ItemStatistic,
    ScaleStatistic,
)
from sosiokultural.rounding import round_half_up

# A submitted answer's score (``assessments.scoring.item_score``): the chosen
# option's keyed score, or the scale point (6 − point when reverse-keyed).
_SCORED = """
    SELECT a.attempt_id, a.item_id, a.value, a.option_id,
           COALESCE(i.dimension_id, 0) AS dim, i.trait AS trait,
           CASE WHEN a.option_id IS NOT NULL THEN o.score
                WHEN i.reverse_keyed THEN 6 - a.value
                ELSE a.value END AS x
    FROM assessments_answer a
    JOIN assessments_attempt t ON t.id = a.attempt_id
    JOIN assessments_testwindow w ON w.id = t.window_id
    JOIN assessments_instrumentitem ii
      ON ii.item_id = a.item_id AND ii.instrument_id = w.instrument_id
    JOIN assessments_item i ON i.id = a.item_id
    LEFT JOIN assessments_itemoption o ON o.id = a.option_id
    WHERE w.instrument_id = %s AND t.status = %s
"""
_SIZES = """
    SELECT COALESCE(i.dimension_id, 0) AS dim, i.trait AS trait, COUNT(*) AS k
    FROM assessments_instrumentitem ii
    JOIN assessments_item i ON i.id = ii.item_id
    WHERE ii.instrument_id = %s
    GROUP BY COALESCE(i.dimension_id, 0), i.trait
"""
# The queries are composed of the constant texts above (never of values: every
# value is a query parameter).
_TOTALS = "\n".join(
    (
        "WITH scored AS (",
        _SCORED,
        "), sizes AS (",
        _SIZES,
        """), totals AS (
            SELECT s.attempt_id, s.dim, s.trait, SUM(s.x) AS t, COUNT(*) AS k
            FROM scored s GROUP BY s.attempt_id, s.dim, s.trait
        ), complete AS (
            SELECT tt.* FROM totals tt
            JOIN sizes z ON z.dim = tt.dim AND z.trait = tt.trait AND z.k = tt.k
        )""",
    )
)
_PER_ITEM_COMPLETE = "\n".join(
    (
        _TOTALS,
        """SELECT s.item_id, COUNT(*), SUM(s.x), SUM(s.x * s.x),
               SUM(c.t), SUM(c.t * c.t), SUM(s.x * c.t)
        FROM scored s
        JOIN complete c
          ON c.attempt_id = s.attempt_id AND c.dim = s.dim AND c.trait = s.trait
        GROUP BY s.item_id""",
    )
)
_PER_SCALE_COMPLETE = "\n".join(
    (
        _TOTALS,
        "SELECT dim, trait, COUNT(*), SUM(t), SUM(t * t) FROM complete "
        "GROUP BY dim, trait",
    )
)
_PER_CHOICE = "\n".join(
    (
        "WITH scored AS (",
        _SCORED,
        ") SELECT item_id, value, x, COUNT(*) FROM scored GROUP BY item_id, value, x",
    )
)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@transaction.atomic
def item_analysis_refresh(*, instrument: Instrument) -> ItemAnalysis:
    """Recompute and store the item analysis of ``instrument`` (every submitted
    attempt of every window of it). Idempotent: the stored rows are replaced."""
    submitted = Attempt.Status.SUBMITTED
    rows = list(
        InstrumentItem.objects.filter(instrument=instrument)
        .select_related("item")
        .order_by("order")
    )
    options = defaultdict(list)
    for option in ItemOption.objects.filter(
        item_id__in=[r.item_id for r in rows]
    ).order_by("order"):
        options[option.item_id].append(option)

    base = [instrument.pk, submitted]
    choices: dict[int, dict[int, int]] = defaultdict(dict)  # item → value → n
    scores: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for item_id, value, x, n in _rows(_PER_CHOICE, base):
        value, x, n = int(value), int(x), int(n)
        choices[item_id][value] = choices[item_id].get(value, 0) + n
        scores[item_id][x] += n
    # Sums arrive as int (SQLite) or Decimal (PostgreSQL's SUM of bigint).
    complete = {
        row[0]: tuple(int(v or 0) for v in row[1:])
        for row in _rows(_PER_ITEM_COMPLETE, [*base, instrument.pk])
    }
    scales = {
        (dim, trait): (int(n), int(sum_t or 0), int(sum_t2 or 0))
        for dim, trait, n, sum_t, sum_t2 in _rows(
            _PER_SCALE_COMPLETE, [*base, instrument.pk]
        )
    }

    analysis, __ = ItemAnalysis.objects.update_or_create(
        instrument=instrument,
        defaults={
            "computed_at": timezone.now(),
            "respondents": Attempt.objects.filter(
                window__instrument=instrument, status=submitted
            ).count(),
        },
    )
    analysis.items.all().delete()
    analysis.scales.all().delete()
    by_scale: dict[tuple[int, str], list[ItemSums]] = defaultdict(list)
    statistics = []
    for row in rows:
        item = row.item
        if item.uses_options:
            keyed = [o.score for o in options[item.pk]] or [1, 5]
            labels = [(o.order, o.label) for o in options[item.pk]]
        else:
            keyed = [1, 5]
            labels = [(point, str(point)) for point in range(1, 6)]
        low, high = min(keyed), max(keyed)
        dist = scores.get(item.pk, {})
        c = complete.get(item.pk, (0, 0, 0, 0, 0, 0))
        sums = ItemSums(
            n=sum(dist.values()),
            sum_x=sum(x * n for x, n in dist.items()),
            at_best=dist.get(high, 0),
            low=low,
            high=high,
            c_n=c[0],
            c_sum_x=c[1] or 0,
            c_sum_x2=c[2] or 0,
            c_sum_t=c[3] or 0,
            c_sum_t2=c[4] or 0,
            c_sum_xt=c[5] or 0,
        )
        by_scale[(item.dimension_id or 0, item.trait)].append(sums)
        stats = item_stats(sums)
        statistics.append(
            ItemStatistic(
                analysis=analysis,
                item=item,
                order=row.order,
                respondents=stats.respondents,
                mean=stats.mean,
                facility=stats.facility,
                discrimination=stats.discrimination,
                everyone_best=stats.everyone_best,
                nobody_best=stats.nobody_best,
                negative=stats.negative,
                choices=[
                    [label, choices.get(item.pk, {}).get(value, 0)]
                    for value, label in labels
                ],
            )
        )
    ItemStatistic.objects.bulk_create(statistics)
    scale_rows = []
    for (dim, trait), item_sums in by_scale.items():
        n, sum_t, sum_t2 = scales.get((dim, trait), (0, 0, 0))
        alpha = cronbach_alpha(
            n=n, item_sums=item_sums, sum_t=sum_t or 0, sum_t2=sum_t2 or 0
        )
        scale_rows.append(
            ScaleStatistic(
                analysis=analysis,
                dimension_id=dim or None,
                trait=trait,
                items=len(item_sums),
                respondents=n,
                alpha=round_half_up(alpha, 3) if alpha is not None else None,
            )
        )
    ScaleStatistic.objects.bulk_create(scale_rows)
    return analysis


def item_analyses_stale() -> list[int]:
    """Instruments with a submission newer than their stored analysis (or none):
    what the nightly sweep recomputes when a queued refresh was lost."""
    latest = (
        Attempt.objects.filter(status=Attempt.Status.SUBMITTED)
        .values("window__instrument_id")
        .annotate(last=Max("submitted_at"))
    )
    computed = dict(ItemAnalysis.objects.values_list("instrument_id", "computed_at"))
    return sorted(
        row["window__instrument_id"]
        for row in latest
        if computed.get(row["window__instrument_id"]) is None
        or computed[row["window__instrument_id"]] < row["last"]
    )
