"""Helpers for the page tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def constant_queries(client, url, grow, django_assert_num_queries):
    """The page needs the same number of queries before and after ``grow()``."""
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200


def text(response) -> str:
    return response.content.decode()
