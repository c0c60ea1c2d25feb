"""Rules of the required-level grid (pure functions, no database)."""

from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

LEVEL_MIN = 1
LEVEL_MAX = 5

Key = tuple[int, int]  # (position_type_id, dimension_id)


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
