"""The IKM follow-up (PEKPPP) figures of the reports, for the quarter a report
views (the latest that has ended when it views "now" or has no period): per row
of the aggregate and for a unit with its sub-units. Counted by
``surveys.pekppp.quarter_totals``, the rule's statement in SQL, over the surveys
the user sees (``surveys.selectors.surveys_visible_to``): three queries whatever
the number of units."""

from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Case, Value, When
from django.db.models.functions import Substr
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from people.models import Unit, User
from people.tree import child_key_length, subtree_q
from reports.periods import ReportPeriod
from sosiokultural.periods import Period, ended_quarters
from surveys import pekppp
from surveys.selectors import surveys_visible_to

NOTHING = pekppp.combine([])

# Which surveys and which quarter a report's follow-up figures count, before the
# weak-element rule itself (``pekppp.RULE``): the unit report views "now" only,
# the aggregate any period and applies employee filters to its other sections.
UNIT_RULE = format_lazy(
    "{} {}", gettext_lazy("Triwulan terakhir yang sudah berakhir."), pekppp.RULE
)
AGGREGATE_RULE = format_lazy(
    "{} {}",
    gettext_lazy(
        "Survei IKM triwulan ini pada unit dalam cakupan; filter pegawai tidak "
        "berlaku di sini. Untuk periode “Saat ini”: triwulan terakhir yang sudah "
        "berakhir."
    ),
    pekppp.RULE,
)


def follow_up_quarter(period: ReportPeriod | None, today: date) -> Period:
    """The quarter whose follow-up a report shows: the one it views, else the
    latest that has ended (a survey is taken after its quarter)."""
    if period is not None and period.quarter is not None:
        return period.quarter
    return ended_quarters(today, 1)[-1]


@dataclass(frozen=True)
class FollowUpRow:
    unit: Unit | None  # None: the selected unit's own survey
    totals: pekppp.Totals
    has_children: bool = False


@dataclass(frozen=True)
class AggregateFollowUp:
    quarter: Period
    rows: list[FollowUpRow]
    total: pekppp.Totals
    rule = AGGREGATE_RULE


def aggregate_follow_up(
    user: User, *, unit: Unit | None, rows, quarter: Period
) -> AggregateFollowUp:
    """The PEKPPP totals of each row of the aggregate (``rows``: its
    ``AggregateRow``s, a child's subtree each), of the selected unit's own
    survey, and of the whole scope."""
    surveys = surveys_visible_to(user)
    if unit is not None:
        surveys = surveys.filter(subtree_q(unit))
    # The same row key as the gap figures (``aggregate.scope_stats``).
    key = Substr("unit__path", 1, child_key_length(unit))
    by_key = pekppp.quarter_totals(surveys, quarter, key=key)
    out = []
    if unit is not None and unit.path in by_key:
        out.append(FollowUpRow(None, by_key[unit.path]))
    out += [
        FollowUpRow(row.unit, by_key.get(row.key, NOTHING), row.has_children)
        for row in rows
        if row.unit is not None
    ]
    return AggregateFollowUp(
        quarter=quarter, rows=out, total=pekppp.combine(by_key.values())
    )


@dataclass(frozen=True)
class UnitFollowUp:
    quarter: Period
    own: pekppp.Totals | None  # the unit's own survey; None: it has none
    total: pekppp.Totals  # the unit and everything under it
    rule = UNIT_RULE


def unit_follow_up(user: User, unit: Unit, *, quarter: Period) -> UnitFollowUp:
    surveys = surveys_visible_to(user).filter(subtree_q(unit))
    own = Case(
        When(unit_id=unit.pk, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    by_own = pekppp.quarter_totals(surveys, quarter, key=own)
    return UnitFollowUp(
        quarter=quarter,
        own=by_own.get(True),
        total=pekppp.combine(by_own.values()),
    )
