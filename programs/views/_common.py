from django.core.exceptions import ValidationError
from django.core.paginator import Paginator


def error_messages(exc: ValidationError) -> list[str]:
    """Every message of a ValidationError, flattened."""
    return [str(m) for m in exc.messages]


def add_form_errors(form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form (field errors to fields)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def paginate(request, queryset, per_page: int = 25):
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
