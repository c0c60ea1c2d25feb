import io
from types import SimpleNamespace

import pytest

from competencies import demo


@pytest.fixture
def framework(roles):
    """The reference framework (dimensions, scale, indicators, forms, matrix, SETIA
    and the 2018 standard) for the position types of the ``roles`` fixture."""
    context: dict = {}
    demo.seed(io.StringIO(), context)
    return SimpleNamespace(**context)
