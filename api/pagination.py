from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``?page=N`` (and ``page_size`` up to 200): every list reads one page."""

    page_size_query_param = "page_size"
    max_page_size = 200
