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


class RequestLimitsMiddleware:
    """Refuse, with a page that says why, what no view should have to handle:

    - a body larger than ``REQUEST_BODY_MAX_BYTES`` (by its Content-Length, before
      anything is read) or a file past ``UPLOAD_MAX_BYTES`` (stopped while it
      streams, ``sosiokultural.uploads.SizeLimitUploadHandler``): 413;
    - a control character (NUL and the other C0 characters except tab and line
      ends, and DEL) in any query-string or form value or name: 400. PostgreSQL
      cannot store NUL in text, and no field of this application needs the rest.

    Placed before ``CsrfViewMiddleware``, so the body is parsed here first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.conf import settings
        from django.core.exceptions import RequestDataTooBig

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_BYTES:
            return _refused(request, 413, _too_large_message(settings))
        if _has_control_characters(request.GET):
            return _refused(request, 400, _control_message())
        if request.method == "POST":
            try:
                data = request.POST
            except RequestDataTooBig:
                return _refused(request, 413, _too_large_message(settings))
            if getattr(request, "upload_refused", False):
                return _refused(request, 413, _too_large_message(settings))
            if _has_control_characters(data):
                return _refused(request, 400, _control_message())
        return None


def _has_control_characters(query) -> bool:
    from sosiokultural.tabular import CONTROL_CHARACTERS

    return any(
        CONTROL_CHARACTERS.search(key) or any(map(CONTROL_CHARACTERS.search, values))
        for key, values in query.lists()
    )


def _too_large_message(settings) -> str:
    from django.utils.translation import gettext as _

    return _(
        "Data yang dikirim terlalu besar: setiap berkas paling besar %(file)s MB, "
        "seluruh kiriman paling besar %(total)s MB."
    ) % {
        "file": settings.UPLOAD_MAX_BYTES // (1024 * 1024),
        "total": settings.REQUEST_BODY_MAX_BYTES // (1024 * 1024),
    }


def _control_message() -> str:
    from django.utils.translation import gettext as _

    return _(
        "Isian berisi karakter kendali (mis. NUL) yang tidak diizinkan. Hapus "
        "karakter itu lalu kirim lagi."
    )


def _refused(request, status: int, message: str):
    from django.shortcuts import render

    return render(request, "request_refused.html", {"message": message}, status=status)


class PrivateCacheMiddleware:
    """``Cache-Control: private, no-store`` on every response to a signed-in user:
    pages and downloads hold personal data that no shared cache (proxy, CDN) and
    no browser history on a shared office PC may keep. A view that set its own
    Cache-Control keeps its directives, with these added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from django.utils.cache import patch_cache_control

            patch_cache_control(response, private=True, no_store=True)
        return response
