"""The profile page of one's API tokens: create (shown once), list, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from api.forms import TokenForm
from api.permissions import MANAGE_TOKENS, WRITE_WITH_API
from api.selectors import tokens_visible_to
from api.services import token_create, token_revoke
from people.permissions import can, fetch, require


@login_required
@require(MANAGE_TOKENS)
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenForm(request.POST or None, can_write=can(request.user, WRITE_WITH_API))
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            token, created = token_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            form = TokenForm(can_write=can(request.user, WRITE_WITH_API))
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "created": created,
            "tokens": tokens_visible_to(request.user)[:50],
        },
    )


@login_required
@require_POST
def token_revoke_view(request, pk: int):
    token = fetch(tokens_visible_to(request.user), user=request.user, pk=pk)
    token_revoke(token=token, by=request.user)
    messages.success(request, _("Token “%(name)s” dicabut.") % {"name": token.name})
    return redirect("api:tokens")
