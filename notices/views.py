from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from notices.selectors import notice_get_for_user, notices_visible_to
from notices.services import notice_mark_read, notices_mark_all_read


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
