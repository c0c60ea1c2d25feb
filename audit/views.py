from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from audit.forms import AuditFilterForm
from audit.permissions import READ_TRAIL
from audit.selectors import audit_events_visible_to
from people.permissions import require


@login_required
@require(READ_TRAIL)
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    events = audit_events_visible_to(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action__icontains=data["action"])
        if data["target_type"]:
            events = events.filter(target_type__icontains=data["target_type"])
        if data["actor"]:
            events = events.filter(actor__username__iexact=data["actor"])
        if data["start"]:
            events = events.filter(at__date__gte=data["start"])
        if data["end"]:
            events = events.filter(at__date__lte=data["end"])
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/list.html",
        {"form": form, "page": page, "querystring": query.urlencode()},
    )
