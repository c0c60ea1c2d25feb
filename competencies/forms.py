from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from competencies.models import (
    RATER_GROUP_LABELS,
    RATER_GROUPS,
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    ProficiencyLevel,
    SetiaValue,
    Standard,
)
from competencies.standards import (
    LEVEL_MAX,
    LEVEL_MIN,
    WEIGHT_MAX,
    WEIGHT_PLACES,
    effective_date_errors,
    weight_sum_errors,
)
from sosiokultural.inputs import column_max

LEVEL_MESSAGES = {
    "required": _("Isi level 1 sampai 5."),
    "invalid": _("Level harus bilangan bulat 1 sampai 5."),
    "min_value": _("Level tidak boleh kurang dari 1."),
    "max_value": _("Level tidak boleh lebih dari 5."),
}

WEIGHT_MESSAGES = {
    "invalid": _("Bobot harus angka, misalnya 2 atau 0.5."),
    "min_value": _("Bobot tidak boleh negatif."),
    "max_digits": _("Bobot paling besar 999,99."),
    "max_whole_digits": _("Bobot paling besar 999,99."),
    "max_decimal_places": _("Bobot paling banyak dua angka di belakang koma."),
}

TEXTAREA = forms.Textarea(attrs={"rows": 3})
RESERVED_CODES = {"baru"}


class DimensionForm(forms.ModelForm):
    class Meta:
        model = Dimension
        fields = ["name", "name_en", "description", "description_en"]
        widgets = {"description": TEXTAREA, "description_en": TEXTAREA}


class LevelForm(forms.ModelForm):
    class Meta:
        model = ProficiencyLevel
        fields = ["name", "name_en", "description", "description_en"]
        widgets = {"description": TEXTAREA, "description_en": TEXTAREA}


class IndicatorForm(forms.ModelForm):
    level = forms.TypedChoiceField(label=capfirst(_("level")), coerce=int, choices=())
    # Not a model field of the form: empty means "after the last one".
    order = forms.IntegerField(
        label=capfirst(_("urutan")),
        required=False,
        min_value=0,
        max_value=column_max(Indicator, "order"),
        help_text=_("Urutan tampil di dalam level yang sama; kosong: paling akhir."),
    )

    class Meta:
        model = Indicator
        fields = ["level", "text", "text_en"]
        widgets = {"text": TEXTAREA, "text_en": TEXTAREA}
        help_texts = {
            "text": _(
                "Satu perilaku yang dapat diamati, spesifik dan netral, misalnya "
                "“Menyapa pemohon dengan sapaan baku yang sopan”."
            ),
        }

    field_order = ["level", "text", "text_en", "order"]

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["order"].initial = self.instance.order
        self.fields["level"].choices = [
            (level.level, f"{level.level} · {level.label}") for level in levels
        ]
        self.fields["level"].error_messages.update(
            {"invalid_choice": LEVEL_MESSAGES["invalid"]}
        )


class DevelopmentFormForm(forms.ModelForm):
    class Meta:
        model = DevelopmentForm
        fields = [
            "code",
            "name",
            "name_en",
            "provider",
            "classification",
            "description",
            "description_en",
            "default_jp",
            "default_minutes",
            "order",
        ]
        widgets = {"description": TEXTAREA, "description_en": TEXTAREA}
        help_texts = {
            "code": _(
                "Huruf kecil, angka dan tanda hubung; tidak dapat diubah setelah "
                "disimpan."
            ),
            "default_minutes": _("Durasi kegiatan yang diisikan bila tidak diubah."),
        }
        error_messages = {
            "code": {"unique": _("Kode ini sudah dipakai bentuk pengembangan lain.")}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The ledger and programs refer to forms by code.
            self.fields["code"].disabled = True
        self.fields["default_jp"].min_value = 0
        self.fields["default_jp"].widget.attrs["min"] = 0

    def clean_code(self):
        code = self.cleaned_data["code"]
        # "baru" is the address of the "new form" page (bentuk/baru/).
        if code in RESERVED_CODES:
            raise forms.ValidationError(
                _("Kode “%(code)s” tidak dapat dipakai; pilih kode lain.")
                % {"code": code}
            )
        return code

    def clean_default_jp(self):
        value = self.cleaned_data["default_jp"]
        if value is not None and value <= 0:
            raise forms.ValidationError(
                _("JP bawaan harus lebih dari 0, atau kosongkan.")
            )
        return value

    def clean_default_minutes(self):
        value = self.cleaned_data["default_minutes"]
        if value is not None and value <= 0:
            raise forms.ValidationError(
                _("Durasi bawaan harus lebih dari 0 menit, atau kosongkan.")
            )
        return value


class MatrixCellForm(forms.ModelForm):
    """A link form ↔ dimension with its expected profile (one outcome a line)."""

    class Meta:
        model = FormDimension
        fields = ["form", "dimension", "expected_profile", "expected_profile_en"]
        widgets = {
            "expected_profile": forms.Textarea(attrs={"rows": 6}),
            "expected_profile_en": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"form": _("bentuk pengembangan"), "dimension": _("dimensi")}
        help_texts = {"expected_profile": _("Satu butir profil per baris.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["form"].disabled = True
            self.fields["dimension"].disabled = True


class SetiaValueForm(forms.ModelForm):
    class Meta:
        model = SetiaValue
        fields = ["name", "name_en", "description", "description_en", "dimensions"]
        widgets = {
            "description": TEXTAREA,
            "description_en": TEXTAREA,
            "dimensions": forms.CheckboxSelectMultiple,
        }


class StandardForm(forms.Form):
    """A version of the required levels: name, effective date and one level field
    per position type × dimension (``level_<position type id>_<dimension id>``)."""

    name = forms.CharField(label=capfirst(_("nama")), max_length=200)
    effective_from = forms.DateField(
        label=capfirst(_("berlaku mulai")),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Isi tanggal berlaku."),
            "invalid": _("Tanggal tidak sah; gunakan format HH-BB-TTTT."),
        },
        help_text=_(
            "Hari ini atau sesudahnya. Laporan untuk tanggal sebelumnya tetap memakai "
            "versi yang berlaku saat itu."
        ),
    )
    notes = forms.CharField(
        label=capfirst(_("catatan")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Misalnya dasar keputusan atau perubahan yang dibuat."),
    )

    def __init__(
        self,
        *args,
        position_types,
        dimensions,
        levels,
        today,
        weights: dict | None = None,
        instance: Standard | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        for group in RATER_GROUPS:
            self.fields[self.weight_field(group)] = forms.DecimalField(
                label=RATER_GROUP_LABELS[group],
                required=False,
                min_value=0,
                # At most 999.99 through the digits (max_value would say it twice).
                max_digits=5,
                decimal_places=WEIGHT_PLACES,
                initial=(weights or {}).get(group),
                error_messages=WEIGHT_MESSAGES,
                widget=forms.NumberInput(
                    attrs={"min": 0, "max": WEIGHT_MAX, "step": "0.01"}
                ),
            )
        self.today = today
        self.instance = instance
        self.position_types = list(position_types)
        self.dimensions = list(dimensions)
        for position in self.position_types:
            for dimension in self.dimensions:
                self.fields[self.level_field(position.pk, dimension.pk)] = (
                    forms.IntegerField(
                        label=f"{position.name} · {dimension.label}",
                        min_value=LEVEL_MIN,
                        max_value=LEVEL_MAX,
                        initial=levels.get((position.pk, dimension.pk)),
                        error_messages=LEVEL_MESSAGES,
                        widget=forms.NumberInput(
                            attrs={"min": LEVEL_MIN, "max": LEVEL_MAX, "step": 1}
                        ),
                    )
                )

    @staticmethod
    def level_field(position_type_id: int, dimension_id: int) -> str:
        return f"level_{position_type_id}_{dimension_id}"

    def grid(self) -> list[tuple]:
        """[(position type, [bound field per dimension])] for the template."""
        return [
            (
                position,
                [self[self.level_field(position.pk, d.pk)] for d in self.dimensions],
            )
            for position in self.position_types
        ]

    def levels(self) -> dict[tuple[int, int], int]:
        return {
            (position.pk, dimension.pk): self.cleaned_data[
                self.level_field(position.pk, dimension.pk)
            ]
            for position in self.position_types
            for dimension in self.dimensions
        }

    @staticmethod
    def weight_field(group: str) -> str:
        return f"weight_{group}"

    def weight_fields(self) -> list:
        """The bound weight field of every 360 rater group, for the template."""
        return [self[self.weight_field(group)] for group in RATER_GROUPS]

    def weights(self) -> dict | None:
        """{group: weight} of the cleaned form; None when all four are empty (the
        version combines nothing). An empty field beside filled ones is 0."""
        values = {
            group: self.cleaned_data.get(self.weight_field(group))
            for group in RATER_GROUPS
        }
        if all(value is None for value in values.values()):
            return None
        return {group: value or 0 for group, value in values.items()}

    def clean(self):
        cleaned = super().clean()
        fields = [self.weight_field(group) for group in RATER_GROUPS]
        if not any(name in self.errors for name in fields):
            # Each field has checked its own value; what is left is the rule
            # over all groups.
            weights = self.weights()
            for message in weight_sum_errors(weights) if weights else []:
                self.add_error(None, message)
        return cleaned

    def clean_effective_from(self):
        value = self.cleaned_data["effective_from"]
        clash = Standard.objects.filter(effective_from=value)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        errors = effective_date_errors(value, today=self.today, taken=clash.exists())
        if errors:
            raise forms.ValidationError(errors)
        return value


class DateForm(forms.Form):
    """The date picker of the required-levels page."""

    tanggal = forms.DateField(
        label=_("Tampilkan standar yang berlaku pada tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Tanggal tidak sah; gunakan format HH-BB-TTTT.")},
    )
