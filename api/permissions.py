"""Who may do what through the API (the vocabulary of ``people.permissions``),
and the DRF permission class that applies a token's scope.

Scoping is the pages' rule: every endpoint reads through the apps'
``*_visible_to(user)`` selectors, so a row out of scope answers 404; a write a
role may not take answers 403.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from people.permissions import define, heads_and_up, is_inspector, is_signed_in

#: Create and revoke one's own tokens.
MANAGE_TOKENS = define("api.manage_tokens", is_signed_in)
#: A token with the write scope (the inspectorate only reads).
WRITE_WITH_API = define("api.write", is_signed_in & ~is_inspector)
#: The aggregate report: heads (their subtree) and everyone who sees all units.
READ_AGGREGATE = define("api.read_aggregate", heads_and_up)


class TokenScope(BasePermission):
    """Signed in (token or session); writes need a token with the write scope
    (a session may write, as the pages do, with its CSRF token)."""

    message = "Token ini hanya boleh membaca (cakupan read)."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        token = request.auth
        return token is None or getattr(token, "can_write", False)
