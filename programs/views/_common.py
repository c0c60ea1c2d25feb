from django.core.exceptions import ValidationError
from django.core.paginator import Paginator


def error_messages(exc: ValidationError) -> list[str]:
    """Every message of a ValidationError, flattened."""
    return [str(m) for m in exc.messages]


def paginate(request, queryset, per_page: int = 25):
    """One page of ``queryset``; the links keep the other parameters through
    ``{% querystring %}`` (``templates/_pagination.html``)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
