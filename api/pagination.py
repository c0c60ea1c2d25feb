from rest_framework.pagination import CursorPagination, PageNumberPagination


class Pagination(PageNumberPagination):
    """``?page=N`` (and ``page_size`` up to 200): every list reads one page."""

    page_size_query_param = "page_size"
    max_page_size = 200


class NewestFirstCursorPagination(CursorPagination):
    """``?cursor=…`` (and ``page_size`` up to 200) for a list of millions of rows
    (the JP ledger of a province): newest first by id, each page the next rows of
    the primary key's index after the cursor, and no total ``count`` (a COUNT over
    the whole scope would cost more than the page). The id is unique and never
    changes, so a row is never skipped or shown twice while others are added."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200
