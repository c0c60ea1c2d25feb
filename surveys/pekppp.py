"""Follow-up of survey results as the public-service evaluation (PEKPPP,
PermenPANRB 29/2022 as amended) scores it, as pure functions.

- **Weak elements**: those graded C or D (below 76.61 on the 25–100 scale); when
  none is, the single lowest element — every survey has something to follow up.
- **Followed up**: a weak element with at least one follow-up action done.
- **Share followed up**: followed-up weak elements ÷ weak elements, in percent,
  rounded half up to one decimal.
- **Days to follow-up**: per followed-up element, the days from the end of the
  survey's quarter to its first action done (0 when done within the quarter); their
  mean, rounded half up to one decimal.
- **Publication channels**: the distinct channels the results were published in.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sosiokultural.rounding import percent, ratio
from surveys.ikm import GRADES

WEAK_BELOW = GRADES[1].lower_bound  # below "B (Baik)"


def weak_elements(scores: dict[Hashable, Decimal | None]) -> list[Hashable]:
    """The weak elements of ``scores`` (key → score, ``None`` = no value), in the
    given order."""
    known = {key: value for key, value in scores.items() if value is not None}
    weak = [key for key, value in known.items() if value < WEAK_BELOW]
    if weak or not known:
        return weak
    lowest = min(known.values())
    return [next(key for key, value in known.items() if value == lowest)]


@dataclass(frozen=True)
class Indicators:
    weak: int
    planned: int  # weak elements with an action, done or not
    followed_up: int  # weak elements with an action done
    share_followed_up: Decimal | None  # percent
    mean_days: Decimal | None
    channels: tuple[str, ...]
    total_days: int = 0  # the sum behind ``mean_days``, for totals

    @property
    def published(self) -> bool:
        return bool(self.channels)


def indicators(
    *,
    scores: dict[Hashable, Decimal | None],
    actions: Iterable[tuple[Hashable, date | None]],
    period_end: date,
    channels: Iterable[str],
) -> Indicators:
    """``actions``: (element key, date done or ``None``) per follow-up action."""
    weak = weak_elements(scores)
    weak_set = set(weak)
    planned: set = set()
    first_done: dict = {}
    for key, done_on in actions:
        if key not in weak_set:
            continue
        planned.add(key)
        if done_on is not None and (key not in first_done or done_on < first_done[key]):
            first_done[key] = done_on
    share = percent(len(first_done), len(weak))
    days = [max((done - period_end).days, 0) for done in first_done.values()]
    mean = ratio(sum(days), len(days), 1)
    return Indicators(
        weak=len(weak),
        planned=len(planned),
        followed_up=len(first_done),
        share_followed_up=share,
        mean_days=mean,
        channels=tuple(sorted(set(channels))),
        total_days=sum(days),
    )


@dataclass(frozen=True)
class Totals:
    surveys: int
    published: int  # surveys whose results were published somewhere
    weak: int
    followed_up: int
    share_followed_up: Decimal | None
    mean_days: Decimal | None


def totals(items: Iterable[Indicators]) -> Totals:
    """The indicators of many surveys together: shares and means over all their
    weak elements (not a mean of the surveys' shares)."""
    items = list(items)
    weak = sum(i.weak for i in items)
    followed = sum(i.followed_up for i in items)
    days = sum(i.total_days for i in items)
    return Totals(
        surveys=len(items),
        published=sum(1 for i in items if i.published),
        weak=weak,
        followed_up=followed,
        share_followed_up=percent(followed, weak),
        mean_days=ratio(days, followed, 1),
    )
