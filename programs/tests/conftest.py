import pytest

from people.tests.factories import EmployeeFactory
from programs.tests.factories import ProgramFactory, framework


@pytest.fixture(autouse=True)
def _fresh_employee_sequence():
    """The shared EmployeeFactory derives the NIP serial from its sequence; past
    ~500 employees in one run the NIP outgrows 18 characters (PostgreSQL refuses
    it). Each test starts on an empty database, so restart the sequence."""
    EmployeeFactory.reset_sequence()


@pytest.fixture
def fw(db):
    """(dimensions by code, forms by code) of the matrix used by these tests."""
    return framework()


@pytest.fixture
def program(fw):
    """Diklat Komunikasi, 3 seats, registration open today."""
    return ProgramFactory(capacity=3)
