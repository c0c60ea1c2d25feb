"""Gathering: a team event of the unit (outbound, games, sport, a shared meal,
discussion, recreation), held with the unit's roster."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.group import GroupActivityForm
from activities.models import Activity, GatheringDetail
from activities.registry import ActivityKind, register
from activities.rules import blank

CODE = "gathering"


class GatheringForm(GroupActivityForm):
    event = forms.CharField(label=_("Nama acara"), max_length=200)
    kinds = forms.MultipleChoiceField(
        label=_("Bentuk kegiatan"),
        choices=GatheringDetail.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    location = forms.CharField(label=_("Lokasi"), max_length=200, required=False)
    field_order = [
        "unit",
        "include_subunits",
        "event",
        "kinds",
        "location",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "facilitator",
        "summary",
        "dimensions",
        "evidence",
    ]

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        detail = activity.gathering
        initial.update(event=detail.event, kinds=detail.kinds, location=detail.location)
        return initial

    def detail(self):
        data = self.cleaned_data
        return {
            "event": data.get("event", ""),
            "kinds": data.get("kinds") or [],
            "location": data.get("location", ""),
        }


@register
class Gathering(ActivityKind):
    code = CODE
    label = _("Gathering")
    form_class = GatheringForm
    detail_model = GatheringDetail
    detail_template = "activities/kinds/gathering.html"

    def detail_errors(self, *, actor, detail, facilitator, started_on):
        if blank(detail.get("event")):
            yield "event", gettext("Isi nama acara gathering.")
        if any(k not in GatheringDetail.Kind.values for k in detail.get("kinds") or []):
            yield "kinds", gettext("Bentuk kegiatan tidak dikenal.")

    def save_detail(
        self,
        activity: Activity,
        *,
        actor,
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        GatheringDetail.objects.update_or_create(
            activity=activity,
            defaults={
                "event": detail["event"].strip(),
                "kinds": list(detail.get("kinds") or []),
                "location": (detail.get("location") or "").strip(),
            },
        )

    def credit_topic(self, activity: Activity) -> str | None:
        return activity.gathering.event if hasattr(activity, "gathering") else None
