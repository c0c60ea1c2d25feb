from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations import rules
from evaluations.models import Observation

SCALE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class ReactionForm(forms.Form):
    """The reaction survey: one screen, four items on a 1–5 scale and an
    optional comment."""

    comment = forms.CharField(
        label=_("Komentar (boleh dikosongkan)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        items = {}
        for name, question in rules.ITEMS:
            items[name] = forms.TypedChoiceField(
                label=question,
                choices=SCALE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih nilai 1 sampai 5."),
                    "invalid_choice": _("Pilih nilai 1 sampai 5."),
                },
            )
        self.fields = {**items, **self.fields}

    def answers(self) -> dict:
        return {name: self.cleaned_data[name] for name in rules.ITEM_FIELDS}


class FollowUpForm(forms.Form):
    """One outcome per dimension the program or activity develops, and a note."""

    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, dimensions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = list(dimensions)
        fields = {}
        for dimension in self.dimensions:
            fields[f"dim_{dimension.pk}"] = forms.ChoiceField(
                label=str(dimension),
                choices=Observation.Outcome.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih perilaku yang teramati."),
                    "invalid_choice": _("Pilih perilaku yang teramati."),
                },
            )
        self.fields = {**fields, **self.fields}

    def outcomes(self) -> dict[int, str]:
        return {d.pk: self.cleaned_data[f"dim_{d.pk}"] for d in self.dimensions}

    def dimension_fields(self, indicators: dict) -> list:
        """(dimension, its field, its behavioural indicators) in order."""
        return [
            (d, self[f"dim_{d.pk}"], indicators.get(d.pk, [])) for d in self.dimensions
        ]


class YearForm(forms.Form):
    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [(y, str(y)) for y in years]
