"""The hand-written province of the report tests (``testsupport.province``)."""

from testsupport.province import framework, province  # noqa: F401
