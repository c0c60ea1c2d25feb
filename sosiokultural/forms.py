"""Form helpers shared by every app."""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(
    form: forms.BaseForm,
    exc: ValidationError,
    *,
    aliases: Mapping[str, str | None] | None = None,
) -> None:
    """Put a service's ``ValidationError`` onto ``form``: an error about a field
    the form has goes to that field (``aliases`` renames a service's field to the
    form's, or to ``None`` for the form as a whole), everything else to the form's
    own errors. The messages are kept as the service wrote them."""
    aliases = aliases or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.error_list)
        return
    for field, errors in exc.error_dict.items():
        target = aliases.get(field, field)
        if target == NON_FIELD_ERRORS or target not in form.fields:
            target = None
        form.add_error(target, errors)
