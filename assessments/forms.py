from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import Instrument, Item
from assessments.services.bank import OptionData
from competencies.models import Dimension
from people.lookup import EmployeeLookupMultipleField
from people.models import Employee, Unit
from people.tree import subtree_q

OPTION_SLOTS = 5
SCALE = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class ItemForm(forms.Form):
    code = forms.SlugField(label=_("Kode"), max_length=36)
    kind = forms.ChoiceField(label=_("Jenis butir"), choices=Item.Kind.choices)
    dimension = forms.ModelChoiceField(
        label=_("Dimensi"), queryset=Dimension.objects.all(), required=False
    )
    trait = forms.ChoiceField(
        label=_("Aspek kepribadian"),
        choices=[("", "—"), *Item.Trait.choices],
        required=False,
    )
    stem = forms.CharField(
        label=_("Pernyataan / skenario"), widget=forms.Textarea(attrs={"rows": 4})
    )
    stem_en = forms.CharField(
        label=_("Pernyataan / skenario (Inggris)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    reverse_keyed = forms.BooleanField(
        label=_("Skor terbalik (6 − jawaban)"), required=False
    )
    is_active = forms.BooleanField(label=_("Aktif"), required=False, initial=True)

    def __init__(self, *args, item: Item | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        for n in range(1, OPTION_SLOTS + 1):
            self.fields[f"option_{n}"] = forms.CharField(
                label=_("Pilihan %(n)s") % {"n": n}, required=False
            )
            self.fields[f"option_{n}_en"] = forms.CharField(
                label=_("Pilihan %(n)s (Inggris)") % {"n": n}, required=False
            )
            self.fields[f"option_{n}_score"] = forms.TypedChoiceField(
                label=_("Skor pilihan %(n)s") % {"n": n},
                choices=SCALE,
                coerce=int,
                empty_value=None,
                required=False,
            )
        if item is not None:
            # The code and kind of an existing item never change.
            del self.fields["code"]
            del self.fields["kind"]
            if not self.is_bound:
                self.initial.update(
                    dimension=item.dimension_id,
                    trait=item.trait,
                    stem=item.stem,
                    stem_en=item.stem_en,
                    reverse_keyed=item.reverse_keyed,
                    is_active=item.is_active,
                )
                for option in item.options.all():
                    self.initial[f"option_{option.order}"] = option.text
                    self.initial[f"option_{option.order}_en"] = option.text_en
                    self.initial[f"option_{option.order}_score"] = option.score

    def clean(self):
        cleaned = super().clean()
        options = []
        for n in range(1, OPTION_SLOTS + 1):
            text = (cleaned.get(f"option_{n}") or "").strip()
            score = cleaned.get(f"option_{n}_score")
            if not text and score is None:
                continue
            if not text or score is None:
                self.add_error(
                    f"option_{n}",
                    _("Isi teks dan skor pilihan, atau kosongkan keduanya."),
                )
                continue
            options.append(
                OptionData(
                    text=text,
                    score=score,
                    text_en=(cleaned.get(f"option_{n}_en") or "").strip(),
                )
            )
        cleaned["options"] = options
        return cleaned

    def option_rows(self):
        return [
            (self[f"option_{n}"], self[f"option_{n}_en"], self[f"option_{n}_score"])
            for n in range(1, OPTION_SLOTS + 1)
        ]


class InstrumentForm(forms.ModelForm):
    class Meta:
        model = Instrument
        fields = [
            "code",
            "name",
            "name_en",
            "description",
            "description_en",
            "time_limit_minutes",
            "test_weight",
            "min_answered_percent",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "test_weight": _(
                "Bobot penilaian atasan = 100 − bobot tes. Tanpa penilaian atasan, "
                "skor tes dipakai penuh."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["code"]
        # Left empty: the instrument keeps its share (60 % for a new one).
        self.fields["min_answered_percent"].required = False

    def clean_min_answered_percent(self):
        value = self.cleaned_data.get("min_answered_percent")
        if value is None:
            return self.instance.min_answered_percent
        return value


class InstrumentItemsForm(forms.Form):
    items = forms.ModelMultipleChoiceField(
        label=_("Butir"),
        queryset=Item.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = instrument.items.values_list("pk", flat=True)
        field = self.fields["items"]
        field.queryset = (
            Item.objects.filter(is_active=True) | Item.objects.filter(pk__in=chosen)
        ).select_related("dimension")
        field.label_from_instance = lambda item: f"{item.code} — {item.text[:90]}"
        if not self.is_bound:
            self.initial["items"] = list(chosen)


class ThresholdsForm(forms.Form):
    """Four cut-offs per dimension (min. score for levels 2–5)."""

    LEVELS = (2, 3, 4, 5)

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        current = {t.dimension_id: t for t in instrument.thresholds.all()}
        self.dimensions = list(Dimension.objects.order_by("number"))
        for dimension in self.dimensions:
            for level in self.LEVELS:
                name = f"d{dimension.pk}_l{level}"
                self.fields[name] = forms.DecimalField(
                    label=_("%(dimension)s: minimal level %(level)s")
                    % {"dimension": dimension.label, "level": level},
                    min_value=1,
                    max_value=5,
                    max_digits=3,
                    decimal_places=2,
                )
                threshold = current.get(dimension.pk)
                if threshold and not self.is_bound:
                    self.initial[name] = getattr(threshold, f"min_level_{level}")
            name = f"d{dimension.pk}_min"
            self.fields[name] = forms.IntegerField(
                label=_("Butir dijawab minimal"),
                required=False,
                min_value=1,
                max_value=200,
                help_text=_(
                    "Kosong: %(percent)s %% butir dimensi (dibulatkan ke atas)."
                )
                % {"percent": instrument.min_answered_percent},
            )
            threshold = current.get(dimension.pk)
            if threshold and not self.is_bound:
                self.initial[name] = threshold.min_answered

    def rows(self):
        return [
            (
                d,
                [self[f"d{d.pk}_l{level}"] for level in self.LEVELS]
                + [self[f"d{d.pk}_min"]],
            )
            for d in self.dimensions
        ]

    def minimums(self) -> dict:
        return {d.pk: self.cleaned_data[f"d{d.pk}_min"] for d in self.dimensions}

    def cuts(self) -> dict:
        return {
            d.pk: tuple(self.cleaned_data[f"d{d.pk}_l{level}"] for level in self.LEVELS)
            for d in self.dimensions
        }


class WindowForm(forms.Form):
    instrument = forms.ModelChoiceField(
        label=_("Instrumen"), queryset=Instrument.objects.none()
    )
    title = forms.CharField(label=_("Judul"), max_length=200)
    opens_at = forms.DateTimeField(
        label=_("Dibuka"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    closes_at = forms.DateTimeField(
        label=_("Ditutup"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    unit = forms.ModelChoiceField(
        label=_("Semua pegawai aktif di unit (beserta unit di bawahnya)"),
        queryset=Unit.objects.none(),
        required=False,
    )
    employees = EmployeeLookupMultipleField(
        label=_("Pegawai"), queryset=Employee.objects.none(), required=False
    )

    def __init__(self, *args, instruments, units, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = instruments
        self.fields["unit"].queryset = units
        self.fields["employees"].queryset = employees.filter(is_active=True)
        self.fields["employees"].label_from_instance = lambda e: (
            f"{e.name} — {e.unit.name}"
        )
        self._employees = employees

    def clean(self):
        cleaned = super().clean()
        chosen = list(cleaned.get("employees") or [])
        unit = cleaned.get("unit")
        if unit is not None:
            chosen += list(self._employees.filter(subtree_q(unit), is_active=True))
        unique = {e.pk: e for e in chosen}
        if not unique and not self.errors:
            raise forms.ValidationError(_("Pilih pegawai atau unit peserta."))
        cleaned["participants"] = list(unique.values())
        return cleaned


class RatingsForm(forms.Form):
    """The head's rating per dimension (1–5, or empty)."""

    def __init__(self, *args, dimensions, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = list(dimensions)
        for dimension in self.dimensions:
            self.fields[f"d{dimension.pk}"] = forms.TypedChoiceField(
                label=dimension.label,
                choices=SCALE,
                coerce=int,
                empty_value=None,
                required=False,
                initial=current.get(dimension.pk),
            )

    def ratings(self) -> dict:
        return {d.pk: self.cleaned_data[f"d{d.pk}"] for d in self.dimensions}


class RescoreForm(RatingsForm):
    reason = forms.CharField(
        label=_("Alasan skor ulang"), widget=forms.Textarea(attrs={"rows": 3})
    )
    instrument = forms.ModelChoiceField(
        label=_("Versi instrumen untuk penilaian"), queryset=Instrument.objects.none()
    )

    def __init__(self, *args, result, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = Instrument.objects.filter(
            code=result.instrument.code
        ).exclude(status=Instrument.Status.DRAFT)
        self.fields["instrument"].initial = result.instrument_id
        self.order_fields(["reason", "instrument"])


def window_defaults() -> dict:
    now = timezone.localtime().replace(second=0, microsecond=0)
    return {
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
    }
