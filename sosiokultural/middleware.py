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
