"""Forms held with a group: briefing, gathering, benchmarking (unit + roster)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import ActivityForm, AttendanceField, attendance_errors
from activities.models import (
    FORM_BENCHMARKING,
    FORM_BRIEFING,
    FORM_GATHERING,
    Attendance,
    BenchmarkingDetail,
    BriefingDetail,
    GatheringDetail,
)
from activities.selectors import recordable_units
from people.models import Unit
from people.selectors import user_employee


class GroupActivityForm(ActivityForm):
    """Forms held with a group: a unit and a roster with attendance per person."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    attendance = AttendanceField(label=_("Kehadiran"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = recordable_units(self.user)
        if self.instance is None:
            own = user_employee(self.user)
            self.fields["unit"].initial = own.unit_id if own else None

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        initial["unit"] = activity.unit_id
        initial["attendance"] = [
            f"{employee_id}:{status}"
            for employee_id, status in activity.attendances.values_list(
                "employee_id", "status"
            )
        ]
        return initial

    def clean_attendance(self):
        pairs = self.cleaned_data["attendance"]
        allowed = {e.pk: e for e in self.employees}
        errors = attendance_errors(pairs, allowed)
        if errors:
            raise ValidationError(errors)
        if not any(status == Attendance.Status.PRESENT for __, status in pairs):
            raise ValidationError(gettext("Tandai minimal satu peserta yang hadir."))
        return dict(pairs)

    def roster_rows(self) -> list[tuple]:
        """(employee, chosen status) for every employee the recorder may list. A new
        form starts with the recorder's unit marked present."""
        if self.is_bound:
            chosen = {}
            for token in self.data.getlist("attendance"):
                pk, __, status = token.partition(":")
                if pk.isdigit():
                    chosen[int(pk)] = status
        elif self.instance is not None:
            chosen = dict(
                self.instance.attendances.values_list("employee_id", "status")
            )
        else:
            unit_id = self.fields["unit"].initial
            chosen = {
                e.pk: Attendance.Status.PRESENT
                for e in self.employees
                if e.unit_id == unit_id
            }
        return [(e, chosen.get(e.pk, "")) for e in self.employees]


class BriefingForm(GroupActivityForm):
    agenda_kind = forms.ChoiceField(
        label=_("Agenda"),
        choices=BriefingDetail.Agenda.choices,
        widget=forms.RadioSelect,
    )
    form_code = FORM_BRIEFING
    field_order = [
        "unit",
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

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        initial["agenda_kind"] = activity.briefing.agenda_kind
        return initial

    def detail(self):
        return {"agenda_kind": self.cleaned_data.get("agenda_kind")}


class GatheringForm(GroupActivityForm):
    event = forms.CharField(label=_("Nama acara"), max_length=200)
    kinds = forms.MultipleChoiceField(
        label=_("Bentuk kegiatan"),
        choices=GatheringDetail.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    location = forms.CharField(label=_("Lokasi"), max_length=200, required=False)
    form_code = FORM_GATHERING
    field_order = [
        "unit",
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


class BenchmarkingForm(GroupActivityForm):
    host_type = forms.ChoiceField(
        label=_("Jenis tuan rumah"), choices=BenchmarkingDetail.HostType.choices
    )
    host_name = forms.CharField(label=_("Nama tuan rumah"), max_length=200)
    host_unit = forms.ModelChoiceField(
        label=_("Unit tuan rumah (bila unit internal)"),
        queryset=Unit.objects.all(),
        required=False,
    )
    findings = forms.CharField(
        label=_("Temuan"), widget=forms.Textarea(attrs={"rows": 3})
    )
    practices_adopted = forms.CharField(
        label=_("Praktik yang diadopsi sesudahnya"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    form_code = FORM_BENCHMARKING
    field_order = [
        "unit",
        "host_type",
        "host_name",
        "host_unit",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "facilitator",
        "findings",
        "practices_adopted",
        "summary",
        "dimensions",
        "evidence",
    ]

    def instance_initial(self, activity):
        initial = super().instance_initial(activity)
        detail = activity.benchmarking
        initial.update(
            host_type=detail.host_type,
            host_name=detail.host_name,
            host_unit=detail.host_unit_id,
            findings=detail.findings,
            practices_adopted=detail.practices_adopted,
        )
        return initial

    def detail(self):
        fields = ("host_type", "host_name", "host_unit", "findings")
        data = self.cleaned_data
        detail = {key: data.get(key) for key in fields}
        detail["practices_adopted"] = data.get("practices_adopted", "")
        return detail
