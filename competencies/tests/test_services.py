from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from competencies import selectors, services
from competencies.models import (
    FormDimension,
    Indicator,
    RaterGroupWeights,
    RequiredLevel,
    Standard,
)
from competencies.tests.factories import (
    DevelopmentFormFactory,
    DimensionFactory,
    FormDimensionFactory,
    IndicatorFactory,
    RequiredLevelFactory,
    StandardFactory,
)
from people.tests.factories import PositionTypeFactory

TODAY = date(2025, 3, 1)


@pytest.fixture
def grid(db):
    """Two position types × two dimensions, under a 2018 version at level 1."""
    positions = [
        PositionTypeFactory(code="staf-teknis"),
        PositionTypeFactory(code="cro"),
    ]
    dimensions = [
        DimensionFactory(code="a", number=1),
        DimensionFactory(code="b", number=2),
    ]
    old = StandardFactory(effective_from=date(2018, 1, 1))
    for position in positions:
        for dimension in dimensions:
            RequiredLevelFactory(
                standard=old, position_type=position, dimension=dimension, level=1
            )
    levels = {(p.pk, d.pk): 1 for p in positions for d in dimensions}
    return positions, dimensions, old, levels


def test_standard_create_keeps_the_old_requirement_for_earlier_dates(grid):
    positions, dimensions, __, levels = grid
    changed = (positions[1].pk, dimensions[0].pk)
    standard = services.standard_create(
        name="Revisi 2025",
        effective_from=TODAY + timedelta(days=30),
        levels={**levels, changed: 3},
        today=TODAY,
    )
    assert standard.required_levels.count() == 4
    assert selectors.required_levels(TODAY)[changed] == 1
    assert selectors.required_levels(TODAY + timedelta(days=29))[changed] == 1
    assert selectors.required_levels(TODAY + timedelta(days=30))[changed] == 3


def test_standard_create_from_today_is_allowed(grid):
    __, __, __, levels = grid
    standard = services.standard_create(
        name="Hari ini", effective_from=TODAY, levels=levels, today=TODAY
    )
    assert selectors.standard_in_force(TODAY) == standard


def test_standard_create_before_today_is_refused(grid):
    __, __, __, levels = grid
    with pytest.raises(ValidationError) as caught:
        services.standard_create(
            name="Mundur", effective_from=date(2025, 2, 1), levels=levels, today=TODAY
        )
    assert caught.value.message_dict == {
        "effective_from": [
            "Tanggal berlaku tidak boleh sebelum hari ini (1 Mar 2025): laporan "
            "untuk tanggal yang sudah lewat harus tetap memakai standar lama."
        ]
    }
    assert Standard.objects.count() == 1


def test_standard_create_duplicate_date_is_refused(grid):
    __, __, __, levels = grid
    StandardFactory(effective_from=date(2025, 6, 1))
    with pytest.raises(ValidationError) as caught:
        services.standard_create(
            name="Dobel", effective_from=date(2025, 6, 1), levels=levels, today=TODAY
        )
    assert caught.value.message_dict == {
        "effective_from": [
            "Sudah ada versi standar yang berlaku mulai 1 Jun 2025; pilih tanggal lain."
        ]
    }
    assert Standard.objects.count() == 2


def test_standard_create_bad_level_saves_nothing(grid):
    positions, dimensions, __, levels = grid
    levels = {**levels, (positions[0].pk, dimensions[1].pk): 6}
    with pytest.raises(ValidationError) as caught:
        services.standard_create(
            name="Salah", effective_from=date(2025, 6, 1), levels=levels, today=TODAY
        )
    assert caught.value.message_dict == {
        NON_FIELD_ERRORS: ["Level harus bilangan bulat 1 sampai 5; tidak sah: 6."]
    }
    assert Standard.objects.count() == 1
    assert RequiredLevel.objects.count() == 4


def test_standard_update_changes_a_future_version(grid):
    positions, dimensions, __, levels = grid
    future = services.standard_create(
        name="Rencana", effective_from=date(2025, 6, 1), levels=levels, today=TODAY
    )
    key = (positions[0].pk, dimensions[0].pk)
    services.standard_update(
        standard=future,
        name="Rencana (revisi)",
        effective_from=date(2025, 7, 1),
        levels={**levels, key: 2},
        today=TODAY,
    )
    future.refresh_from_db()
    assert (future.name, future.effective_from) == (
        "Rencana (revisi)",
        date(2025, 7, 1),
    )
    assert selectors.levels_of(future)[key] == 2
    assert future.required_levels.count() == 4


def test_standard_update_refuses_a_version_in_force(grid):
    __, __, old, levels = grid
    with pytest.raises(ValidationError):
        services.standard_update(
            standard=old,
            name="Ditulis ulang",
            effective_from=date(2025, 6, 1),
            levels=levels,
            today=TODAY,
        )
    old.refresh_from_db()
    assert old.effective_from == date(2018, 1, 1)


def test_standard_delete_only_before_it_is_in_force(grid):
    __, __, old, levels = grid
    future = services.standard_create(
        name="Rencana", effective_from=date(2025, 6, 1), levels=levels, today=TODAY
    )
    with pytest.raises(ValidationError):
        services.standard_delete(standard=old, today=TODAY)
    services.standard_delete(standard=future, today=TODAY)
    assert list(Standard.objects.all()) == [old]
    assert RequiredLevel.objects.count() == 4


def test_indicator_create_appends_after_the_last_of_its_level(db):
    dimension = DimensionFactory()
    IndicatorFactory(dimension=dimension, level=2, order=4)
    IndicatorFactory(dimension=dimension, level=3, order=9)
    indicator = services.indicator_create(
        dimension=dimension, level=2, text="Menyapa pemohon"
    )
    assert indicator.order == 5


def test_indicator_create_level_outside_scale_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        services.indicator_create(dimension=DimensionFactory(), level=6, text="X")
    assert list(caught.value.message_dict) == ["level"]
    assert Indicator.objects.count() == 0


def test_indicator_update_without_order_keeps_its_place(db):
    indicator = IndicatorFactory(order=7)
    services.indicator_update(indicator=indicator, level=2, text="Baru", order=None)
    indicator.refresh_from_db()
    assert (indicator.level, indicator.text, indicator.order) == (2, "Baru", 7)


def test_matrix_cell_create_refuses_a_second_link(db):
    cell = FormDimensionFactory()
    with pytest.raises(ValidationError) as caught:
        services.matrix_cell_create(form=cell.form, dimension=cell.dimension)
    assert caught.value.messages == [
        f"{cell.form.name} sudah terhubung dengan dimensi {cell.dimension.name}."
    ]
    assert FormDimension.objects.count() == 1


def test_form_update_keeps_the_code(db):
    form = DevelopmentFormFactory(code="briefing")
    services.form_update(
        form=form,
        name="Briefing pagi",
        provider="internal",
        classification="non_classical",
        default_minutes=15,
    )
    form.refresh_from_db()
    assert (form.code, form.name, form.default_minutes) == (
        "briefing",
        "Briefing pagi",
        15,
    )


def test_setia_value_update_sets_its_dimensions(framework):
    value = framework.dimensions["empati-sosial"].setia_values.get(code="empati")
    services.setia_value_update(
        value=value,
        name="Empati",
        dimensions=[framework.dimensions["kepekaan-gender"]],
    )
    assert [d.code for d in value.dimensions.all()] == ["kepekaan-gender"]


def test_standard_changes_are_audited(grid):
    from audit.models import AuditEvent

    positions, dimensions, __, levels = grid
    cell = (positions[0].pk, dimensions[0].pk)
    standard = services.standard_create(
        name="Revisi",
        effective_from=TODAY + timedelta(days=10),
        levels=levels,
        today=TODAY,
    )
    services.standard_update(
        standard=standard,
        name="Revisi",
        effective_from=TODAY + timedelta(days=10),
        levels={**levels, cell: 4},
        today=TODAY,
    )
    services.standard_delete(standard=standard, today=TODAY)
    events = list(AuditEvent.objects.order_by("pk"))
    assert [e.action for e in events] == [
        "standard.create",
        "standard.update",
        "standard.delete",
    ]
    key = f"{cell[0]}:{cell[1]}"
    assert events[1].before["levels"][key] == 1
    assert events[1].after["levels"][key] == 4
    assert events[2].before["levels"][key] == 4
    assert events[0].before is None and events[2].after is None


# -- 360 rater-group weights --------------------------------------------------------

WEIGHTS = {"self": 0, "head": 2, "peer": 1, "staff": Decimal("0.5")}


def test_standard_create_with_rater_weights(grid):
    __, __, __, levels = grid
    standard = services.standard_create(
        name="Berbobot",
        effective_from=date(2025, 6, 1),
        levels=levels,
        weights=WEIGHTS,
        today=TODAY,
    )
    assert standard.rater_weights.by_group() == {
        "self": Decimal("0.00"),
        "head": Decimal("2.00"),
        "peer": Decimal("1.00"),
        "staff": Decimal("0.50"),
    }
    assert selectors.rater_weights_of(standard) == standard.rater_weights
    # Versioned with the standard: none before the version, its own from then on.
    __, before = selectors.dimensions_with_rater_weights(date(2025, 5, 31))
    __, after = selectors.dimensions_with_rater_weights(date(2025, 6, 1))
    assert before is None
    assert (after.standard_id, after.standard_name) == (standard.pk, "Berbobot")
    assert after.weights["staff"] == Decimal("0.50")


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (
            {"self": 0, "head": 0, "peer": 0, "staff": 0},
            "Sekurang-kurangnya satu kelompok penilai harus berbobot lebih dari 0",
        ),
        ({**WEIGHTS, "head": -1}, "tidak sah: -1."),
        ({**WEIGHTS, "head": "x"}, "tidak sah: x."),
        ({"head": 1}, "Isi bobot setiap kelompok penilai 360."),
    ],
)
def test_standard_create_with_bad_weights_saves_nothing(grid, weights, message):
    __, __, __, levels = grid
    with pytest.raises(ValidationError) as caught:
        services.standard_create(
            name="Salah",
            effective_from=date(2025, 6, 1),
            levels=levels,
            weights=weights,
            today=TODAY,
        )
    assert message in caught.value.message_dict[NON_FIELD_ERRORS][0]
    assert Standard.objects.count() == 1
    assert RaterGroupWeights.objects.count() == 0


def test_standard_update_changes_and_removes_the_weights_with_an_audit(grid):
    from audit.models import AuditEvent

    __, __, __, levels = grid
    future = services.standard_create(
        name="Rencana",
        effective_from=date(2025, 6, 1),
        levels=levels,
        weights=WEIGHTS,
        today=TODAY,
    )
    common = {"name": "Rencana", "effective_from": date(2025, 6, 1), "today": TODAY}
    services.standard_update(
        standard=future, levels=levels, weights={**WEIGHTS, "self": 1}, **common
    )
    assert RaterGroupWeights.objects.get().self_weight == Decimal("1.00")
    services.standard_update(standard=future, levels=levels, weights=None, **common)
    assert RaterGroupWeights.objects.count() == 0
    events = list(AuditEvent.objects.order_by("pk"))
    assert events[0].after["rater_weights"] == {
        "self": "0.00",
        "head": "2.00",
        "peer": "1.00",
        "staff": "0.50",
    }
    assert events[1].before["rater_weights"]["self"] == "0.00"
    assert events[1].after["rater_weights"]["self"] == "1.00"
    assert events[2].after["rater_weights"] is None


def test_the_weights_of_a_version_in_force_are_not_rewritten(grid):
    __, __, old, levels = grid
    with pytest.raises(ValidationError):
        services.standard_update(
            standard=old,
            name=old.name,
            effective_from=old.effective_from,
            levels=levels,
            weights=WEIGHTS,
            today=TODAY,
        )
    assert RaterGroupWeights.objects.count() == 0


@pytest.mark.parametrize(
    "weights",
    [
        {"self_weight": 0, "head_weight": 0, "peer_weight": 0, "staff_weight": 0},
        {"self_weight": -1, "head_weight": 2, "peer_weight": 1, "staff_weight": 1},
    ],
)
def test_the_database_refuses_weights_that_sum_to_nothing_or_are_negative(
    grid, weights
):
    __, __, old, __ = grid
    with pytest.raises(IntegrityError), transaction.atomic():
        RaterGroupWeights.objects.create(standard=old, **weights)


def test_model_validation_of_weights_speaks_indonesian(grid):
    __, __, old, __ = grid
    row = RaterGroupWeights(
        standard=old, self_weight=0, head_weight=0, peer_weight=0, staff_weight=0
    )
    with pytest.raises(ValidationError) as caught:
        row.full_clean()
    assert caught.value.messages == [
        "Sekurang-kurangnya satu kelompok penilai harus berbobot lebih dari 0; "
        "kosongkan semua bobot bila versi ini tidak menggabungkan hasil penilaian "
        "360."
    ]
