import pytest

from competencies.bootstrap import reference_load


@pytest.fixture(autouse=True)
def _reference(db):
    """The standard's dimensions, forms and matrix, as installed."""
    return reference_load()
