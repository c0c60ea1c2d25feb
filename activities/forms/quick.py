"""Today's briefing from a phone: one screen, one submit.

Date and time default to now, the unit's active roster is pre-ticked as present;
unticked people are recorded absent.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import attendance_errors
from activities.models import Attendance, BriefingDetail
from activities.rules import duration_error, future_error
from activities.selectors import recordable_employees, recordable_units, unit_roster
from people.models import Employee, Unit
from people.selectors import user_employee

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class PresentField(forms.Field):
    """The ticked roster checkboxes: a list of employee ids (kept with duplicates so
    they can be refused)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        ids = []
        for token in value or []:
            if not str(token).isdigit():
                raise ValidationError(_("Data kehadiran tidak valid."), code="invalid")
            ids.append(int(token))
        return ids


class QuickBriefingForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    started_at = forms.DateTimeField(
        label=_("Tanggal dan jam"),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
        ),
    )
    duration_minutes = forms.IntegerField(
        label=_("Durasi (menit)"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    agenda_kind = forms.ChoiceField(
        label=_("Agenda"),
        choices=BriefingDetail.Agenda.choices,
        widget=forms.RadioSelect,
    )
    summary = forms.CharField(
        label=_("Ringkasan singkat"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    present = PresentField(label=_("Hadir"), required=False)

    def __init__(self, *args, user, development_form, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        units = recordable_units(user)
        self.fields["unit"].queryset = units
        own = user_employee(user)
        self.fields["unit"].initial = own.unit_id if own else None
        self.fields["started_at"].initial = timezone.localtime().replace(
            second=0, microsecond=0
        )
        self.fields["duration_minutes"].initial = development_form.default_minutes or 10
        self.unit_obj = self._chosen_unit(units)

    def _chosen_unit(self, units) -> Unit | None:
        key = self.data.get("unit") if self.is_bound else self.initial.get("unit")
        key = key or self.fields["unit"].initial
        return units.filter(pk=key).first() if str(key or "").isdigit() else None

    def roster(self) -> list[Employee]:
        """The unit's active staff the recorder may list (a head's subtree covers
        it; a staff member records their own unit)."""
        if self.unit_obj is None:
            return []
        allowed = recordable_employees(self.user).values("pk")
        return list(unit_roster(self.unit_obj).filter(pk__in=allowed))

    def roster_rows(self) -> list[tuple[Employee, bool]]:
        roster = self.roster()
        if self.is_bound:
            ticked = {int(v) for v in self.data.getlist("present") if v.isdigit()}
        else:
            ticked = {e.pk for e in roster}
        return [(e, e.pk in ticked) for e in roster]

    def clean_started_at(self):
        started_at = self.cleaned_data["started_at"]
        if message := future_error(started_at, timezone.now()):
            raise ValidationError(message)
        return started_at

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if message := duration_error(minutes):
            raise ValidationError(message)
        return minutes

    def clean(self):
        cleaned = super().clean()
        if "present" not in cleaned or cleaned.get("unit") is None:
            return cleaned
        roster = {e.pk: e for e in self.roster()}
        ids = cleaned["present"]
        errors = attendance_errors([(pk, "present") for pk in ids], roster)
        if not ids:
            errors.append(gettext("Tandai minimal satu peserta yang hadir."))
        for message in errors:
            self.add_error("present", message)
        if not errors:
            cleaned["attendance"] = {
                pk: (
                    Attendance.Status.PRESENT
                    if pk in set(ids)
                    else Attendance.Status.ABSENT
                )
                for pk in roster
            }
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "unit": data["unit"],
            "started_at": data["started_at"],
            "duration_minutes": data["duration_minutes"],
            "facilitator": user_employee(self.user),
            "attendance": data["attendance"],
            "summary": data["summary"],
            "dimension_ids": None,  # the matrix row of the briefing form
            "detail": {"agenda_kind": data["agenda_kind"]},
        }

    def apply_service_errors(self, exc: ValidationError) -> None:
        aliases = {"attendance": "present", "facilitator": None, "form": None}
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc)
            return
        for field, errors in exc.error_dict.items():
            target = aliases.get(field, field)
            self.add_error(target if target in self.fields else None, errors)
