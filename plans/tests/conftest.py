"""The hand-written province the plan tests share with the report tests
(``testsupport.province``)."""

from testsupport.province import framework, province  # noqa: F401
