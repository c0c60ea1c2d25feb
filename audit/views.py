from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from audit.filters import AuditFilter
from audit.labels import action_label, changes, kind_label
from audit.permissions import READ_TRAIL
from audit.selectors import audit_actor_suggestions, audit_events_visible_to
from people.permissions import require

PAGE_SIZE = 25


@login_required
@require(READ_TRAIL)
def audit_list(request):
    filterset = AuditFilter(request.GET or None, audit_events_visible_to(request.user))
    # One page of rows from the database (LIMIT/OFFSET), then their labels.
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "event": event,
            "action": action_label(event.action),
            "kind": kind_label(event.target_type),
            "changes": changes(event),
        }
        for event in page
    ]
    return render(
        request,
        "audit/list.html",
        {"form": filterset.form, "page": page, "rows": rows},
    )


@login_required
@require(READ_TRAIL)
def audit_actors(request):
    """The type-ahead of the actor filter: ``<option>``s for its datalist."""
    users = audit_actor_suggestions(request.user, request.GET.get("actor", ""))
    return render(request, "audit/_actor_options.html", {"users": users})
