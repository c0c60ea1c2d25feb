from django import forms
from django.utils.translation import gettext_lazy as _

from audit.labels import ACTIONS, kind_choices
from people.models import Unit


class AuditFilterForm(forms.Form):
    start = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    action = forms.ChoiceField(label=_("Tindakan"), required=False)
    target_type = forms.ChoiceField(label=_("Jenis objek"), required=False)
    # Type-ahead (audit:actors fills the list as one types): never a list of
    # every login of the province.
    actor = forms.CharField(
        label=_("Pelaku (nama pengguna)"),
        required=False,
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "list": "actor-options",
                "autocomplete": "off",
                "hx-get": "/audit/pelaku/",
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#actor-options",
            }
        ),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit pelaku (termasuk unit di bawahnya)"),
        queryset=Unit.objects.order_by("path"),
        required=False,
        empty_label=_("Semua unit"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Semua tindakan"))] + sorted(
            ((code, str(label)) for code, label in ACTIONS.items()),
            key=lambda choice: choice[1],
        )
        self.fields["target_type"].choices = [("", _("Semua jenis"))] + kind_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return cleaned
