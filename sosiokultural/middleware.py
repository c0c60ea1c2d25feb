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
    its scope at once (``people.permissions.is_signed_in``) and is signed out on
    its next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from people.permissions import is_deactivated_employee

        user = getattr(request, "user", None)
        if user is not None and is_deactivated_employee(user):
            from django.contrib.auth import logout
            from django.shortcuts import redirect

            logout(request)
            return redirect("login")
        return self.get_response(request)
