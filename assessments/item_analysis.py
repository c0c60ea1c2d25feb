"""Item analysis of an instrument after a round, as pure functions (no database).

The database sums (``assessments.selectors.item_sums``) give each item's sufficient
statistics; these functions turn them into the figures BPSDM reads:

- **Facility** (difficulty) of an item = (mean score − lowest possible score) ÷
  (highest − lowest possible), over everyone who answered it: 0 when everyone
  chose the lowest-scored answer, 1 when everyone chose the best one.
- **Discrimination** = the item–rest correlation: Pearson's r between the item's
  score and the sum of the *other* items of its scale (dimension or personality
  aspect), over the respondents who answered every item of that scale.
- **Cronbach's α** of a scale of k items over the same complete respondents:
  α = k/(k−1) · (1 − Σ var(item) / var(total)), sample variances.
- **Flags**: everyone reached the best answer (no information), nobody did
  (a keying error is likely), and a negative discrimination (the item measures
  something else, or is reverse-keyed by mistake).

Figures are computed from exact integer sums with fractions and rounded once to 3
decimals for display; a statistic that is undefined (fewer than 2 respondents, no
variance) is ``None``, shown as "–".
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sosiokultural.rounding import round_half_up

THOUSANDTH = Decimal("0.001")


@dataclass(frozen=True)
class ItemSums:
    """Sufficient statistics of one item.

    ``n``, ``sum_x``, ``at_best`` over everyone who answered it (``at_best`` =
    answers at the highest possible score); ``c_*`` over the complete respondents
    of its scale, ``t`` being a respondent's scale total (this item included).
    """

    n: int
    sum_x: int
    at_best: int
    low: int  # lowest possible score of the item
    high: int  # highest possible score
    c_n: int = 0
    c_sum_x: int = 0
    c_sum_x2: int = 0
    c_sum_t: int = 0
    c_sum_t2: int = 0
    c_sum_xt: int = 0


@dataclass(frozen=True)
class ItemStats:
    respondents: int
    mean: Decimal | None
    facility: Decimal | None
    discrimination: Decimal | None
    everyone_best: bool
    nobody_best: bool
    negative: bool

    @property
    def flagged(self) -> bool:
        return self.everyone_best or self.nobody_best or self.negative


def facility(sums: ItemSums) -> Fraction | None:
    if sums.n == 0 or sums.high <= sums.low:
        return None
    mean = Fraction(sums.sum_x, sums.n)
    return (mean - sums.low) / (sums.high - sums.low)


def pearson(n: int, sx: int, sy: int, sxx: int, syy: int, sxy: int) -> float | None:
    """Pearson's r from sums; ``None`` with fewer than 2 pairs or no variance."""
    if n < 2:
        return None
    cov = Fraction(n * sxy - sx * sy)
    var_x = n * sxx - sx * sx
    var_y = n * syy - sy * sy
    if var_x <= 0 or var_y <= 0:
        return None
    return float(cov) / math.sqrt(var_x * var_y)


def item_rest_correlation(sums: ItemSums) -> float | None:
    """r between the item and the rest of its scale (total minus the item)."""
    sy = sums.c_sum_t - sums.c_sum_x
    syy = sums.c_sum_t2 - 2 * sums.c_sum_xt + sums.c_sum_x2
    sxy = sums.c_sum_xt - sums.c_sum_x2
    return pearson(sums.c_n, sums.c_sum_x, sy, sums.c_sum_x2, syy, sxy)


def sample_variance(n: int, total: int, total_sq: int) -> Fraction | None:
    if n < 2:
        return None
    return Fraction(n * total_sq - total * total, n * (n - 1))


def cronbach_alpha(
    *, n: int, item_sums: Sequence[ItemSums], sum_t: int, sum_t2: int
) -> Fraction | None:
    """α of a scale from its items' complete-respondent sums and the totals'."""
    k = len(item_sums)
    if k < 2 or n < 2:
        return None
    total_var = sample_variance(n, sum_t, sum_t2)
    if not total_var:
        return None
    item_vars = [sample_variance(n, s.c_sum_x, s.c_sum_x2) for s in item_sums]
    return Fraction(k, k - 1) * (1 - sum(item_vars, Fraction(0)) / total_var)


def item_stats(sums: ItemSums) -> ItemStats:
    f = facility(sums)
    r = item_rest_correlation(sums)
    return ItemStats(
        respondents=sums.n,
        mean=round_half_up(Fraction(sums.sum_x, sums.n), 3) if sums.n else None,
        facility=round_half_up(f, 3) if f is not None else None,
        discrimination=round_half_up(r, 3) if r is not None else None,
        everyone_best=sums.n > 0 and sums.at_best == sums.n,
        nobody_best=sums.n > 0 and sums.at_best == 0,
        negative=r is not None and r < 0,
    )
