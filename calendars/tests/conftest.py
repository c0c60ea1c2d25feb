import pytest


@pytest.fixture
def framework(db):
    from competencies.bootstrap import reference_load

    return reference_load()
