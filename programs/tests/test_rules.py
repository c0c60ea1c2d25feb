from datetime import date

from programs.rules import (
    can_transition,
    eligibility_errors,
    exchange_date_errors,
    one_year_after,
    program_date_errors,
    seats_left,
)


def test_can_transition_follows_the_workflow():
    assert can_transition("requested", "approved")
    assert can_transition("nominated", "waitlisted")
    assert can_transition("waitlisted", "approved")
    assert can_transition("approved", "withdrawn")
    assert not can_transition("approved", "approved")
    assert not can_transition("waitlisted", "waitlisted")
    assert not can_transition("rejected", "approved")
    assert not can_transition("withdrawn", "approved")
    assert not can_transition("approved", "rejected")
    assert not can_transition("rejected", "withdrawn")


def test_seats_left_never_negative():
    assert seats_left(3, 1) == 2
    assert seats_left(3, 3) == 0
    assert seats_left(3, 5) == 0


def _eligibility(**overrides):
    values = {
        "position_type_id": 1,
        "position_type_name": "Staf Teknis",
        "employment_status": "PNS",
        "status_label": "PNS",
        "is_active": True,
        "eligible_position_type_ids": set(),
        "eligible_statuses": [],
    }
    values.update(overrides)
    return eligibility_errors(**values)


def test_eligibility_empty_lists_mean_everyone():
    assert _eligibility() == []


def test_eligibility_status_restricted_to_cpns():
    assert _eligibility(eligible_statuses=["CPNS"]) == [
        "Status kepegawaian PNS tidak termasuk sasaran program ini."
    ]
    assert (
        _eligibility(
            employment_status="CPNS", status_label="CPNS", eligible_statuses=["CPNS"]
        )
        == []
    )


def test_eligibility_position_and_inactive():
    assert _eligibility(eligible_position_type_ids={2}, is_active=False) == [
        "Pegawai tidak aktif.",
        "Jabatan Staf Teknis tidak termasuk sasaran program ini.",
    ]


def test_one_year_after_handles_leap_day():
    assert one_year_after(date(2025, 3, 1)) == date(2026, 3, 1)
    assert one_year_after(date(2024, 2, 29)) == date(2025, 2, 28)


def test_exchange_dates_at_most_one_year():
    assert exchange_date_errors(date(2025, 1, 10), date(2026, 1, 10)) == []
    assert exchange_date_errors(date(2025, 1, 10), date(2026, 1, 11)) == [
        "Pertukaran paling lama satu tahun: tanggal selesai paling lambat 10 Jan 2026."
    ]


def test_exchange_dates_reversed():
    assert exchange_date_errors(date(2025, 1, 10), date(2025, 1, 9)) == [
        "Tanggal selesai tidak boleh sebelum tanggal mulai."
    ]
    assert exchange_date_errors(None, date(2025, 1, 9)) == []


def test_program_date_errors():
    ok = {
        "starts_on": date(2025, 5, 1),
        "ends_on": date(2025, 5, 3),
        "registration_opens_on": date(2025, 4, 1),
        "registration_closes_on": date(2025, 4, 30),
    }
    assert program_date_errors(**ok) == {}
    assert program_date_errors(**{**ok, "ends_on": date(2025, 4, 29)}) == {
        "ends_on": "Tanggal selesai tidak boleh sebelum tanggal mulai.",
        "registration_closes_on": (
            "Pendaftaran harus ditutup paling lambat pada tanggal selesai program."
        ),
    }
    assert program_date_errors(
        **{**ok, "registration_closes_on": date(2025, 3, 1)}
    ) == {"registration_closes_on": "Pendaftaran tidak boleh ditutup sebelum dibuka."}
