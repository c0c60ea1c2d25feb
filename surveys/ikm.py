"""IKM arithmetic (PermenPANRB 14/2017) as pure functions: no database, no HTTP.

- NRR of an element = the mean answer (1–4) of the respondents, kept as an exact
  ``Fraction``.
- IKM = Σ(NRR × w) × 25 with w = 1/n for a questionnaire of n elements. The regulation's
  nine elements give w = 1/9 exactly (not the rounded 0.111); a local set of another
  size weighs its elements equally the same way. The sum is exact and rounded ONCE,
  half up, to 2 decimals; nothing before that is rounded.
- Grade by lower bound of the 25–100 value: ≥ 88.31 A (Sangat Baik), ≥ 76.61 B (Baik),
  ≥ 65.00 C (Kurang Baik), else D (Tidak Baik).
- Minimum sample for a population N (Krejcie & Morgan, 1970):
  s = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)) with χ² = 3.841, P = 0.5, d = 0.05,
  rounded half up to a whole respondent, which reproduces their published table
  (N=60 → 52, N=100 → 80, N=1000 → 278; always rounding up would give 53 for N=60).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy

from sosiokultural.rounding import round_half_up

SCALE = 25  # the 1–4 answer scale times 25 gives the 25–100 IKM scale
MIN_ANSWER = 1
MAX_ANSWER = 4


# -- rounding -----------------------------------------------------------------------


# ``round_half_up`` is the project's one rounding rule (``sosiokultural.rounding``).


# -- NRR and IKM --------------------------------------------------------------------


def nrr(answers: Iterable[int]) -> Fraction:
    """The mean answer of one element, exact."""
    total = count = 0
    for answer in answers:
        if not MIN_ANSWER <= answer <= MAX_ANSWER:
            raise ValueError(f"answer {answer} outside {MIN_ANSWER}–{MAX_ANSWER}")
        total += answer
        count += 1
    return nrr_from_sum(total, count)


def nrr_from_sum(total: int, count: int) -> Fraction:
    """NRR from a sum of answers and the number of answers (as the database gives)."""
    if count <= 0:
        raise ValueError("an element needs at least one answer")
    return Fraction(total, count)


def element_weight(element_count: int) -> Fraction:
    """1/n: exactly 1/9 for the nine elements of PermenPANRB 14/2017."""
    if element_count <= 0:
        raise ValueError("a questionnaire needs at least one element")
    return Fraction(1, element_count)


def ikm_exact(nrrs: Sequence[Fraction]) -> Fraction:
    """Σ(NRR × 1/n) × 25, unrounded."""
    weight = element_weight(len(nrrs))
    return sum((Fraction(v) * weight for v in nrrs), Fraction(0)) * SCALE


def ikm(nrrs: Sequence[Fraction]) -> Decimal:
    """The IKM of a unit on the 25–100 scale, rounded once to 2 decimals."""
    return round_half_up(ikm_exact(nrrs), 2)


def element_score(value: Fraction) -> Decimal:
    """One element's NRR on the 25–100 scale (NRR × 25), for display next to the
    reported element scores; the IKM never adds these rounded values up."""
    return round_half_up(Fraction(value) * SCALE, 2)


# -- grade --------------------------------------------------------------------------


@dataclass(frozen=True)
class Grade:
    letter: str
    label: str
    lower_bound: Decimal

    def __str__(self) -> str:
        return f"{self.letter} ({self.label})"


GRADES = (
    Grade("A", gettext_lazy("Sangat Baik"), Decimal("88.31")),
    Grade("B", gettext_lazy("Baik"), Decimal("76.61")),
    Grade("C", gettext_lazy("Kurang Baik"), Decimal("65.00")),
    Grade("D", gettext_lazy("Tidak Baik"), Decimal("25.00")),
)


def grade(value: Decimal | Fraction | int) -> Grade:
    """The grade of a value on the 25–100 scale (lower bounds inclusive)."""
    value = Fraction(value)
    for candidate in GRADES[:-1]:
        if value >= Fraction(candidate.lower_bound):
            return candidate
    return GRADES[-1]


# -- sample size --------------------------------------------------------------------

CHI_SQUARE = Fraction("3.841")  # χ² for 1 degree of freedom at 95 % confidence
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)


def krejcie_morgan(population: int) -> int:
    """The minimum number of respondents for a population of ``population``."""
    if population <= 0:
        raise ValueError("population must be positive")
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    exact = spread * population / (MARGIN**2 * (population - 1) + spread)
    return int(round_half_up(exact, 0))


@dataclass(frozen=True)
class SampleCheck:
    respondents: int
    population: int
    minimum: int

    @property
    def short(self) -> bool:
        return self.respondents < self.minimum

    @property
    def missing(self) -> int:
        return max(0, self.minimum - self.respondents)


def sample_check(respondents: int | None, population: int | None) -> SampleCheck | None:
    """Respondents against the Krejcie–Morgan minimum; ``None`` when unknown."""
    if respondents is None or not population:
        return None
    return SampleCheck(respondents, population, krejcie_morgan(population))


# -- weakest elements ---------------------------------------------------------------


def weakest(scores: dict, count: int = 3) -> list:
    """The ``count`` keys with the lowest score (ties keep their given order)."""
    known = [(value, index, key) for index, (key, value) in enumerate(scores.items())]
    known = [item for item in known if item[0] is not None]
    return [key for __, __, key in sorted(known)[:count]]
