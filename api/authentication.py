"""``Authorization: Bearer <token>`` with a personal API token."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from api.selectors import token_for_string
from api.services import token_touch
from people.permissions import is_signed_in


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Header Authorization tidak sah."))
        try:
            raw = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Token tidak sah.")) from exc
        token = token_for_string(raw)
        if token is None or not is_signed_in(token.user):
            raise exceptions.AuthenticationFailed(
                _("Token tidak dikenal, kedaluwarsa, atau sudah dicabut.")
            )
        token_touch(token=token, now=timezone.now())
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword
