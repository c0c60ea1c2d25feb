"""Half-up rounding: the one rule every figure the product shows is rounded by
(test scores, IKM, JP, gap means and shares, item statistics).

Rounding works on the exact value (a ``Fraction``), so 79.624999… never becomes
79.63 through an intermediate rounding, and a tie (…5) goes away from zero. A
float is taken at its shortest exact representation (``repr``).
"""

import math
from decimal import Decimal
from fractions import Fraction

Number = Fraction | Decimal | int | float


def exact(value: Number) -> Fraction:
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def round_half_up(value: Number, places: int = 2) -> Decimal:
    """``value`` rounded half up (away from zero) to ``places`` decimals."""
    value = exact(value)
    scaled = abs(value) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    if value < 0:
        whole = -whole
    return Decimal(whole).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def ratio(part: Number, whole: Number, places: int = 2) -> Decimal | None:
    """``part`` ÷ ``whole`` rounded half up; ``None`` when ``whole`` is 0."""
    if not whole:
        return None
    return round_half_up(exact(part) / exact(whole), places)


def percent(part: Number, whole: Number, places: int = 1) -> Decimal | None:
    """``part`` as a percentage of ``whole`` rounded half up; ``None`` for 0."""
    if not whole:
        return None
    return round_half_up(exact(part) * 100 / exact(whole), places)
