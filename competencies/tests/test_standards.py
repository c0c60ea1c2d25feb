from datetime import date

from competencies.profiles import merged_profile
from competencies.standards import changed_cells, effective_date_errors, level_errors


def test_level_errors_accepts_one_to_five():
    assert level_errors({(1, 1): 1, (1, 2): 5, (2, 1): 3}) == []


def test_level_errors_names_every_bad_value_once():
    errors = level_errors({(1, 1): 6, (1, 2): 0, (2, 1): 6, (2, 2): "3", (3, 3): 2})
    assert errors == ["Level harus bilangan bulat 1 sampai 5; tidak sah: 0, 3, 6."]


def test_level_errors_rejects_booleans():
    assert level_errors({(1, 1): True}) != []


def test_changed_cells_includes_new_and_removed_cells():
    before = {(1, 1): 1, (1, 2): 2, (2, 1): 3}
    after = {(1, 1): 1, (1, 2): 3, (3, 1): 2}
    assert changed_cells(before, after) == {(1, 2), (2, 1), (3, 1)}


def test_effective_date_errors_today_is_allowed():
    today = date(2025, 3, 1)
    assert effective_date_errors(today, today=today, taken=False) == []


def test_effective_date_errors_past_and_taken():
    errors = effective_date_errors(
        date(2025, 2, 28), today=date(2025, 3, 1), taken=True
    )
    assert errors == [
        "Tanggal berlaku tidak boleh sebelum hari ini (1 Mar 2025): laporan untuk "
        "tanggal yang sudah lewat harus tetap memakai standar lama.",
        "Sudah ada versi standar yang berlaku mulai 28 Feb 2025; pilih tanggal lain.",
    ]


def test_merged_profile_keeps_first_seen_order_without_repeats():
    assert merged_profile([["a", "b"], ["b", "c"], [], ["a", "d"]]) == [
        "a",
        "b",
        "c",
        "d",
    ]
