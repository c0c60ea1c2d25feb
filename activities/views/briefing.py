from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities.forms import QuickBriefingForm
from activities.kinds.briefing import CODE as BRIEFING
from activities.models import Attendance
from activities.permissions import RECORD
from activities.selectors import activity_sent_before, internal_forms
from activities.services import activity_record
from people.permissions import require


@login_required
@require(RECORD)
@require_http_methods(["GET", "POST"])
def briefing_quick(request):
    """Today's briefing in one screen and one submit (phone first)."""
    development_form = get_object_or_404(internal_forms(), code=BRIEFING)
    if request.method == "GET" and request.htmx:
        # The unit select changed: send back that unit's roster.
        form = QuickBriefingForm(
            user=request.user,
            development_form=development_form,
            initial={"unit": request.GET.get("unit", "")},
        )
        return render(request, "activities/briefing_quick.html#roster", {"form": form})
    if request.method == "POST" and (
        sent := activity_sent_before(request.user, request.POST.get("client_key"))
    ):
        # The same filled form again (a phone's queue sent it once more, a
        # reload): the briefing is already recorded, show it.
        messages.info(request, _("Briefing ini sudah tersimpan sebelumnya."))
        return _saved(request, sent)
    form = QuickBriefingForm(
        request.POST or None, user=request.user, development_form=development_form
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_record(
                recorder=request.user, form=development_form, **form.service_kwargs()
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            statuses = list(form.cleaned_data["attendance"].values())
            messages.success(
                request,
                _("Briefing tersimpan: %(present)s hadir, %(absent)s tidak hadir.")
                % {
                    "present": statuses.count(Attendance.Status.PRESENT),
                    "absent": statuses.count(Attendance.Status.ABSENT),
                },
            )
            return _saved(request, activity)
    return render(request, "activities/briefing_quick.html", {"form": form})


def _saved(request, activity) -> HttpResponse:
    """Redirect to the recorded briefing; a form sent from the phone's outbox
    (``X-Outbox``, static/js/app.js) gets 204 and the address instead, so the
    message above is shown on the page the phone opens next."""
    url = reverse("activities:detail", args=[activity.pk])
    if request.headers.get("X-Outbox"):
        return HttpResponse(status=204, headers={"X-Location": url})
    return redirect(url)
