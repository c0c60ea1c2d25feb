import pytest


@pytest.fixture
def framework(db) -> dict:
    """Dimensions, the development forms and the matrix of Tables 4/5."""
    from competencies.demo import seed

    context: dict = {}
    seed(None, context)
    return context
