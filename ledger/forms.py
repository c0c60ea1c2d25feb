from django import forms
from django.utils.translation import gettext_lazy as _

from ledger import rules
from ledger.models import STATUS_CHOICES, JPRule


class JPRuleForm(forms.Form):
    """A new version of one status's JP rule (checked again by the service)."""

    employment_status = forms.ChoiceField(
        label=_("Status kepegawaian"), choices=STATUS_CHOICES
    )
    effective_from = forms.DateField(
        label=_("Berlaku mulai"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    kind = forms.ChoiceField(label=_("Jenis ketentuan"), choices=JPRule.Kind.choices)
    jp = forms.DecimalField(
        label=_("Jumlah JP"),
        required=False,
        max_digits=6,
        decimal_places=2,
        min_value=0.01,
        max_value=1000,
        help_text=_("Kosongkan bila tanpa ketentuan."),
    )
    basis = forms.ChoiceField(label=_("Dihitung per"), choices=JPRule.Basis.choices)
    minutes_per_jp = forms.IntegerField(
        label=_("Menit per JP"),
        min_value=1,
        max_value=600,
        initial=rules.DEFAULT_MINUTES_PER_JP,
        help_text=_("Lazimnya 45 menit."),
    )
    legal_basis = forms.CharField(
        label=_("Dasar hukum"), max_length=200, required=False
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == rules.NONE:
            cleaned["jp"] = None
        elif kind and cleaned.get("jp") is None and "jp" not in self.errors:
            self.add_error("jp", _("Isi jumlah JP untuk minimal atau batas atas."))
        return cleaned
