"""Rules of a version of the standard: its required-level grid, its effective
date and its 360 rater-group weights (pure functions, no database)."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

NO_POSITIVE_WEIGHT = gettext_lazy(
    "Sekurang-kurangnya satu kelompok penilai harus berbobot lebih dari 0; "
    "kosongkan semua bobot bila versi ini tidak menggabungkan hasil penilaian 360."
)

LEVEL_MIN = 1
LEVEL_MAX = 5

Key = tuple[int, int]  # (position_type_id, dimension_id)

#: A rater group's weight: 0 to 999.99, two decimals (the column's type).
WEIGHT_MAX = Decimal("999.99")
WEIGHT_PLACES = 2


def level_errors(levels: dict[Key, object]) -> list[str]:
    """Messages for every value that is not a whole number from 1 to 5."""
    bad = sorted(
        {
            str(value)
            for value in levels.values()
            if isinstance(value, bool)
            or not isinstance(value, int)
            or not LEVEL_MIN <= value <= LEVEL_MAX
        }
    )
    if not bad:
        return []
    return [
        _("Level harus bilangan bulat %(min)s sampai %(max)s; tidak sah: %(values)s.")
        % {"min": LEVEL_MIN, "max": LEVEL_MAX, "values": ", ".join(bad)}
    ]


def changed_cells(before: dict[Key, int], after: dict[Key, int]) -> set[Key]:
    """The cells whose level differs between two versions (absent counts as a
    difference), e.g. to mark what a new version changes."""
    return {
        key for key in before.keys() | after.keys() if before.get(key) != after.get(key)
    }


def effective_date_errors(
    effective_from: date, *, today: date, taken: bool
) -> list[str]:
    """Why ``effective_from`` cannot start a version: not before today (a version in
    force is history), and not a date another version already has."""
    errors = []
    if effective_from < today:
        errors.append(
            _(
                "Tanggal berlaku tidak boleh sebelum hari ini (%(today)s): laporan "
                "untuk tanggal yang sudah lewat harus tetap memakai standar lama."
            )
            % {"today": formats.date_format(today, "DATE_FORMAT")}
        )
    if taken:
        errors.append(taken_date_message(effective_from))
    return errors


def taken_date_message(effective_from: date) -> str:
    return _(
        "Sudah ada versi standar yang berlaku mulai %(date)s; pilih tanggal lain."
    ) % {"date": formats.date_format(effective_from, "DATE_FORMAT")}


# -- 360 rater-group weights ------------------------------------------------------


def weight_value(value: object) -> Decimal | None:
    """``value`` as a weight (a finite number 0–999.99 with at most two
    decimals), else None. Text is read as a number ("0.5", "2")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not number.is_finite() or not 0 <= number <= WEIGHT_MAX:
        return None
    if number != number.quantize(Decimal(1).scaleb(-WEIGHT_PLACES)):
        return None
    return number


def weight_errors(weights: Mapping[str, object]) -> list[str]:
    """Why ``weights`` ({group: weight}) cannot be a version's 360 weights: each
    a number from 0 to 999.99 with at most two decimals, and at least one above
    0 (so that their sum, the divisor of the weighted score, is above 0)."""
    bad = sorted(
        {str(value) for value in weights.values() if weight_value(value) is None}
    )
    if bad:
        return [
            _(
                "Bobot harus angka 0 sampai %(max)s dengan paling banyak dua angka "
                "di belakang koma; tidak sah: %(values)s."
            )
            % {"max": formats.number_format(WEIGHT_MAX, 2), "values": ", ".join(bad)}
        ]
    return weight_sum_errors(weights)


def weight_sum_errors(weights: Mapping[str, object]) -> list[str]:
    """The rule over all groups: at least one weight above 0 (values that are not
    weights are left to their own messages)."""
    values = [weight_value(value) for value in weights.values()]
    if not values or None in values or any(v > 0 for v in values):
        return []
    return [str(NO_POSITIVE_WEIGHT)]
