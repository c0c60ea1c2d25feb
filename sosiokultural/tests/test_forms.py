from django import forms
from django.core.exceptions import ValidationError

from sosiokultural.forms import add_service_errors


class _Form(forms.Form):
    name = forms.CharField(required=False)
    present = forms.CharField(required=False)


def _bound() -> _Form:
    form = _Form({"name": "x", "present": "y"})
    assert form.is_valid()
    return form


def test_add_service_errors_puts_field_errors_on_fields():
    form = _bound()
    add_service_errors(
        form,
        ValidationError(
            {"name": "Nama sudah dipakai.", "unknown": "Lain.", "__all__": "Umum."}
        ),
    )
    assert form.errors == {
        "name": ["Nama sudah dipakai."],
        "__all__": ["Lain.", "Umum."],
    }


def test_add_service_errors_follows_aliases():
    form = _bound()
    add_service_errors(
        form,
        ValidationError({"attendance": "Tidak ada peserta.", "form": "Bentuk."}),
        aliases={"attendance": "present", "form": None},
    )
    assert form.errors == {
        "present": ["Tidak ada peserta."],
        "__all__": ["Bentuk."],
    }


def test_add_service_errors_without_fields_goes_to_the_form():
    form = _bound()
    add_service_errors(form, ValidationError(["Satu.", "Dua."]))
    assert form.non_field_errors() == ["Satu.", "Dua."]
