from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.models import Dimension
from people.models import Employee, PositionType
from reports.periods import NOW, period_parse, recent_quarters
from reports.selectors.aggregate import Filters
from sosiokultural.periods import REPORT_QUARTERS

PERIOD_QUARTERS = REPORT_QUARTERS


class AggregateFilterForm(forms.Form):
    """The filters of the aggregate (GET). Invalid values are reported, not
    silently dropped."""

    dimension = forms.ModelChoiceField(
        label=_("Dimensi"),
        queryset=Dimension.objects.order_by("number"),
        required=False,
        empty_label=_("Semua dimensi"),
    )
    position_type = forms.ModelChoiceField(
        label=_("Jabatan"),
        queryset=PositionType.objects.order_by("order", "name"),
        required=False,
        empty_label=_("Semua jabatan"),
    )
    gender = forms.ChoiceField(
        label=_("Jenis kelamin"),
        choices=[("", _("Semua"))] + list(Employee.Gender.choices),
        required=False,
    )
    employment_status = forms.ChoiceField(
        label=_("Status kepegawaian"),
        choices=[("", _("Semua"))] + list(Employee.Status.choices),
        required=False,
    )
    # Any ended quarter may be asked for in the URL; the list offers the last few.
    period = forms.CharField(label=_("Periode"), required=False, widget=forms.Select)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        quarters = reversed(recent_quarters(today, PERIOD_QUARTERS))
        self.fields["period"].widget.choices = [
            (NOW, _("Saat ini (level terkini)"))
        ] + [(p.key, _("Akhir %(quarter)s") % {"quarter": p.label}) for p in quarters]

    def clean_period(self):
        value = self.cleaned_data.get("period") or NOW
        period = period_parse(value, self.today)
        if period is None:
            raise forms.ValidationError(_("Periode tidak dikenal."))
        return period

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            dimension_id=data["dimension"].pk if data.get("dimension") else None,
            position_type_id=data["position_type"].pk
            if data.get("position_type")
            else None,
            gender=data.get("gender") or "",
            employment_status=data.get("employment_status") or "",
        )
