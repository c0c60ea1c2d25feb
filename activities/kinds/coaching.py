"""Coaching: an engagement (``Coaching``: coach, coachee, goal) and its sessions,
each session an activity of its own with the agreed actions and their due date.
The first session opens the engagement; the coachee is the attendee and the coach
the facilitator."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import DATE_WIDGET, ActivityForm
from activities.models import Activity, Coaching, CoachingSession
from activities.registry import ActivityKind, register
from activities.rules import blank
from activities.selectors import open_coachings_for
from people.lookup import EmployeeLookupField
from people.models import Employee
from people.permissions import is_head
from people.selectors import user_employee

CODE = "coaching"


class CoachingSessionForm(ActivityForm):
    coaching = forms.ModelChoiceField(
        label=_("Coaching yang sedang berjalan"),
        queryset=None,
        required=False,
        empty_label=_("— coaching baru —"),
    )
    coachee = EmployeeLookupField(
        label=_("Coachee"),
        queryset=Employee.objects.none(),
        required=False,
        help_text=_("Untuk coaching baru."),
    )
    goal = forms.CharField(
        label=_("Tujuan coaching"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Untuk coaching baru."),
    )
    agreed_actions = forms.CharField(
        label=_("Tindak lanjut yang disepakati"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    due_on = forms.DateField(
        label=_("Tenggat tindak lanjut"), required=False, widget=DATE_WIDGET
    )
    field_order = [
        "coaching",
        "coachee",
        "goal",
        "facilitator",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "agreed_actions",
        "due_on",
        "summary",
        "dimensions",
        "evidence",
    ]
    error_aliases = {**ActivityForm.error_aliases, "attendance": "coachee"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].label = _("Coach")
        if self.instance is None:
            self.fields["coaching"].queryset = open_coachings_for(self.user)
            self.fields["coachee"].queryset = self.employees
            self._default_people()
        else:
            for name in ("coaching", "coachee", "goal"):
                del self.fields[name]

    def _default_people(self) -> None:
        """Defaults that fit whoever logs the session: a head is usually the
        coach (the coachee is chosen); anyone else is usually the coachee (the
        coach is chosen, never defaulted to the coachee himself). A session of a
        chosen engagement takes its coach."""
        own = user_employee(self.user)
        coaching_id = self.initial.get("coaching")
        coaching = (
            self.fields["coaching"].queryset.filter(pk=coaching_id).first()
            if coaching_id
            else None
        )
        if coaching is not None:
            self.fields["facilitator"].initial = coaching.coach_id
        elif not is_head(self.user):
            self.fields["facilitator"].initial = None
            self.fields["facilitator"].help_text = _("Pilih coach Anda.")
            self.fields["coachee"].initial = own.pk if own else None
        if self.initial.get("coachee") == (own.pk if own else None):
            # A head logging his own coaching by the head above.
            self.fields["facilitator"].initial = None

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        session = activity.coaching_session
        initial.update(agreed_actions=session.agreed_actions, due_on=session.due_on)
        return initial

    def detail(self):
        data = self.cleaned_data
        coaching = data.get("coaching")
        if self.instance is not None:
            coaching = self.instance.coaching_session.coaching
        return {
            "coaching": coaching,
            "coachee": data.get("coachee"),
            "goal": data.get("goal", ""),
            "agreed_actions": data.get("agreed_actions", ""),
            "due_on": data.get("due_on"),
        }

    def clean(self):
        cleaned = super().clean()
        coaching, coachee = cleaned.get("coaching"), cleaned.get("coachee")
        if coaching and coachee and coachee != coaching.coachee:
            self.add_error(
                "coachee", gettext("Coachee berbeda dengan coaching yang dipilih.")
            )
        return cleaned


@register
class CoachingKind(ActivityKind):
    code = CODE
    label = _("Coaching")
    form_class = CoachingSessionForm
    detail_model = CoachingSession
    page_related = (
        "coaching_session__coaching__coach",
        "coaching_session__coaching__coachee",
    )
    detail_template = "activities/kinds/coaching.html"
    form_template = "activities/kinds/coaching_form.html"
    facilitator_label = _("Coach")
    single_attendee = True

    def detail_errors(self, *, actor, detail, facilitator, started_on):
        coaching = detail.get("coaching")
        coachee = coaching.coachee if coaching else detail.get("coachee")
        if coachee is None:
            yield "coachee", gettext("Sesi coaching harus memiliki coachee.")
        if facilitator is None:
            yield "facilitator", gettext("Isi coach (fasilitator) sesi ini.")
        elif coachee is not None and coachee.pk == facilitator.pk:
            yield "coachee", gettext("Coach dan coachee tidak boleh orang yang sama.")
        if coaching is None and coachee is not None and blank(detail.get("goal")):
            yield "goal", gettext("Isi tujuan coaching.")
        due_on = detail.get("due_on")
        if due_on is not None and due_on < started_on:
            yield (
                "due_on",
                gettext("Tenggat tindak lanjut tidak boleh sebelum tanggal sesi."),
            )

    def check_recordable(self, detail: Mapping[str, Any]) -> None:
        coaching = detail.get("coaching")
        if coaching is not None and coaching.status != Coaching.Status.ACTIVE:
            raise ValidationError(
                {"coaching": gettext("Coaching ini sudah tidak berjalan.")}
            )

    def fixed_attendee(self, detail: Mapping[str, Any]) -> Employee | None:
        coaching = detail.get("coaching")
        return coaching.coachee if coaching else detail.get("coachee")

    def kept_on_update(self, activity: Activity, attendee) -> dict[str, Any]:
        # A session stays in its engagement.
        return {"coaching": activity.coaching_session.coaching}

    def save_detail(
        self,
        activity: Activity,
        *,
        actor,
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        coaching = detail.get("coaching")
        if coaching is None and hasattr(activity, "coaching_session"):
            coaching = activity.coaching_session.coaching
        if coaching is None:
            coaching = Coaching.objects.create(
                unit=detail["coachee"].unit,
                coach=activity.facilitator,
                coachee=detail["coachee"],
                goal=detail["goal"].strip(),
                started_on=timezone.localdate(activity.started_at),
                created_by=actor,
            )
            coaching.dimensions.set(dimension_ids)
        CoachingSession.objects.update_or_create(
            activity=activity,
            defaults={
                "coaching": coaching,
                "agreed_actions": (detail.get("agreed_actions") or "").strip(),
                "due_on": detail.get("due_on"),
            },
        )
