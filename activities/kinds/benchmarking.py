"""Benchmarking (patok banding): learning from another unit or organisation,
held with the unit's roster; the findings are required."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.group import GroupActivityForm
from activities.models import Activity, BenchmarkingDetail
from activities.registry import ActivityKind, register
from activities.rules import blank
from people.models import Unit

CODE = "benchmarking"


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


@register
class Benchmarking(ActivityKind):
    code = CODE
    label = _("Benchmarking (Patok Banding)")
    form_class = BenchmarkingForm
    detail_model = BenchmarkingDetail
    page_related = ("benchmarking__host_unit",)
    detail_template = "activities/kinds/benchmarking.html"

    def detail_errors(self, *, actor, detail, facilitator, started_on):
        if detail.get("host_type") not in BenchmarkingDetail.HostType.values:
            yield "host_type", gettext("Pilih jenis tuan rumah.")
        if blank(detail.get("host_name")):
            yield "host_name", gettext("Isi nama unit atau instansi tuan rumah.")
        if blank(detail.get("findings")):
            yield "findings", gettext("Tuliskan temuan benchmarking.")

    def save_detail(
        self,
        activity: Activity,
        *,
        actor,
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        BenchmarkingDetail.objects.update_or_create(
            activity=activity,
            defaults={
                "host_type": detail["host_type"],
                "host_name": detail["host_name"].strip(),
                "host_unit": detail.get("host_unit"),
                "findings": detail["findings"].strip(),
                "practices_adopted": (detail.get("practices_adopted") or "").strip(),
            },
        )

    def credit_topic(self, activity: Activity) -> str | None:
        if not hasattr(activity, "benchmarking"):
            return None
        return activity.benchmarking.host_name
