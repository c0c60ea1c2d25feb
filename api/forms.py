from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.models import ApiToken
from sosiokultural.forms import add_service_errors


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Nama token"), max_length=100)
    scope = forms.ChoiceField(
        label=_("Cakupan"), choices=ApiToken.Scope.choices, initial="read"
    )
    expires_on = forms.DateField(
        label=_("Berlaku sampai"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, can_write: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("expires_on", timezone.localdate() + timedelta(days=90))
        if not can_write:
            self.fields["scope"].choices = [
                (ApiToken.Scope.READ, ApiToken.Scope.READ.label)
            ]

    def apply_service_errors(self, exc) -> None:
        add_service_errors(self, exc)
