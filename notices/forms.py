import re

from django import forms
from django.utils.translation import gettext_lazy as _

from notices.models import NoticePreference

# E.164 without the plus: a country code and a subscriber number, 8–15 digits.
_NUMBER = re.compile(r"^[1-9]\d{7,14}$")


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NoticePreference
        fields = ["email", "daily_digest", "whatsapp", "whatsapp_number"]

    def clean_whatsapp_number(self) -> str:
        number = re.sub(r"[\s\-().+]", "", self.cleaned_data["whatsapp_number"])
        if number.startswith("0"):
            # A local Indonesian number: 0812… → 62812…
            number = "62" + number[1:]
        if number and not _NUMBER.match(number):
            raise forms.ValidationError(
                _("Nomor WhatsApp tidak valid: 8–15 angka, mis. 6281234567890.")
            )
        return number

    def clean(self):
        data = super().clean()
        if data.get("whatsapp") and not data.get("whatsapp_number"):
            self.add_error(
                "whatsapp_number",
                _("Isi nomor WhatsApp untuk menerima pemberitahuan lewat WhatsApp."),
            )
        if data.get("daily_digest") and not data.get("email"):
            self.add_error(
                "daily_digest",
                _("Ringkasan harian dikirim lewat email: centang email."),
            )
        return data
