from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from notices import whatsapp
from notices.forms import PreferenceForm
from notices.selectors import notice_get_for_user, notices_visible_to
from notices.services import (
    notice_mark_read,
    notices_mark_all_read,
    preference_of,
    preference_update,
)


@login_required
def notice_list(request):
    page = Paginator(notices_visible_to(request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "notices/list.html", {"page": page})


@login_required
def notice_open(request, pk: int):
    notice = notice_mark_read(notice=notice_get_for_user(request.user, pk))
    link = notice.link or "/"
    if not url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        link = "/"
    return redirect(link)


@login_required
@require_POST
def notice_read_all(request):
    notices_mark_all_read(user=request.user)
    return redirect("notices:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """One's own channels: email (each notice or a daily digest) and WhatsApp."""
    form = PreferenceForm(request.POST or None, instance=preference_of(request.user))
    if request.method == "POST" and form.is_valid():
        preference_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Pengaturan pemberitahuan disimpan."))
        return redirect("notices:preferences")
    return render(
        request,
        "notices/preferences.html",
        {"form": form, "whatsapp_ready": whatsapp.configured()},
    )
