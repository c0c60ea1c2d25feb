from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from calendars.ics import ics_bytes
from calendars.models import CalendarFeed
from calendars.permissions import PERSONAL_FEED, UNIT_FEED
from calendars.selectors import feed_entries, feeds_of
from calendars.services import feed_create, feed_revoke, secret_digest
from people.permissions import can, fetch


@login_required
@require_http_methods(["GET", "POST"])
def feeds(request):
    created, status = None, 200
    if request.method == "POST":
        if not (can(request.user, PERSONAL_FEED) or can(request.user, UNIT_FEED)):
            raise PermissionDenied
        try:
            __, secret = feed_create(user=request.user, kind=request.POST.get("kind"))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            status = 400
        else:
            path = reverse("calendars:feed", args=[secret])
            created = request.build_absolute_uri(path)
    return render(
        request,
        "calendars/feeds.html",
        {
            "feeds": feeds_of(request.user)[:20],
            "created": created,
            "can_personal": can(request.user, PERSONAL_FEED),
            "can_unit": can(request.user, UNIT_FEED),
        },
        status=status,
    )


@login_required
@require_POST
def revoke(request, pk: int):
    feed = fetch(feeds_of(request.user), user=request.user, pk=pk)
    feed_revoke(feed=feed, by=request.user)
    return redirect("calendars:feeds")


@require_GET
def feed(request, secret: str):
    """Public by its secret: calendar programs fetch it without a login."""
    if len(secret) > 64:
        raise Http404
    found = (
        CalendarFeed.objects.select_related("user", "unit")
        .filter(digest=secret_digest(secret), revoked_at__isnull=True)
        .first()
    )
    if found is None or not found.user.is_active:
        raise Http404
    name = (
        found.get_kind_display()
        if found.kind == CalendarFeed.Kind.PERSONAL
        else f"{found.get_kind_display()}: {found.unit.name}"
    )
    response = HttpResponse(
        ics_bytes(feed_entries(found), name=str(name)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=900"
    return response
