from datetime import date

from competencies import selectors
from competencies.models import DevelopmentForm
from competencies.tests.factories import (
    DevelopmentFormFactory,
    DimensionFactory,
    FormDimensionFactory,
    RequiredLevelFactory,
    StandardFactory,
)
from people.tests.factories import PositionTypeFactory


def test_required_levels_returns_the_version_in_force_on_each_date(db):
    position = PositionTypeFactory(code="cro")
    dimension = DimensionFactory(code="empati-sosial")
    old = StandardFactory(effective_from=date(2018, 1, 1))
    new = StandardFactory(effective_from=date(2025, 7, 1))
    RequiredLevelFactory(standard=old, position_type=position, dimension=dimension)
    RequiredLevelFactory(
        standard=new, position_type=position, dimension=dimension, level=3
    )
    key = (position.pk, dimension.pk)
    assert selectors.required_levels(date(2017, 12, 31)) == {}
    assert selectors.required_levels(date(2018, 1, 1)) == {key: 1}
    assert selectors.required_levels(date(2025, 6, 30)) == {key: 1}
    assert selectors.required_levels(date(2025, 7, 1)) == {key: 3}
    assert selectors.required_levels(date(2030, 1, 1)) == {key: 3}


def test_level_grid_marks_what_the_version_changed(db, django_assert_num_queries):
    staff = PositionTypeFactory(code="staf-teknis", order=1)
    cro = PositionTypeFactory(code="cro", name="CRO", order=2)
    first = DimensionFactory(code="a", number=1)
    second = DimensionFactory(code="b", number=2)
    old = StandardFactory(effective_from=date(2018, 1, 1))
    new = StandardFactory(effective_from=date(2024, 1, 1))
    for position in (staff, cro):
        for dimension in (first, second):
            RequiredLevelFactory(
                standard=old, position_type=position, dimension=dimension, level=1
            )
            RequiredLevelFactory(
                standard=new,
                position_type=position,
                dimension=dimension,
                level=2 if (position, dimension) == (cro, second) else 1,
            )
    with django_assert_num_queries(5):
        grid = selectors.level_grid(new)
    assert grid.previous == old
    assert [d.code for d in grid.dimensions] == ["a", "b"]
    assert [
        (p.code, [(c.level, c.changed) for c in cells]) for p, cells in grid.rows
    ] == [
        ("staf-teknis", [(1, False), (1, False)]),
        ("cro", [(1, False), (2, True)]),
    ]
    first_grid = selectors.level_grid(old)
    assert first_grid.previous is None
    assert not any(c.changed for __, cells in first_grid.rows for c in cells)


def test_level_grid_without_standard_has_empty_cells(db):
    PositionTypeFactory(code="cro")
    DimensionFactory(code="a", number=1)
    grid = selectors.level_grid(None)
    assert [[c.level for c in cells] for __, cells in grid.rows] == [[None]]


def test_matrix_rows_split_sides_and_merge_profiles(db, django_assert_num_queries):
    dimension = DimensionFactory(code="a", number=1)
    briefing = DevelopmentFormFactory(code="briefing", order=1)
    gathering = DevelopmentFormFactory(code="gathering", order=2)
    elearning = DevelopmentFormFactory(
        code="e-learning", provider=DevelopmentForm.Provider.EXTERNAL, order=3
    )
    FormDimensionFactory(
        form=gathering, dimension=dimension, expected_profile="Satu\nDua"
    )
    FormDimensionFactory(
        form=briefing, dimension=dimension, expected_profile="Satu\nTiga\n"
    )
    FormDimensionFactory(form=elearning, dimension=dimension, expected_profile="")
    with django_assert_num_queries(2):
        rows = selectors.matrix_rows()
    row = rows[0]
    assert [c.form.code for c in row.internal] == ["briefing", "gathering"]
    assert [c.form.code for c in row.external] == ["e-learning"]
    assert row.internal_profile == ["Satu", "Tiga", "Dua"]
    assert row.external_profile == []


def test_matrix_grid_lists_forms_without_links(db):
    dimension = DimensionFactory(code="a", number=1)
    linked = DevelopmentFormFactory(code="briefing", order=2)
    DevelopmentFormFactory(code="benchmarking", order=3)
    DevelopmentFormFactory(
        code="e-learning", provider=DevelopmentForm.Provider.EXTERNAL, order=1
    )
    FormDimensionFactory(form=linked, dimension=dimension)
    grid = selectors.matrix_grid(selectors.matrix_rows())
    assert [f.code for f in grid.forms] == ["briefing", "benchmarking", "e-learning"]
    assert grid.rows == [(dimension, [True, False, False])]


def test_dimensions_overview_counts_each_link_once(framework):
    counts = {
        d.code: (d.internal_forms, d.external_forms, d.indicator_count)
        for d in selectors.dimensions_overview()
    }
    assert counts == {
        "keragaman-budaya": (3, 5, 15),
        "jejaring-sosial": (4, 5, 15),
        "manajemen-konflik": (4, 5, 15),
        "empati-sosial": (4, 5, 15),
        "kepekaan-gender": (3, 5, 15),
        "kepekaan-disabilitas": (1, 2, 15),
    }
