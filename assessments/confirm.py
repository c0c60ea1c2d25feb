"""The explicit confirmation of irreversible actions (releasing results,
publishing an instrument): the form carries ``confirm=ya`` and asks first in the
browser (``data-confirm``); a POST without it — a bare or replayed request, or a
browser without scripts — gets this confirmation page instead of the action."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

FIELD = "confirm"
VALUE = "ya"


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get(FIELD) == VALUE


def confirmation_page(
    request: HttpRequest, *, title: str, message: str, button: str, cancel: str
) -> HttpResponse:
    return render(
        request,
        "assessments/confirm.html",
        {
            "title": title,
            "message": message,
            "button": button,
            "action": request.path,
            "cancel": cancel,
            "confirm_field": FIELD,
            "confirm_value": VALUE,
        },
    )
