from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from competencies.models import DevelopmentForm, Dimension
from people.lookup import EmployeeLookupField, EmployeeLookupMultipleField
from people.models import Employee, PositionType, Unit
from programs.models import STATUS_CHOICES, Nomination, Program
from programs.rules import (
    MAX_CAPACITY,
    capacity_error,
    exchange_date_errors,
    program_date_errors,
)
from programs.uploads import validate_document

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def external_forms():
    return DevelopmentForm.objects.filter(
        provider=DevelopmentForm.Provider.EXTERNAL
    ).order_by("order")


class FormChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class DimensionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.label}"


class DimensionMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.label}"


class ProgramForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    form = FormChoiceField(
        label=_("Bentuk pengembangan"), queryset=DevelopmentForm.objects.none()
    )
    dimensions = DimensionMultipleField(
        label=_("Dimensi yang dikembangkan"),
        queryset=Dimension.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kosongkan untuk memakai dimensi bentuk ini menurut matriks."),
    )
    mode = forms.ChoiceField(label=_("Moda"), choices=Program.Mode.choices)
    description = forms.CharField(
        label=_("Deskripsi"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    starts_on = forms.DateField(label=_("Tanggal mulai"), widget=DATE)
    ends_on = forms.DateField(label=_("Tanggal selesai"), widget=DATE)
    jp = forms.DecimalField(
        label=_("JP"),
        max_digits=5,
        decimal_places=2,
        min_value=0.01,
        required=False,
        help_text=_("Kosongkan untuk memakai JP bawaan bentuk pengembangan."),
    )
    capacity = forms.IntegerField(
        label=_("Kapasitas (kursi)"),
        min_value=1,
        max_value=MAX_CAPACITY,
        required=False,
    )
    unlimited_seats = forms.BooleanField(
        label=_("Tanpa batas kursi"),
        required=False,
        help_text=_("Misalnya e-learning yang terbuka bagi semua pegawai."),
    )
    certificate_issuer = forms.CharField(
        label=_("Penerbit STTPP"),
        max_length=200,
        required=False,
        help_text=_("Kosongkan untuk BPSDM Provinsi DKI Jakarta."),
    )
    registration_opens_on = forms.DateField(label=_("Pendaftaran dibuka"), widget=DATE)
    registration_closes_on = forms.DateField(
        label=_("Pendaftaran ditutup"), widget=DATE
    )
    eligible_position_types = forms.ModelMultipleChoiceField(
        label=_("Jabatan yang boleh ikut"),
        queryset=PositionType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kosongkan bila semua jabatan boleh ikut."),
    )
    eligible_statuses = forms.MultipleChoiceField(
        label=_("Status kepegawaian yang boleh ikut"),
        choices=STATUS_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Misalnya hanya CPNS untuk Orientasi Pelayanan. Kosong: semua."),
    )
    location = forms.CharField(label=_("Lokasi"), max_length=200, required=False)
    link = forms.URLField(
        label=_("Tautan kelas daring"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = external_forms()

    @classmethod
    def initial_for(cls, program: Program) -> dict:
        return {
            "title": program.title,
            "form": program.form_id,
            "dimensions": list(program.dimensions.all()),
            "mode": program.mode,
            "description": program.description,
            "starts_on": program.starts_on,
            "ends_on": program.ends_on,
            "jp": program.jp,
            "capacity": program.capacity,
            "unlimited_seats": program.unlimited_seats,
            "certificate_issuer": program.certificate_issuer,
            "registration_opens_on": program.registration_opens_on,
            "registration_closes_on": program.registration_closes_on,
            "eligible_position_types": list(program.eligible_position_types.all()),
            "eligible_statuses": program.eligible_statuses,
            "location": program.location,
            "link": program.link,
        }

    def clean(self):
        cleaned = super().clean()
        form = cleaned.get("form")
        for field, message in program_date_errors(
            starts_on=cleaned.get("starts_on"),
            ends_on=cleaned.get("ends_on"),
            registration_opens_on=cleaned.get("registration_opens_on"),
            registration_closes_on=cleaned.get("registration_closes_on"),
            form_code=form.code if form else "",
        ).items():
            self.add_error(field, message)
        if "capacity" not in self.errors and (
            message := capacity_error(
                cleaned.get("capacity"), cleaned.get("unlimited_seats", False)
            )
        ):
            self.add_error("capacity", message)
        if form and cleaned.get("jp") is None and form.default_jp is None:
            self.add_error("jp", _("Bentuk ini tidak punya JP bawaan; isi JP."))
        if cleaned.get("mode") == Program.Mode.CLASSICAL and not cleaned.get(
            "location"
        ):
            self.add_error("location", _("Program klasikal perlu lokasi."))
        if cleaned.get("mode") == Program.Mode.ELEARNING and not cleaned.get("link"):
            self.add_error("link", _("Program e-learning perlu tautan kelas daring."))
        return cleaned


class NominateForm(forms.Form):
    # A type-ahead over the head's subtree (a kota has 17,000 people): the
    # program's own search shows each match's gap and JP and why someone cannot
    # be nominated (``programs:program_candidates``).
    employees = EmployeeLookupMultipleField(
        label=_("Pegawai"),
        queryset=Employee.objects.none(),
        error_messages={"required": _("Pilih paling sedikit satu pegawai.")},
        help_text=_(
            "Ketik nama atau NIP; hasil dikelompokkan per unit dengan kesenjangan "
            "dan JP-nya. Yang tidak memenuhi syarat atau sudah diusulkan tidak "
            "dapat dipilih."
        ),
    )
    dimension = DimensionChoiceField(
        label=_("Dimensi dengan kesenjangan"),
        queryset=Dimension.objects.none(),
        required=False,
    )
    reason = forms.CharField(
        label=_("Alasan usulan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Alasan usulan wajib diisi.")},
    )

    def __init__(self, *args, employees=None, program=None, **kwargs):
        super().__init__(*args, **kwargs)
        if employees is not None and "employees" in self.fields:
            self.fields["employees"].queryset = employees
        if program is not None and program.pk and "employees" in self.fields:
            self.fields["employees"].widget.search_url = reverse(
                "programs:program_candidates", args=[program.pk]
            )
        dims = Dimension.objects.order_by("number")
        if program is not None and program.pk:
            dims = program.dimensions.order_by("number")
        self.fields["dimension"].queryset = dims


class RequestForm(NominateForm):
    """A staff member's own request: the same reason and dimension, no choice of
    employee."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["employees"]


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("Alasan penolakan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Alasan penolakan wajib diisi.")},
    )


class CompletionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil"), choices=Nomination.Outcome.choices)
    attendance_percent = forms.IntegerField(
        label=_("Kehadiran (%)"), min_value=0, max_value=100
    )
    score = forms.DecimalField(
        label=_("Nilai (0–100)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        required=False,
    )
    certificate_number = forms.CharField(
        label=_("Nomor STTPP"), max_length=100, required=False
    )
    certificate_file = forms.FileField(
        label=_("Berkas STTPP (PDF, JPG atau PNG, maks. 5 MB)"), required=False
    )

    def clean_certificate_file(self):
        upload = self.cleaned_data.get("certificate_file")
        if upload:
            validate_document(upload)
        return upload or None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Nomination.Outcome.COMPLETED and not cleaned.get(
            "certificate_number"
        ):
            self.add_error(
                "certificate_number",
                _("Nomor STTPP wajib diisi untuk peserta yang lulus."),
            )
        return cleaned


class ExchangeForm(forms.Form):
    employee = EmployeeLookupField(label=_("Pegawai"), queryset=Employee.objects.none())
    partner = forms.CharField(label=_("Organisasi mitra"), max_length=200)
    starts_on = forms.DateField(label=_("Tanggal mulai"), widget=DATE)
    ends_on = forms.DateField(
        label=_("Tanggal selesai"),
        widget=DATE,
        help_text=_("Paling lama satu tahun setelah tanggal mulai."),
    )
    learning_report = forms.CharField(
        label=_("Laporan pembelajaran"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    report_file = forms.FileField(
        label=_("Berkas laporan (PDF, JPG atau PNG, maks. 5 MB)"), required=False
    )

    def __init__(self, *args, employees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if employees is not None:
            self.fields["employee"].queryset = employees

    def clean_report_file(self):
        upload = self.cleaned_data.get("report_file")
        if upload:
            validate_document(upload)
        return upload or None

    def clean(self):
        cleaned = super().clean()
        errors = exchange_date_errors(cleaned.get("starts_on"), cleaned.get("ends_on"))
        if errors:
            self.add_error("ends_on", errors)
        return cleaned


class ExchangeReportForm(forms.Form):
    learning_report = forms.CharField(
        label=_("Laporan pembelajaran"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    report_file = forms.FileField(
        label=_("Berkas laporan (PDF, JPG atau PNG, maks. 5 MB)"), required=False
    )

    def clean_report_file(self):
        upload = self.cleaned_data.get("report_file")
        if upload:
            validate_document(upload)
        return upload or None

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("learning_report") or "").strip() and not cleaned.get(
            "report_file"
        ):
            raise ValidationError(_("Isi laporan pembelajaran atau unggah berkasnya."))
        return cleaned


class SubmissionUnitForm(forms.Form):
    """Which unit's data to preview (and then send)."""

    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        error_messages={"required": _("Pilih unit yang datanya akan dikirim.")},
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


class SubmissionForm(SubmissionUnitForm):
    """Sending is irreversible (BPSDM receives a frozen snapshot): the sender
    confirms, on the server, having seen the preview."""

    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"required": _("Pilih unit yang datanya akan dikirim.")},
    )
    confirm = forms.BooleanField(
        label=_("Saya sudah memeriksa pratinjau; kirim data ini ke BPSDM."),
        error_messages={
            "required": _(
                "Centang konfirmasi dulu: data yang terkirim tidak bisa diubah."
            )
        },
    )


class SubmissionReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan dikembalikan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan alasan kiriman dikembalikan.")},
    )


class UnitFilterForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Unit (termasuk unit di bawahnya)"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Tanpa pilihan: semua unit."),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["units"].queryset = units


class NominationFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Semua"))] + list(Nomination.State.choices),
        required=False,
    )
    program = forms.ModelChoiceField(
        label=_("Program"),
        queryset=Program.objects.none(),
        required=False,
        empty_label=_("Semua program"),
    )

    def __init__(self, *args, programs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programs is not None:
            self.fields["program"].queryset = programs
