"""The filters of the program catalogue (django-filter), over the programs the
user may see (``programs_catalogue``)."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competencies.models import Dimension
from programs.forms import DimensionChoiceField, FormChoiceField, external_forms
from programs.models import Program
from programs.selectors import open_for_registration
from sosiokultural.filters import ListFilter


class _FormFilter(django_filters.ModelChoiceFilter):
    field_class = FormChoiceField


class _DimensionFilter(django_filters.ModelChoiceFilter):
    field_class = DimensionChoiceField


class _CheckboxFilter(django_filters.Filter):
    field_class = forms.BooleanField


class ProgramFilter(ListFilter):
    form = _FormFilter(
        label=_("Bentuk"), queryset=external_forms(), empty_label=_("Semua bentuk")
    )
    dimension = _DimensionFilter(
        label=_("Dimensi"),
        field_name="dimensions",
        queryset=Dimension.objects.order_by("number"),
        empty_label=_("Semua dimensi"),
    )
    open = _CheckboxFilter(label=_("Pendaftaran sedang dibuka"), method="filter_open")

    class Meta:
        model = Program
        fields = []

    def filter_open(self, queryset, name, value):
        if not value:
            return queryset
        return open_for_registration(queryset, timezone.localdate())
