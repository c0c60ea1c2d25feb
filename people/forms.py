from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from people.models import Employee, PositionType, Unit
from people.nip import nip_errors
from people.tree import subtree_q

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class QuickSelect(forms.Select):
    """A ``<select>`` written in one pass. Django's ``Select`` renders a template
    per option: for the 500 units of a province that was half a second of the
    employee list (under load), for one filter. Same markup, no optgroups."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


class LoginForm(AuthenticationForm):
    """Django's message names the field (``%(username)s``), which its Indonesian
    catalogue already spells out: "nama pengguna nama pengguna"."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Nama pengguna atau sandi salah. Huruf besar dan kecil dibedakan."
        ),
    }


class EmployeeForm(forms.ModelForm):
    class Meta:
        model = Employee
        fields = [
            "name",
            "nip",
            "unit",
            "position_type",
            "employment_status",
            "gender",
            "placed_on",
            "contract_starts_on",
            "contract_ends_on",
            "email",
            "is_active",
        ]
        widgets = {
            "placed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "contract_starts_on": forms.DateInput(
                attrs={"type": "date"}, format="%Y-%m-%d"
            ),
            "contract_ends_on": forms.DateInput(
                attrs={"type": "date"}, format="%Y-%m-%d"
            ),
        }

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["position_type"].queryset = PositionType.objects.all()
        self.fields["nip"].help_text = _(
            "18 angka. Kosongkan untuk pegawai non-ASN (PHL)."
        )
        self.fields["contract_starts_on"].help_text = _(
            "Hanya PPPK: batas JP dihitung per tahun kontrak sejak tanggal ini."
        )

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("employment_status")
        if status:
            errors = nip_errors(
                cleaned.get("nip") or "", status=status, gender=cleaned.get("gender")
            )
            if errors:
                self.add_error("nip", errors)
        cleaned["nip"] = (cleaned.get("nip") or "").strip() or None
        return cleaned


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        widget=QuickSelect,
        empty_label=_("Semua unit"),
    )
    position_type = forms.ModelChoiceField(
        label=_("Jabatan"),
        queryset=PositionType.objects.all(),
        required=False,
        empty_label=_("Semua jabatan"),
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("1", _("Aktif")), ("0", _("Nonaktif")), ("", _("Semua"))],
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            units if units is not None else Unit.objects.none()
        )

    def filter(self, employees):
        """Narrow an already scoped employee queryset by the valid filters, in
        list order (the list page and its export)."""
        if self.is_valid():
            data = self.cleaned_data
            if data["q"]:
                employees = employees.filter(
                    Q(name__icontains=data["q"]) | Q(nip__startswith=data["q"])
                )
            if data["unit"]:
                employees = employees.filter(subtree_q(data["unit"]))
            if data["position_type"]:
                employees = employees.filter(position_type=data["position_type"])
            if data["active"] in {"0", "1"}:
                employees = employees.filter(is_active=data["active"] == "1")
        return employees.order_by("unit__path", "name", "pk")


class EmployeeImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_(
            "Kolom: nama, nip, unit (kode), jabatan, status, jenis_kelamin, "
            "tanggal_penempatan, aktif (opsional), email (opsional), "
            "kontrak_mulai dan kontrak_selesai (opsional, PPPK)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(
                _("Jenis berkas tidak didukung; gunakan CSV atau XLSX.")
            )
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
        return upload


class LoginCreateForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    password = forms.CharField(
        label=_("Kata sandi awal"), widget=forms.PasswordInput, min_length=8
    )
