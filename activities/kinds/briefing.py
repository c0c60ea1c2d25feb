"""Briefing: the unit's daily talk of about ten minutes (rule changes, complaint
evaluation, the SETIA yell), held with the unit's roster. Also recorded from the
phone in one screen (``activities.views.briefing``) and through the API."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import same_day_message
from activities.forms.group import GroupActivityForm
from activities.models import Activity, BriefingDetail
from activities.registry import ActivityKind, register
from activities.selectors import same_day_activities
from exports.writer import Column

CODE = "briefing"


class BriefingForm(GroupActivityForm):
    agenda_kind = forms.ChoiceField(
        label=_("Agenda"),
        choices=BriefingDetail.Agenda.choices,
        widget=forms.RadioSelect,
    )
    confirm_duplicate = forms.BooleanField(
        label=_("Ya, catat briefing kedua untuk unit ini hari ini"), required=False
    )
    field_order = [
        "unit",
        "include_subunits",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "agenda_kind",
        "facilitator",
        "summary",
        "dimensions",
        "evidence",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # Asked only once a second briefing of the day has been refused.
            del self.fields["confirm_duplicate"]

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        initial["agenda_kind"] = activity.briefing.agenda_kind
        return initial

    def clean(self):
        cleaned = super().clean()
        unit, day = cleaned.get("unit"), cleaned.get("date")
        if unit is None or day is None or cleaned.get("confirm_duplicate"):
            return cleaned
        same_day = same_day_activities(CODE, unit, day)
        if self.instance is not None:
            same_day = same_day.exclude(pk=self.instance.pk)
        if same_day := list(same_day[:1]):
            self.add_error("confirm_duplicate", same_day_message(same_day))
        return cleaned

    def detail(self):
        return {"agenda_kind": self.cleaned_data.get("agenda_kind")}


def _agenda(activity: Activity) -> str:
    briefing = getattr(activity, "briefing", None)
    return briefing.get_agenda_kind_display() if briefing else ""


@register
class Briefing(ActivityKind):
    code = CODE
    label = _("Briefing")
    form_class = BriefingForm
    detail_model = BriefingDetail
    list_related = ("briefing",)
    detail_template = "activities/kinds/briefing.html"
    list_template = "activities/kinds/briefing_list.html"
    export_columns = (Column(_("Agenda briefing"), _agenda, width=22),)

    def detail_errors(self, *, actor, detail, facilitator, started_on):
        if detail.get("agenda_kind") not in BriefingDetail.Agenda.values:
            yield "agenda_kind", gettext("Pilih jenis agenda briefing.")

    def save_detail(
        self,
        activity: Activity,
        *,
        actor,
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        BriefingDetail.objects.update_or_create(
            activity=activity, defaults={"agenda_kind": detail["agenda_kind"]}
        )
