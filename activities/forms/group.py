"""The base of the forms held with a group (a unit and its roster): briefing,
gathering and benchmarking declare theirs in ``activities/kinds/``."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import ActivityForm, AttendanceField, attendance_errors
from activities.models import Attendance
from activities.rules import OUTSIDE_ROSTER
from activities.selectors import recordable_units
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
            "hx-get": reverse("activities:create", args=[self.development_form.code]),
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
                # A semi-join on the activity's attendances: joining them made a
                # row per attendance of everyone in scope, then DISTINCT.
                recorded = Attendance.objects.filter(activity=self.instance)
                people = people | self.employees.filter(
                    pk__in=recorded.values("employee_id")
                )
            self._roster = list(people)
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
