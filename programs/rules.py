"""Domain rules of external development as pure functions (no database)."""

from collections.abc import Collection
from datetime import date

from django.utils.translation import gettext as _

from sosiokultural.formatting import day

# Which states a nomination may move to, from which states.
TRANSITIONS: dict[str, frozenset[str]] = {
    "approved": frozenset({"requested", "nominated", "waitlisted"}),
    "rejected": frozenset({"requested", "nominated", "waitlisted"}),
    "waitlisted": frozenset({"requested", "nominated"}),
    "withdrawn": frozenset({"requested", "nominated", "waitlisted", "approved"}),
}


def can_transition(current: str, target: str) -> bool:
    return current in TRANSITIONS.get(target, frozenset())


# Seats of one offering: a classroom is never larger than this; an offering
# without a seat limit (e-learning open to all) says so explicitly instead.
MAX_CAPACITY = 10_000
# The PNS–private exchange: at most one year, for the program as for each exchange.
EXCHANGE_FORM_CODE = "pertukaran-pns-swasta"


def seats_left(capacity: int | None, approved: int) -> int | None:
    """Free seats, never negative; ``None`` for an offering without a seat limit."""
    if capacity is None:
        return None
    return max(0, capacity - approved)


def capacity_error(capacity: int | None, unlimited: bool) -> str | None:
    if unlimited:
        return None
    if capacity is None or capacity < 1:
        return _("Isi kapasitas (paling sedikit 1 kursi) atau pilih tanpa batas kursi.")
    if capacity > MAX_CAPACITY:
        return _(
            "Kapasitas paling banyak %(max)s kursi; untuk kelas terbuka tanpa batas "
            "pilih tanpa batas kursi."
        ) % {"max": f"{MAX_CAPACITY:,}".replace(",", ".")}
    return None


def eligibility_errors(
    *,
    position_type_id: int,
    position_type_name: str,
    employment_status: str,
    status_label: str,
    is_active: bool,
    eligible_position_type_ids: Collection[int],
    eligible_statuses: Collection[str],
) -> list[str]:
    """Why an employee may not join a program (empty list: eligible).

    An empty eligibility list means "everyone" for that criterion.
    """
    errors = []
    if not is_active:
        errors.append(_("Pegawai tidak aktif."))
    if (
        eligible_position_type_ids
        and position_type_id not in eligible_position_type_ids
    ):
        errors.append(
            _("Jabatan %(position)s tidak termasuk sasaran program ini.")
            % {"position": position_type_name}
        )
    if eligible_statuses and employment_status not in eligible_statuses:
        errors.append(
            _("Status kepegawaian %(status)s tidak termasuk sasaran program ini.")
            % {"status": status_label}
        )
    return errors


def one_year_after(day: date) -> date:
    """The same calendar day a year later; 29 February → 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def exchange_date_errors(starts_on: date | None, ends_on: date | None) -> list[str]:
    """An exchange ends on or after its start and at most one year after it
    (end ≤ start + 1 year)."""
    if starts_on is None or ends_on is None:
        return []
    if ends_on < starts_on:
        return [_("Tanggal selesai tidak boleh sebelum tanggal mulai.")]
    limit = one_year_after(starts_on)
    if ends_on > limit:
        return [
            _(
                "Pertukaran paling lama satu tahun: tanggal selesai paling lambat "
                "%(limit)s."
            )
            % {"limit": day(limit)}
        ]
    return []


def program_date_errors(
    *,
    starts_on: date | None,
    ends_on: date | None,
    registration_opens_on: date | None,
    registration_closes_on: date | None,
    form_code: str = "",
) -> dict[str, str]:
    """Field → message for the date rules of a program (an exchange program lasts
    at most one year, as each exchange does)."""
    errors: dict[str, str] = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    elif form_code == EXCHANGE_FORM_CODE and (
        found := exchange_date_errors(starts_on, ends_on)
    ):
        errors["ends_on"] = found[0]
    if (
        registration_opens_on
        and registration_closes_on
        and registration_closes_on < registration_opens_on
    ):
        errors["registration_closes_on"] = _(
            "Pendaftaran tidak boleh ditutup sebelum dibuka."
        )
    elif registration_closes_on and ends_on and registration_closes_on > ends_on:
        errors["registration_closes_on"] = _(
            "Pendaftaran harus ditutup paling lambat pada tanggal selesai program."
        )
    return errors
