"""Forms with one fixed attendee: a coaching session (the coachee), a pendekatan
personal (the employee approached) and pengembangan diri (the learner)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import DATE_WIDGET, ActivityForm
from activities.models import (
    FORM_COACHING,
    FORM_PERSONAL,
    FORM_SELF,
    PersonalNote,
    SelfDevelopmentDetail,
)
from activities.selectors import open_coachings_for
from people.lookup import EmployeeLookupField
from people.models import Employee
from people.permissions import is_head
from people.selectors import user_employee


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
    form_code = FORM_COACHING
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


class PersonalApproachForm(ActivityForm):
    employee = EmployeeLookupField(label=_("Pegawai"), queryset=Employee.objects.none())
    note = forms.CharField(
        label=_("Catatan pribadi"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Hanya Anda dan pegawai yang bersangkutan yang dapat membaca catatan ini; "
            "tidak tampil di daftar, ekspor, atau bagi BPSDM."
        ),
    )
    form_code = FORM_PERSONAL
    field_order = [
        "employee",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "note",
        "dimensions",
    ]
    error_aliases = {**ActivityForm.error_aliases, "attendance": "employee"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("summary", "evidence", "facilitator"):
            self.fields.pop(name, None)
        if self.instance is None:
            own = user_employee(self.user)
            self.fields["employee"].queryset = self.employees.exclude(
                pk=own.pk if own else None
            )
        else:
            del self.fields["employee"]

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        note = PersonalNote.objects.filter(activity=activity, author=self.user).first()
        initial["note"] = note.text if note else ""
        return initial

    def detail(self):
        data = self.cleaned_data
        employee = data.get("employee")
        if self.instance is not None:
            employee = self.instance.personal_note.employee
        return {"employee": employee, "note": data.get("note", "")}

    def service_kwargs(self):
        kwargs = super().service_kwargs()
        kwargs.pop("summary", None)
        return kwargs


class SelfDevelopmentForm(ActivityForm):
    employee = EmployeeLookupField(
        label=_("Pegawai yang belajar"), queryset=Employee.objects.none()
    )
    study_kind = forms.ChoiceField(
        label=_("Yang dipelajari"), choices=SelfDevelopmentDetail.StudyKind.choices
    )
    topic = forms.CharField(label=_("Topik"), max_length=200)
    source = forms.CharField(
        label=_("Sumber belajar"),
        max_length=300,
        required=False,
        help_text=_("Mis. situs internal pelayanan, nama kursus, atau nomor prosedur."),
    )
    form_code = FORM_SELF
    field_order = [
        "employee",
        "study_kind",
        "topic",
        "source",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "summary",
        "dimensions",
        "evidence",
    ]
    error_aliases = {**ActivityForm.error_aliases, "attendance": "employee"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("facilitator", None)
        self.fields["duration_minutes"].label = _("Waktu belajar (menit)")
        if self.instance is None and is_head(self.user):
            self.fields["employee"].queryset = self.employees
            self.fields["employee"].initial = user_employee(self.user)
        else:
            del self.fields["employee"]

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        detail = activity.self_development
        initial.update(
            study_kind=detail.study_kind, topic=detail.topic, source=detail.source
        )
        return initial

    def detail(self):
        data = self.cleaned_data
        if "employee" in self.fields:
            employee = data.get("employee")
        elif self.instance is not None:
            row = self.instance.attendances.select_related("employee__unit").first()
            employee = row.employee if row else None
        else:
            employee = user_employee(self.user)
        return {
            "employee": employee,
            "study_kind": data.get("study_kind"),
            "topic": data.get("topic", ""),
            "source": data.get("source", ""),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance is None
            and not (cleaned.get("source") or "").strip()
            and not cleaned.get("evidence")
            and "evidence" not in self.errors
        ):
            self.add_error(
                "source",
                gettext("Lampirkan berkas bukti atau isi sumber belajar."),
            )
        return cleaned
