import pytest

from competencies.bootstrap import Reference, reference_load


@pytest.fixture
def framework(db) -> Reference:
    """Dimensions, the development forms and the matrix of Tables 4/5."""
    return reference_load()
