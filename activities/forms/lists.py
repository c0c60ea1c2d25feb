"""The small forms of the detail page and the verification queue (the list's
filters are ``activities.filters``)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms.base import EvidenceField
from activities.models import Coaching


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=1000,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Tuliskan alasan penolakan.")},
    )


class BulkDecisionForm(forms.Form):
    """Several items of the verification queue decided at once: the ticked
    activities (``selected``, only from the user's queue), each with its
    decision (``decision-<id>``: verify or reject) and, for a rejection, its
    reason (``reason-<id>``). ``item_errors`` maps an activity's id to what is
    wrong with it; ``confirmed`` is set by the confirmation step."""

    VERIFY, REJECT = "verify", "reject"

    selected = forms.ModelMultipleChoiceField(
        queryset=None,
        error_messages={
            "required": _("Pilih minimal satu kegiatan."),
            "invalid_choice": _("Kegiatan %(value)s tidak ada di antrean Anda."),
        },
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, queue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].queryset = queue
        self.item_errors: dict[int, str] = {}

    def clean(self):
        cleaned = super().clean()
        chosen = []
        for activity in cleaned.get("selected") or []:
            decision = self.data.get(f"decision-{activity.pk}", self.VERIFY)
            reason = " ".join(self.data.get(f"reason-{activity.pk}", "").split())
            if decision not in (self.VERIFY, self.REJECT):
                self.item_errors[activity.pk] = gettext("Pilih Verifikasi atau Tolak.")
            elif decision == self.REJECT and not reason:
                self.item_errors[activity.pk] = gettext("Tuliskan alasan penolakan.")
            elif len(reason) > 1000:
                self.item_errors[activity.pk] = gettext(
                    "Alasan penolakan paling banyak 1000 karakter."
                )
            chosen.append((activity, decision == self.VERIFY, reason))
        if self.item_errors:
            raise forms.ValidationError(
                gettext("Periksa kegiatan yang ditandai; tidak ada yang diputuskan.")
            )
        cleaned["decisions"] = chosen
        return cleaned


class EvidenceUploadForm(forms.Form):
    evidence = EvidenceField(label=_("Tambah berkas bukti"), required=True)


class CoachingStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Coaching.Status.choices)
