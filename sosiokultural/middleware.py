class IndonesianByDefaultMiddleware:
    """Serve the Indonesian interface unless the user switched language.

    The browser's Accept-Language is ignored (an office PC set to English still gets
    the Indonesian UI, the language of the service); the switch in the footer sets
    the language cookie, which ``LocaleMiddleware`` honours.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class DeactivatedEmployeeMiddleware:
    """End the session of a login whose employee record was set inactive: it loses
    its scope at once (``people.selectors``) and is signed out on its next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _employee_inactive(user):
            from django.contrib.auth import logout
            from django.shortcuts import redirect

            logout(request)
            return redirect("login")
        return self.get_response(request)


def _employee_inactive(user) -> bool:
    from people.models import Employee

    try:
        return not user.employee.is_active
    except Employee.DoesNotExist:
        return False
