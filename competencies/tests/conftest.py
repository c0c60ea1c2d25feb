import pytest

from competencies.bootstrap import reference_load


@pytest.fixture
def framework(roles):
    """The reference framework (dimensions, scale, indicators, forms, matrix, SETIA
    and the 2018 standard) for the position types of the ``roles`` fixture."""
    return reference_load()
