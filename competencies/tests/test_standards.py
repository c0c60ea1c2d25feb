from datetime import date
from decimal import Decimal

import pytest

from competencies.profiles import merged_profile
from competencies.standards import (
    changed_cells,
    effective_date_errors,
    level_errors,
    weight_errors,
    weight_value,
)


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


WEIGHTS = {"self": 0, "head": 2, "peer": 1, "staff": Decimal("0.5")}


def test_weight_errors_accepts_non_negative_weights_with_one_above_zero():
    assert weight_errors(WEIGHTS) == []
    assert weight_errors({"self": "0", "head": "999.99", "peer": 0, "staff": 0}) == []


@pytest.mark.parametrize(
    "value",
    [-1, "-0.01", "1000", "0.001", "abc", "", None, True, "NaN", "Infinity", 1e400],
)
def test_weight_errors_names_a_value_that_is_not_a_weight(value):
    assert weight_value(value) is None
    assert weight_errors({**WEIGHTS, "peer": value}) == [
        "Bobot harus angka 0 sampai 999,99 dengan paling banyak dua angka di belakang "
        f"koma; tidak sah: {value}."
    ]


def test_weight_errors_needs_one_weight_above_zero():
    zeros = {"self": 0, "head": "0.00", "peer": Decimal(0), "staff": 0}
    assert weight_errors(zeros) == [
        "Sekurang-kurangnya satu kelompok penilai harus berbobot lebih dari 0; "
        "kosongkan semua bobot bila versi ini tidak menggabungkan hasil penilaian "
        "360."
    ]


def test_weight_value_reads_numbers_and_text():
    assert weight_value("0.5") == Decimal("0.5")
    assert weight_value(" 2 ") == Decimal("2")
    assert weight_value(0.25) == Decimal("0.25")
    assert weight_value(Decimal("1.50")) == Decimal("1.50")
