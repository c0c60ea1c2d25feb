"""Pendekatan personal (personal approach): a head and one employee, one to one.
Only a head records it. Its notes (``PersonalNote``) are private: read only by
the head who wrote them and the employee concerned — never by other staff or
heads, BPSDM, administrators, lists, exports, the JP ledger, notices or the admin
site. It has no public summary and takes no evidence files; it is verified at
once and only its author edits, deletes or un-verifies it."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import ActivityForm
from activities.models import Activity, PersonalNote
from activities.permissions import RECORD_PERSONAL
from activities.registry import ActivityKind, register
from activities.rules import blank
from people.lookup import EmployeeLookupField
from people.models import Employee
from people.permissions import can
from people.selectors import user_employee

CODE = "pendekatan-personal"


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


@register
class PersonalApproach(ActivityKind):
    code = CODE
    label = _("Pendekatan Personal")
    form_class = PersonalApproachForm
    detail_model = PersonalNote
    detail_private = True
    private_template = "activities/kinds/personal.html"
    private_read_action = "personal_note.read"
    record_permission = RECORD_PERSONAL
    single_attendee = True
    author_only = True
    # Evidence would be readable by everyone who sees the activity; the notes are
    # the record.
    no_evidence_reason = _("Pendekatan personal tidak menyimpan berkas bukti.")

    def detail_errors(self, *, actor, detail, facilitator, started_on):
        if not can(actor, RECORD_PERSONAL):
            yield (
                "employee",
                gettext("Pendekatan personal hanya dicatat oleh kepala unit."),
            )
        employee = detail.get("employee")
        if employee is None:
            yield "employee", gettext("Pilih pegawai yang didekati.")
        elif employee == user_employee(actor):
            yield (
                "employee",
                gettext("Pendekatan personal dilakukan dengan pegawai lain."),
            )
        if blank(detail.get("note")):
            yield "note", gettext("Tuliskan catatan pendekatan personal.")

    def save_detail(
        self,
        activity: Activity,
        *,
        actor,
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        PersonalNote.objects.update_or_create(
            activity=activity,
            defaults={
                "employee": detail["employee"],
                "author": actor,
                "text": detail["note"].strip(),
            },
        )

    def private_detail(self, user, activity: Activity) -> PersonalNote | None:
        """The note, for its author or the employee concerned only. Everyone else
        (other staff and heads, BPSDM, administrators, superusers) gets ``None``."""
        if not user.is_authenticated:
            return None
        return (
            PersonalNote.objects.filter(activity=activity)
            .filter(Q(author=user) | Q(employee__user=user))
            .select_related("employee")
            .first()
        )
