"""Forms held with a group: briefing, gathering, benchmarking (unit + roster)."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import (
    ActivityForm,
    AttendanceField,
    attendance_errors,
    same_day_message,
)
from activities.models import (
    FORM_BENCHMARKING,
    FORM_BRIEFING,
    FORM_GATHERING,
    Attendance,
    BenchmarkingDetail,
    BriefingDetail,
    GatheringDetail,
)
from activities.rules import OUTSIDE_ROSTER
from activities.selectors import recordable_units, same_day_briefings
from people.lookup import EmployeeLookupMultipleField
from people.models import Employee, Unit
from people.selectors import unit_subtree, user_employee


class GroupActivityForm(ActivityForm):
    """Forms held with a group. The roster is the activity's unit (and its
    sub-units only when asked for); anyone else who took part is added by name as
    a guest. Nobody outside the roster and the guests is listed or credited, so
    "Semua hadir" marks the unit's people only."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    include_subunits = forms.BooleanField(
        label=_("Sertakan pegawai sub-unit"),
        required=False,
        help_text=_("Daftar peserta memuat juga pegawai unit di bawahnya."),
    )
    attendance = AttendanceField(label=_("Kehadiran"), required=False)
    guests = EmployeeLookupMultipleField(
        label=_("Tamu dari unit lain"),
        queryset=None,
        required=False,
        select_below=0,
        help_text=_("Tambahkan satu per satu; tamu dicatat hadir."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = recordable_units(self.user)
        self.fields["guests"].queryset = self.employees
        if self.instance is None:
            self._reload_roster_on_change()
            own = user_employee(self.user)
            self.fields["unit"].initial = own.unit_id if own else None

    def _reload_roster_on_change(self) -> None:
        """Changing the unit or the sub-unit choice reloads the roster: htmx asks
        the same page for that unit and keeps only its roster."""
        reload = {
            "hx-get": reverse("activities:create", args=[self.form_code]),
            "hx-trigger": "change",
            "hx-target": "#roster",
            "hx-select": "#roster",
            "hx-swap": "outerHTML",
            "hx-include": "[name=unit],[name=include_subunits]",
        }
        self.fields["unit"].widget.attrs.update(reload)
        self.fields["include_subunits"].widget.attrs.update(reload)

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

    def chosen_unit(self) -> Unit | None:
        if self.is_bound:
            key = self.data.get("unit")
        else:
            key = self.initial.get("unit") or self.fields["unit"].initial
        if not str(key or "").isdigit():
            return None
        return self.fields["unit"].queryset.filter(pk=key).first()

    def with_subunits(self) -> bool:
        if self.is_bound:
            return bool(self.data.get("include_subunits"))
        return bool(self.initial.get("include_subunits"))

    def roster(self) -> list[Employee]:
        """The active people of the chosen unit (with its sub-units when asked
        for) whom the recorder may list; on an edit, also whoever is recorded."""
        if not hasattr(self, "_roster"):
            unit = self.chosen_unit()
            people = self.employees.none()
            if unit is not None:
                people = self.employees.filter(
                    unit__in=unit_subtree(unit) if self.with_subunits() else [unit]
                )
            if self.instance is not None:
                people = people | self.employees.filter(
                    attendances__activity=self.instance
                )
            self._roster = list(people.distinct())
        return self._roster

    def clean_attendance(self):
        pairs = self.cleaned_data["attendance"]
        errors = attendance_errors(
            pairs,
            {e.pk: e for e in self.roster()},
            str(OUTSIDE_ROSTER),
        )
        if errors:
            raise ValidationError(errors)
        return dict(pairs)

    def clean(self):
        cleaned = super().clean()
        if "attendance" not in cleaned:
            return cleaned
        attendance = dict(cleaned["attendance"])
        for guest in cleaned.get("guests") or []:
            # A guest took part: present, unless the roster row says otherwise.
            attendance.setdefault(guest.pk, Attendance.Status.PRESENT)
        if not any(
            status == Attendance.Status.PRESENT for status in attendance.values()
        ):
            self.add_error(
                "attendance", gettext("Tandai minimal satu peserta yang hadir.")
            )
        cleaned["attendance"] = attendance
        return cleaned

    def roster_rows(self) -> list[tuple]:
        """(employee, chosen status) for the roster. A new form starts with
        everyone on it present."""
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
            chosen = {e.pk: Attendance.Status.PRESENT for e in self.roster()}
        return [(e, chosen.get(e.pk, "")) for e in self.roster()]


class BriefingForm(GroupActivityForm):
    agenda_kind = forms.ChoiceField(
        label=_("Agenda"),
        choices=BriefingDetail.Agenda.choices,
        widget=forms.RadioSelect,
    )
    confirm_duplicate = forms.BooleanField(
        label=_("Ya, catat briefing kedua untuk unit ini hari ini"), required=False
    )
    form_code = FORM_BRIEFING
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
        same_day = same_day_briefings(unit, day)
        if self.instance is not None:
            same_day = same_day.exclude(pk=self.instance.pk)
        if same_day := list(same_day[:1]):
            self.add_error("confirm_duplicate", same_day_message(same_day))
        return cleaned

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
        "include_subunits",
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
