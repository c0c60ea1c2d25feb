"""Pengembangan diri (self-development): one employee studies service cases,
procedures or a course. Staff record their own; a head may record it for an
employee of his subtree. A new entry needs an evidence file or a learning source."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import ActivityForm
from activities.models import Activity, SelfDevelopmentDetail
from activities.registry import ActivityKind, register
from activities.rules import blank
from people.lookup import EmployeeLookupField
from people.models import Employee
from people.permissions import is_head
from people.selectors import user_employee

CODE = "pengembangan-diri"


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


@register
class SelfDevelopment(ActivityKind):
    code = CODE
    label = _("Pengembangan Diri")
    form_class = SelfDevelopmentForm
    detail_model = SelfDevelopmentDetail
    detail_template = "activities/kinds/self_development.html"
    single_attendee = True

    def detail_errors(self, *, actor, detail, facilitator, started_on):
        if detail.get("employee") is None:
            yield "employee", gettext("Pilih pegawai yang belajar.")
        if detail.get("study_kind") not in SelfDevelopmentDetail.StudyKind.values:
            yield "study_kind", gettext("Pilih apa yang dipelajari.")
        if blank(detail.get("topic")):
            yield "topic", gettext("Isi topik yang dipelajari.")

    def save_detail(
        self,
        activity: Activity,
        *,
        actor,
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        SelfDevelopmentDetail.objects.update_or_create(
            activity=activity,
            defaults={
                "study_kind": detail["study_kind"],
                "topic": detail["topic"].strip(),
                "source": (detail.get("source") or "").strip(),
            },
        )

    def credit_topic(self, activity: Activity) -> str | None:
        if not hasattr(activity, "self_development"):
            return None
        return activity.self_development.topic
