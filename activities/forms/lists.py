"""Filters of the activity list and the small forms of the detail page."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import DATE_WIDGET, EvidenceField
from activities.models import Activity, Coaching
from activities.selectors import internal_forms
from competencies.models import Dimension
from people.selectors import employees_visible_to, units_visible_to


class ActivityFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("Dari tanggal"), required=False, widget=DATE_WIDGET
    )
    date_to = forms.DateField(
        label=_("Sampai tanggal"), required=False, widget=DATE_WIDGET
    )
    form = forms.ModelChoiceField(
        label=_("Bentuk"), queryset=None, required=False, empty_label=_("Semua bentuk")
    )
    dimension = forms.ModelChoiceField(
        label=_("Dimensi"),
        queryset=Dimension.objects.order_by("number"),
        required=False,
        empty_label=_("Semua dimensi"),
    )
    employee = forms.ModelChoiceField(
        label=_("Peserta"),
        queryset=None,
        required=False,
        empty_label=_("Semua pegawai"),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("Semua unit")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *Activity.Status.choices],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = internal_forms()
        self.fields["employee"].queryset = employees_visible_to(user).order_by("name")
        self.fields["unit"].queryset = units_visible_to(user)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to",
                gettext("Tanggal akhir harus sama atau setelah tanggal awal."),
            )
        return cleaned

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {key: data[key] for key in self.fields if data.get(key)}


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=1000,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Tuliskan alasan penolakan.")},
    )


class EvidenceUploadForm(forms.Form):
    evidence = EvidenceField(label=_("Tambah berkas bukti"), required=True)


class CoachingStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Coaching.Status.choices)
