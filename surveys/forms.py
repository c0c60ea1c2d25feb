from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from people.lookup import EmployeeLookupField
from people.models import Employee, Unit
from sosiokultural.inputs import column_max
from sosiokultural.periods import Period, parse_period
from sosiokultural.uploads import content_matches
from surveys.models import ElementSet, FollowUp, Publication, Survey

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class PeriodField(forms.Field):
    """A quarter written as "2018Q4" (see ``surveys.ikm.parse_period``)."""

    widget = forms.TextInput(attrs={"placeholder": "2018Q4", "maxlength": 12})

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Periode (triwulan)"))
        kwargs.setdefault("help_text", _("Tahun dan triwulan, mis. 2018Q4."))
        super().__init__(**kwargs)

    def to_python(self, value) -> Period | None:
        if isinstance(value, Period):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return parse_period(text)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from exc

    def prepare_value(self, value):
        return str(value) if isinstance(value, Period) else value


def check_table_upload(upload):
    """Type by extension AND content, and size, before anything is read."""
    name = upload.name.lower()
    if not name.endswith((".csv", ".xlsx")):
        raise ValidationError(_("Jenis berkas tidak didukung; gunakan CSV atau XLSX."))
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
    if name.endswith(".xlsx") and not content_matches("xlsx", upload):
        raise ValidationError(_("Isi berkas bukan XLSX yang sah."))
    if name.endswith(".csv") and not content_matches("csv", upload):
        raise ValidationError(_("Isi berkas bukan teks CSV."))
    return upload


class _UnitPeriodForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    period = PeriodField()
    population = forms.IntegerField(
        label=_("Jumlah pemohon/populasi (opsional)"),
        required=False,
        min_value=1,
        max_value=column_max(Survey, "population"),
        help_text=_(
            "Jumlah pemohon dalam periode ini, dasar sampel minimum Krejcie–Morgan."
        ),
    )
    replace = forms.BooleanField(
        label=_("Ganti data periode ini bila sudah ada"), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            units if units is not None else Unit.objects.none()
        )


class ResponseImportForm(_UnitPeriodForm):
    element_set = forms.ModelChoiceField(
        label=_("Kuesioner"),
        queryset=ElementSet.objects.all(),
        required=False,
        empty_label=_("Kuesioner bawaan"),
    )
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_(
            "Satu baris per responden, satu kolom per unsur (judul kolom = kode unsur "
            "atau U1–U9), jawaban 1–4. Kolom opsional: jenis_kelamin, umur, "
            "pendidikan, jenis_layanan."
        ),
    )

    field_order = ["unit", "period", "element_set", "population", "file", "replace"]

    def clean_file(self):
        return check_table_upload(self.cleaned_data["file"])


class ReportedForm(_UnitPeriodForm):
    """Aggregates from a report: one field per element of the chosen questionnaire."""

    total = forms.DecimalField(
        label=_("IKM (TOTAL) dilaporkan"),
        min_value=25,
        max_value=100,
        decimal_places=2,
        max_digits=5,
        help_text=_("Disimpan apa adanya; tidak dihitung dari nilai unsur."),
    )
    respondents = forms.IntegerField(
        label=_("Jumlah responden dilaporkan (opsional)"),
        required=False,
        min_value=1,
        max_value=column_max(Survey, "reported_respondents"),
    )
    source = forms.CharField(
        label=_("Sumber"),
        max_length=300,
        required=False,
        help_text=_("Mis. Laporan SKM Triwulan IV 2018."),
    )

    def __init__(self, *args, element_set: ElementSet, **kwargs):
        super().__init__(*args, **kwargs)
        self.element_set = element_set
        self.elements = list(element_set.elements.order_by("order"))
        for element in self.elements:
            self.fields[f"score_{element.pk}"] = forms.DecimalField(
                label=element.name,
                min_value=25,
                max_value=100,
                decimal_places=2,
                max_digits=5,
                help_text=_("Skala 25–100."),
            )
        self.order_fields(
            ["unit", "period", "total"]
            + [f"score_{e.pk}" for e in self.elements]
            + ["respondents", "population", "source", "replace"]
        )

    @property
    def scores(self) -> dict[int, object]:
        return {e.pk: self.cleaned_data[f"score_{e.pk}"] for e in self.elements}


class PopulationForm(forms.Form):
    population = forms.IntegerField(
        label=_("Jumlah pemohon/populasi"),
        required=False,
        min_value=1,
        max_value=column_max(Survey, "population"),
    )


SELECT = {"class": "form-select"}


class ComparisonForm(forms.Form):
    period = forms.ChoiceField(label=_("Periode"), widget=forms.Select(attrs=SELECT))
    level = forms.ChoiceField(
        label=_("Tingkat"),
        required=False,
        widget=forms.Select(attrs=SELECT),
        choices=[
            ("", _("Semua tingkat")),
            ("kota", _("Kota/Kabupaten")),
            ("kecamatan", _("Kecamatan")),
            ("kelurahan", _("Kelurahan")),
        ],
    )
    element_set = forms.ModelChoiceField(
        label=_("Kuesioner"),
        queryset=ElementSet.objects.all(),
        required=False,
        empty_label=_("Yang paling banyak dipakai"),
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args, periods: list[Period], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(str(p), p.label) for p in periods]


class FollowUpForm(forms.Form):
    """A follow-up action of one of the survey's weak elements."""

    element = forms.ModelChoiceField(label=_("Unsur"), queryset=None)
    action = forms.CharField(label=_("Tindak lanjut"), max_length=500)
    owner = EmployeeLookupField(
        label=_("Penanggung jawab"), queryset=Employee.objects.none()
    )
    due_on = forms.DateField(
        label=_("Tenggat"), widget=forms.DateInput(attrs={"type": "date"})
    )
    staff_behaviour = forms.BooleanField(
        label=_("Penyebabnya perilaku petugas"), required=False
    )

    def __init__(self, *args, elements, owners, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"].queryset = elements
        self.fields["owner"].queryset = owners
        self.fields["owner"].widget.search_params = {"unit": unit.pk}


class FollowUpStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)
    done_on = forms.DateField(
        label=_("Tanggal selesai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    evidence = forms.CharField(label=_("Bukti"), max_length=500, required=False)


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ["channel", "published_on", "location"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}
