"""The base of every activity form: timing, facilitator, dimensions, summary,
evidence, and the attendance field; the rules are those of ``activities.rules``,
shared with the services."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Attendance
from activities.registry import kind_for
from activities.rules import (
    duration_error,
    evidence_kind,
    future_error,
    minutes_between,
)
from activities.selectors import matrix_dimension_ids, recordable_employees
from competencies.models import DevelopmentForm, Dimension
from people.lookup import EmployeeLookupField
from people.models import Employee
from people.selectors import user_employee
from sosiokultural.forms import add_service_errors

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Zero or more files, each checked by extension, content and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx", "multiple": True}
            ),
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("PDF, JPG, PNG, DOCX atau XLSX; maksimal 5 MB per berkas."),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [upload for upload in files if upload]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        errors = []
        for upload in files:
            try:
                evidence_kind(upload.name, upload.size, upload)
            except ValueError as exc:
                errors.append(f"{upload.name}: {exc}")
        if errors:
            raise ValidationError(errors)
        return list(files)


class AttendanceField(forms.Field):
    """Attendance posted as repeated ``attendance=<employee id>:<status>`` values
    (one select per roster row), parsed to [(employee_id, status)]."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        parsed = []
        for token in value or []:
            if not token:
                continue
            pk, sep, status = str(token).partition(":")
            if not sep or not pk.isdigit() or status not in Attendance.Status.values:
                raise ValidationError(_("Data kehadiran tidak valid."), code="invalid")
            parsed.append((int(pk), status))
        return parsed


def attendance_errors(pairs, allowed: dict, outside_message: str = "") -> list[str]:
    """Duplicates and employees outside ``allowed`` ({pk: Employee});
    ``outside_message`` (with ``%(count)s``) says why they are outside."""
    errors = []
    seen, duplicates = set(), []
    for pk, __ in pairs:
        if pk in seen and pk in allowed and allowed[pk] not in duplicates:
            duplicates.append(allowed[pk])
        seen.add(pk)
    if duplicates:
        errors.append(
            gettext("Peserta tercatat lebih dari sekali: %(names)s.")
            % {"names": ", ".join(e.name for e in duplicates)}
        )
    outside = {pk for pk, __ in pairs if pk not in allowed}
    if outside:
        message = outside_message or gettext(
            "%(count)s peserta berada di luar cakupan Anda."
        )
        errors.append(message % {"count": len(outside)})
    return errors


def same_day_message(briefings) -> str:
    first = briefings[0]
    return gettext(
        "Briefing unit ini pada tanggal ini sudah tercatat (jam %(time)s, dicatat "
        "oleh %(recorder)s). Centang konfirmasi bila ini memang briefing kedua."
    ) % {
        "time": timezone.localtime(first.started_at).strftime("%H.%M"),
        "recorder": first.recorded_by.get_full_name() or first.recorded_by.username,
    }


class ActivityForm(forms.Form):
    """What every internal form asks: when, how long, who led it, which dimensions,
    a summary and evidence files."""

    date = forms.DateField(label=_("Tanggal"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Jam mulai"), widget=TIME_WIDGET)
    end_time = forms.TimeField(
        label=_("Jam selesai"), required=False, widget=TIME_WIDGET
    )
    duration_minutes = forms.IntegerField(
        label=_("Durasi (menit)"),
        required=False,
        help_text=_(
            "Isi jam selesai atau durasi; maksimal 480 menit (satu hari kerja)."
        ),
    )
    facilitator = EmployeeLookupField(
        label=_("Fasilitator"), queryset=Employee.objects.none(), required=False
    )
    dimensions = forms.ModelMultipleChoiceField(
        label=_("Dimensi yang dikembangkan"),
        queryset=Dimension.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Terisi sesuai matriks bentuk pengembangan; ubah bila perlu."),
    )
    summary = forms.CharField(
        label=_("Ringkasan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = EvidenceField(label=_("Berkas bukti"))

    # Service error keys → the field that shows them here.
    error_aliases = {"started_at": "date", "form": None}

    def __init__(self, *args, user, development_form: DevelopmentForm, **kwargs):
        self.instance: Activity | None = kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user
        self.development_form = development_form
        self.kind = kind_for(development_form.code)
        self.employees = recordable_employees(user)
        self.fields["facilitator"].queryset = self.employees
        if self.instance is None:
            now = timezone.localtime()
            self.fields["date"].initial = now.date()
            self.fields["start_time"].initial = now.time().replace(
                second=0, microsecond=0
            )
            self.fields["duration_minutes"].initial = development_form.default_minutes
            self.fields["facilitator"].initial = user_employee(user)
            self.fields["dimensions"].initial = matrix_dimension_ids(development_form)
        if self.instance is not None or not self.fields["dimensions"].initial:
            # Nothing was filled in from the matrix: say nothing about it.
            self.fields["dimensions"].help_text = ""
        if self.instance is not None:
            del self.fields["evidence"]
            self.initial.update(self.instance_initial(self.instance))

    def instance_initial(self, activity: Activity) -> dict:
        start = timezone.localtime(activity.started_at)
        return {
            "date": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0),
            "duration_minutes": activity.duration_minutes,
            "facilitator": activity.facilitator_id,
            "dimensions": list(activity.dimensions.values_list("pk", flat=True)),
            "summary": activity.summary,
        }

    def clean(self):
        cleaned = super().clean()
        self._clean_timing(cleaned)
        self._clean_detail(cleaned)
        return cleaned

    def _clean_timing(self, cleaned: dict) -> None:
        day, start = cleaned.get("date"), cleaned.get("start_time")
        if day is None or start is None:
            return
        started_at = timezone.make_aware(datetime.combine(day, start))
        cleaned["started_at"] = started_at
        if message := future_error(started_at, timezone.now()):
            self.add_error("date", message)
        minutes = cleaned.get("duration_minutes")
        end = cleaned.get("end_time")
        if end is not None:
            ended_at = timezone.make_aware(datetime.combine(day, end))
            span = minutes_between(started_at, ended_at)
            if span <= 0:
                self.add_error(
                    "end_time", gettext("Jam selesai harus setelah jam mulai.")
                )
                return
            if minutes is not None and minutes != span:
                self.add_error(
                    "duration_minutes",
                    gettext(
                        "Durasi tidak sama dengan selisih jam mulai dan jam selesai "
                        "(%(span)s menit)."
                    )
                    % {"span": span},
                )
                return
            minutes = span
        if message := duration_error(minutes):
            self.add_error("duration_minutes", message)
        cleaned["duration_minutes"] = minutes

    def _clean_detail(self, cleaned: dict) -> None:
        """The form-specific rules, exactly as the services apply them."""
        facilitator = cleaned.get("facilitator")
        if "facilitator" not in self.fields and self.kind.author_only:
            facilitator = user_employee(self.user)  # the author is its facilitator
        for field, message in self.kind.detail_errors(
            actor=self.user,
            detail=self.detail(),
            facilitator=facilitator,
            started_on=cleaned.get("date") or timezone.localdate(),
        ):
            target = field if field in self.fields else None
            if target is not None and target in self.errors:
                continue  # the field's own validation already said what is wrong
            self.add_error(target, message)

    def detail(self) -> dict:
        return {}

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {
            "started_at": data["started_at"],
            "duration_minutes": data["duration_minutes"],
            "facilitator": data.get("facilitator"),
            "summary": data.get("summary", ""),
            "dimension_ids": [d.pk for d in data.get("dimensions") or []],
            "detail": self.detail(),
        }
        if "unit" in data:
            kwargs["unit"] = data["unit"]
        if "attendance" in data:
            kwargs["attendance"] = data["attendance"]
        return kwargs

    def apply_service_errors(self, exc: ValidationError) -> None:
        add_service_errors(self, exc, aliases=self.error_aliases)
