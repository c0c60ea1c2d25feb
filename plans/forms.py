from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.models import DevelopmentForm, Dimension
from plans.models import PlanItem


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["dimension", "form", "target_date", "note"]
        widgets = {
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        }
        labels = {
            "dimension": _("Dimensi"),
            "form": _("Bentuk pengembangan"),
            "target_date": _("Target selesai"),
            "note": _("Catatan"),
        }

    def __init__(self, *args, forms_allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = Dimension.objects.order_by("number")
        allowed = DevelopmentForm.objects.order_by("provider", "order")
        if forms_allowed is not None:
            allowed = allowed.filter(pk__in=forms_allowed)
        self.fields["form"].queryset = allowed
        self.fields["form"].label_from_instance = lambda f: (
            f"{f.label} ({f.get_provider_display()})"
        )
        self.fields["dimension"].label_from_instance = lambda d: d.label
