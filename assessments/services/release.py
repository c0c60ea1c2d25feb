"""Releasing results, the audited re-score, and the ``LatestLevel`` roll-up.

Release is one transaction: the result turns released, the employee's current
levels are refreshed, and the feedback notices (employee + unit heads) are written
to the outbox. The notices are delivered after commit by ``notices.deliver``;
``dedupe_key`` makes "one notice per (result, recipient)" a database guarantee.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.feedback import (
    feedback_notices_create,
    feedback_notices_create_many,
)
from assessments.models import (
    DimensionResult,
    Instrument,
    LatestLevel,
    Rescore,
    Result,
)
from assessments.permissions import RELEASE_RESULT, RESCORE_RESULT
from assessments.rollups import (
    intervals_of,
    level_counts_refresh,
    level_history_refresh,
    year_changes_refresh,
)
from assessments.services.taking import (
    attempt_scoring,
    ratings_write,
    result_scores_write,
)
from audit.services import audit_record, audit_records
from people.models import Employee, User
from people.permissions import check
from sosiokultural.broker import publish


def latest_levels_refresh(*, employee_id: int) -> None:
    """Bring one employee's level roll-ups in line with their released results
    (``latest_levels_refresh_many`` of one)."""
    latest_levels_refresh_many(employee_ids=[employee_id])


def latest_levels_refresh_many(*, employee_ids: Iterable[int]) -> None:
    """Bring these employees' level roll-ups in line with their released results:
    the validity interval of each released ``DimensionResult`` row with a level,
    the ``LatestLevel`` rows (per dimension, the level of the latest result by
    test date, then id, that has one — a dimension without enough evidence never
    sets a level), the ``LevelCount`` rows of the units whose levels changed, the
    ``LevelChangeStep`` and ``LevelCountAt`` rows of these employees' units and
    their ``YearStartChange`` rows.

    Set-based: the employees are locked (in pk order, so two batches cannot
    deadlock; two releases for the same person serialise), their released rows
    and current levels read once, and the changes written in bulk — a fixed
    number of queries for any batch up to ``CHUNK`` employees (one more lock and
    read per further ``CHUNK``)."""
    employee_ids = sorted(set(employee_ids))
    if not employee_ids:
        return
    unit_of: dict[int, int] = {}
    for chunk in _chunks(employee_ids):
        unit_of.update(
            Employee.objects.select_for_update()
            .filter(pk__in=chunk)
            .values_list("pk", "unit_id")
        )
    rows = []
    existing: dict[tuple[int, int], LatestLevel] = {}
    for chunk in _chunks(employee_ids):
        rows += DimensionResult.objects.filter(
            employee_id__in=chunk,
            result__status=Result.Status.RELEASED,
            level__isnull=False,
        ).values_list(
            "pk",
            "employee_id",
            "dimension_id",
            "level",
            "result__assessed_on",
            "result_id",
            "valid_from",
            "valid_to",
        )
        existing.update(
            ((row.employee_id, row.dimension_id), row)
            for row in LatestLevel.objects.filter(employee_id__in=chunk)
        )
    _intervals_write(rows)
    # The latest row per (employee, dimension): by test date, then result id.
    current: dict[tuple[int, int], tuple] = {}
    for __, emp, dim, level, on, result_id, __, __ in sorted(
        rows, key=lambda r: (r[4], r[5])
    ):
        current[(emp, dim)] = (level, on, result_id)
    created, updated, changed_units = [], [], set()
    for key, (level, on, result_id) in current.items():
        row = existing.pop(key, None)
        if row is None:
            changed_units.add(unit_of.get(key[0]))
            created.append(
                LatestLevel(
                    employee_id=key[0],
                    dimension_id=key[1],
                    level=level,
                    assessed_on=on,
                    result_id=result_id,
                )
            )
        elif (row.level, row.assessed_on, row.result_id) != (level, on, result_id):
            if row.level != level:
                changed_units.add(unit_of.get(key[0]))
            row.level, row.assessed_on, row.result_id = level, on, result_id
            updated.append(row)
    if created or updated:
        # One INSERT … ON CONFLICT (employee, dimension) DO UPDATE for both.
        LatestLevel.objects.bulk_create(
            created
            + [
                LatestLevel(
                    employee_id=r.employee_id,
                    dimension_id=r.dimension_id,
                    level=r.level,
                    assessed_on=r.assessed_on,
                    result_id=r.result_id,
                )
                for r in updated
            ],
            update_conflicts=True,
            unique_fields=["employee", "dimension"],
            update_fields=["level", "assessed_on", "result"],
            batch_size=CHUNK,
        )
    if existing:
        changed_units.update(unit_of.get(emp) for emp, __ in existing)
        LatestLevel.objects.filter(pk__in=[r.pk for r in existing.values()]).delete()
    # First the changes since 1 January: the units' roll-ups below read them.
    for chunk in _chunks(employee_ids):
        year_changes_refresh(employee_ids=chunk)
    if changed_units:
        level_counts_refresh(unit_ids=changed_units)
    # The change steps and past counts hang on every released level (a
    # re-scored past result, a back-dated release moving an interval), not only
    # the current ones.
    level_history_refresh(unit_ids=set(unit_of.values()) - changed_units)


CHUNK = 1000


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _intervals_write(rows: list[tuple]) -> None:
    """Give the released rows (pk, employee, dimension, level, assessed_on,
    result_id, valid_from, valid_to) their intervals; only changed rows are
    written, cleared first so no intermediate state has two open intervals."""
    groups: dict[tuple[int, int], list] = {}
    stored = {}
    for pk, emp, dim, __, assessed_on, result_id, valid_from, valid_to in rows:
        groups.setdefault((emp, dim), []).append((pk, assessed_on, result_id))
        stored[pk] = (valid_from, valid_to)
    fresh = {}
    for group in groups.values():
        fresh.update(intervals_of(group))
    changed = [
        DimensionResult(pk=pk, valid_from=interval[0], valid_to=interval[1])
        for pk, interval in fresh.items()
        if stored[pk] != interval
    ]
    if changed:
        DimensionResult.objects.filter(pk__in=[r.pk for r in changed]).update(
            valid_from=None, valid_to=None
        )
        _intervals_set(changed)


def _intervals_set(rows: list[DimensionResult]) -> None:
    """Write the intervals of these rows: on PostgreSQL one UPDATE joined to the
    arrays of (pk, valid_from, valid_to) — ``bulk_update``'s CASE per row costs
    seconds of Python for a round — elsewhere ``bulk_update``."""
    if connection.vendor != "postgresql":
        DimensionResult.objects.bulk_update(
            rows, ["valid_from", "valid_to"], batch_size=CHUNK
        )
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {DimensionResult._meta.db_table} AS d "  # nosec B608  # noqa: S608 (table name)
            "SET valid_from = x.valid_from, valid_to = x.valid_to "
            "FROM unnest(%s::bigint[], %s::date[], %s::date[]) "
            "AS x(id, valid_from, valid_to) WHERE d.id = x.id",
            [
                [r.pk for r in rows],
                [r.valid_from for r in rows],
                [r.valid_to for r in rows],
            ],
        )


@transaction.atomic
def result_release(*, result: Result, by: User | None) -> bool:
    """Release a scored result: True when this call released it, False when it was
    already released (a repeated click changes nothing and sends nothing).
    ``by`` never releases their own result (``None``: the system)."""
    if by is not None:
        check(
            by,
            RELEASE_RESULT,
            result,
            message=_("Hasil uji Anda sendiri dirilis oleh atasan Anda atau BPSDM."),
        )
    released = Result.objects.filter(pk=result.pk, status=Result.Status.SCORED).update(
        status=Result.Status.RELEASED, released_at=timezone.now(), released_by=by
    )
    if not released:
        return False
    result.refresh_from_db()
    latest_levels_refresh(employee_id=result.employee_id)
    audit_record(
        actor=by,
        action="result.release",
        target=result,
        before={"status": Result.Status.SCORED},
        after={"status": result.status, "dimensions": _snapshot(result)},
    )
    feedback_notices_create(result=result)
    return True


def results_release(*, results: Iterable[Result], by: User | None) -> int:
    """Release many results, each in its own transaction (one failure does not
    hold back the others' feedback). Returns how many this call released; the item
    analysis of each instrument concerned is recomputed afterwards."""
    results = list(results)
    released = sum(1 for result in results if result_release(result=result, by=by))
    if released:
        item_analysis_queue(instrument_ids={r.instrument_id for r in results})
    return released


@transaction.atomic
def results_release_all(*, results: QuerySet[Result], by: User | None) -> int:
    """Release every scored result of ``results`` in ONE transaction: all or
    nothing, and safe to run again (results already released are skipped). The
    caller has scoped ``results`` to those ``by`` may release
    (``assessments.selectors.results_releasable_by``). Set-based: one UPDATE,
    the audit events and the feedback notices written in bulk. Returns how many
    this call released."""
    ids = list(
        Result.objects.select_for_update(of=("self",))
        .filter(pk__in=results.values("pk"), status=Result.Status.SCORED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return 0
    Result.objects.filter(pk__in=ids).update(
        status=Result.Status.RELEASED, released_at=timezone.now(), released_by=by
    )
    released = list(
        Result.objects.filter(pk__in=ids).select_related("employee").order_by("pk")
    )
    latest_levels_refresh_many(employee_ids=[r.employee_id for r in released])
    snapshots = _snapshots(ids)
    audit_records(
        actor=by,
        action="result.release",
        changes=[
            (
                result,
                {"status": Result.Status.SCORED},
                {"status": result.status, "dimensions": snapshots.get(result.pk, {})},
            )
            for result in released
        ],
    )
    feedback_notices_create_many(results=released)
    item_analysis_queue(instrument_ids={r.instrument_id for r in released})
    return len(ids)


def _snapshots(result_ids: list[int]) -> dict[int, dict]:
    """``_snapshot`` of many results in one query."""
    snapshots: dict[int, dict] = {}
    rows = DimensionResult.objects.filter(result_id__in=result_ids).select_related(
        "dimension"
    )
    for row in rows:
        snapshots.setdefault(row.result_id, {})[row.dimension.code] = {
            "test_score": str(row.test_score),
            "supervisor_rating": row.supervisor_rating,
            "score": str(row.score),
            "level": row.level,
        }
    return snapshots


def item_analysis_queue(*, instrument_ids: Iterable[int]) -> None:
    """Recompute the item analysis of these instruments once the caller's
    transaction has committed (``assessments.tasks.item_analysis_refresh``)."""
    for instrument_id in sorted(set(instrument_ids)):
        transaction.on_commit(
            lambda pk=instrument_id: item_analysis_publish(instrument_id=pk)
        )


def item_analysis_publish(*, instrument_id: int) -> bool:
    """Queue the recomputation; a broker outage is logged, not raised (the release
    has happened): the nightly ``assessments.item_analysis_sweep`` catches up."""
    from assessments.tasks import item_analysis_refresh

    return publish(item_analysis_refresh, kwargs={"instrument_id": instrument_id})


def _text(value) -> str | None:
    return None if value is None else str(value)


def _snapshot(result: Result) -> dict:
    return {
        row.dimension.code: {
            "test_score": _text(row.test_score),
            "supervisor_rating": row.supervisor_rating,
            "score": _text(row.score),
            "level": row.level,
            "answered": row.answered,
            "items": row.items,
        }
        for row in result.dimension_results.select_related("dimension")
    }


@transaction.atomic
def result_rescore(
    *,
    result: Result,
    reason: str,
    by: User,
    instrument: Instrument | None = None,
    ratings: Mapping[int, int | None] | None = None,
) -> Rescore:
    """Correct a released result: score its saved answers again, optionally with
    another published version of the same instrument (corrected thresholds or
    weights) and/or corrected supervisor ratings. Stores who, when, why and the
    scores before and after; refreshes ``LatestLevel``; notifies again."""
    result = Result.objects.select_for_update().get(pk=result.pk)
    if not result.is_released:
        raise ValidationError(
            _(
                "Hanya hasil yang sudah dirilis yang dikoreksi melalui skor ulang; "
                "hasil yang belum dirilis dihitung ulang otomatis."
            )
        )
    check(
        by,
        RESCORE_RESULT,
        result,
        message=_("Skor ulang hasil uji Anda sendiri dilakukan oleh admin BPSDM lain."),
    )
    if not reason.strip():
        raise ValidationError({"reason": [_("Alasan skor ulang wajib diisi.")]})
    instrument = Instrument.objects.get(pk=(instrument or result.instrument).pk)
    if instrument.code != result.instrument.code or not instrument.is_frozen:
        raise ValidationError(
            {"instrument": [_("Pilih versi terbit dari instrumen yang sama.")]}
        )
    before = _snapshot(result)
    if ratings is not None:
        ratings_write(attempt=result.attempt, ratings=ratings, by=by)
    outcome = attempt_scoring(result.attempt, instrument)
    instrument_before = result.instrument
    result_scores_write(result, outcome)
    after = _snapshot(result)
    if after == before and instrument == instrument_before:
        raise ValidationError(
            _("Skor ulang tidak mengubah hasil; tidak ada yang disimpan.")
        )
    result.instrument = instrument
    result.revision += 1
    result.scored_at = timezone.now()
    result.save(update_fields=["instrument", "revision", "scored_at"])
    rescore = Rescore.objects.create(
        result=result,
        reason=reason.strip(),
        rescored_by=by,
        instrument_before=instrument_before,
        instrument_after=instrument,
        before=before,
        after=after,
    )
    latest_levels_refresh(employee_id=result.employee_id)
    audit_record(
        actor=by,
        action="result.rescore",
        target=result,
        before={"instrument": instrument_before.pk, "dimensions": before},
        after={"instrument": instrument.pk, "dimensions": after},
        note=rescore.reason,
    )
    feedback_notices_create(result=result)
    return rescore
