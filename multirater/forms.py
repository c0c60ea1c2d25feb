from django import forms
from django.utils.translation import gettext_lazy as _

from multirater.models import MAX_THRESHOLD, MIN_THRESHOLD, Relation
from people.lookup import EmployeeLookupField
from people.models import Employee, Unit
from surveys.forms import PeriodField


class RoundForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        help_text=_("Pegawai unit ini dan unit di bawahnya dinilai."),
    )
    period = PeriodField()
    title = forms.CharField(label=_("Judul"), max_length=200)
    min_responses = forms.IntegerField(
        label=_("Penilai minimum per kelompok"),
        initial=MIN_THRESHOLD,
        min_value=MIN_THRESHOLD,
        max_value=MAX_THRESHOLD,
        help_text=_(
            "Hasil kelompok atasan, rekan atau bawahan tampil hanya bila "
            "sekurang-kurangnya sebanyak ini yang menilai (paling sedikit 3)."
        ),
        error_messages={
            "min_value": _("Paling sedikit 3 penilai per kelompok."),
            "max_value": _("Paling banyak 20 penilai per kelompok."),
        },
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RaterForm(forms.Form):
    rater = EmployeeLookupField(
        label=_("Penilai"), queryset=Employee.objects.none(), select_below=0
    )
    relation = forms.ChoiceField(
        label=_("Sebagai"),
        choices=[(r.value, r.label) for r in Relation if r != Relation.SELF],
    )

    def __init__(self, *args, raters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rater"].queryset = raters


class ResponseForm(forms.Form):
    """A level 1–5 per dimension (``dimension_<id>``), the indicators of each
    level shown with it, and an optional comment."""

    comment = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ditampilkan tanpa nama Anda, hanya bila kelompok Anda cukup."),
    )

    def __init__(self, *args, blocks, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = []
        for dimension, levels in blocks:
            name = f"dimension_{dimension.pk}"
            self.fields[name] = forms.TypedChoiceField(
                label=dimension.label,
                choices=[(level.level, level.label) for level, __ in levels],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih level untuk dimensi ini.")},
            )
            self.blocks.append((dimension, name, levels))

    def levels(self) -> dict[int, int]:
        return {
            dimension.pk: self.cleaned_data[name] for dimension, name, __ in self.blocks
        }

    def dimension_fields(self):
        """(dimension, bound field, [(level, its indicators)]) for the template."""
        return [(d, self[name], levels) for d, name, levels in self.blocks]
