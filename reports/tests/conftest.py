"""The hand-written province of the report tests (``testsupport.province``), and
the hand-computed IKM follow-up quarters of the surveys' tests (``quarters``)."""

from surveys.tests.conftest import quarters, surveys  # noqa: F401
from testsupport.province import framework, province  # noqa: F401
