"""One formatting rule for numbers and percentages shown to people: Django's
localisation of the active language (Indonesian ``82,21`` and ``93,7 %``,
English ``82.21`` and ``93.7%``). Pages use the ``formatting`` template filters,
Python code (flash messages, notices, cards, PDFs) these functions. Dates follow
``sosiokultural/formats/<language>/formats.py`` ("2 Des 2026", "2 Des 2026 14.05"):
``{{ d|date }}`` / ``{{ t|date:"DATETIME_FORMAT" }}`` in templates, ``day`` and
``moment`` (and ``clock`` for a time of day) here."""

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format, time_format
from django.utils.translation import gettext as _


def number(value: Decimal | float | int | None, places: int = 2) -> str:
    """``value`` with ``places`` decimals in the active language; "" for None."""
    if value is None:
        return ""
    # Django's number_format cuts the digits off; shown numbers are rounded.
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return number_format(rounded, places, use_l10n=True)


def percent(value: Decimal | float | int | None, places: int = 1) -> str:
    """A percentage already on the 0–100 scale: ``93,7 %``."""
    if value is None:
        return ""
    return _("%(number)s %%") % {"number": number(value, places)}


def day(value) -> str:
    """A date: ``2 Des 2026``."""
    return date_format(value, "DATE_FORMAT") if value else ""


def moment(value) -> str:
    """A point in time, in local time: ``2 Des 2026 14.05``."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "DATETIME_FORMAT")


def clock(value) -> str:
    """A time of day, in local time: ``14.05``."""
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return time_format(value, "TIME_FORMAT")
