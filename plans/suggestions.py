"""Plan item suggestions from the gaps, as pure functions.

For every dimension with a gap (required − level > 0) that the plan does not yet
cover, suggest the first internal form and the first external form the matrix
(Tables 4 and 5) links to that dimension, largest gap first, with a target date
``TARGET_DAYS`` after today but never past the end of the plan's year.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

TARGET_DAYS = 90


@dataclass(frozen=True)
class Suggestion:
    dimension_id: int
    form_id: int
    gap: int
    target_date: date


def suggestion_target(today: date, year: int) -> date:
    """``TARGET_DAYS`` from today, clamped into the plan year."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    return min(end, max(start, today + timedelta(days=TARGET_DAYS)))


def suggest(
    *,
    gaps: Mapping[int, int | None],
    forms_by_dimension: Mapping[int, Iterable[tuple[int, bool]]],
    planned: Iterable[tuple[int, int]],
    today: date,
    year: int,
    allowed_form_ids: Iterable[int] | None = None,
) -> list[Suggestion]:
    """``gaps`` {dimension_id: gap or None}; ``forms_by_dimension`` {dimension_id:
    [(form_id, is_internal)] in matrix order}; ``planned`` the (dimension_id,
    form_id) pairs already in the plan. A dimension that already has any item is
    considered covered. ``allowed_form_ids`` limits the forms (e.g. to the forms
    the user may plan)."""
    covered = {dimension for dimension, __ in planned}
    allowed = set(allowed_form_ids) if allowed_form_ids is not None else None
    target = suggestion_target(today, year)
    out: list[Suggestion] = []
    ranked = sorted(
        ((d, g) for d, g in gaps.items() if g and d not in covered),
        key=lambda pair: (-pair[1], pair[0]),
    )
    for dimension_id, g in ranked:
        picked: dict[bool, int] = {}
        for form_id, internal in forms_by_dimension.get(dimension_id, ()):
            if allowed is not None and form_id not in allowed:
                continue
            picked.setdefault(internal, form_id)
        for internal in (True, False):
            if internal in picked:
                out.append(Suggestion(dimension_id, picked[internal], g, target))
    return out
