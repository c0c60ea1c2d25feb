import pytest

from assessments.tests.factories import (
    ItemFactory,
    LikertItemFactory,
    PersonalityItemFactory,
    open_window,
    published_instrument,
)
from competencies.bootstrap import reference_load


@pytest.fixture
def framework(roles):
    """Dimensions, forms, the matrix and a standard (after the roles' position
    types exist, so it has required levels for them: staff 1, heads 2)."""
    return reference_load()


@pytest.fixture
def dims(framework):
    return framework.dimensions


@pytest.fixture
def items(dims):
    """One situational item per dimension, a reverse-keyed Likert item on
    conflict management, and one personality item."""
    situational = [ItemFactory(dimension=d) for d in dims.values()]
    likert = LikertItemFactory(
        code="likert-mk", dimension=dims["manajemen-konflik"], reverse_keyed=True
    )
    personality = PersonalityItemFactory(code="kepribadian-1")
    return situational + [likert, personality]


@pytest.fixture
def instrument(items, roles):
    return published_instrument(items, by=roles.bpsdm)


@pytest.fixture
def window(instrument, roles):
    return open_window(
        instrument,
        [roles.staff_a.employee, roles.staff_b.employee],
        by=roles.bpsdm,
    )


@pytest.fixture
def attempt_a(window, roles):
    return window.attempts.get(employee=roles.staff_a.employee)
