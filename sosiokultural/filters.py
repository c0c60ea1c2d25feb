"""The base of every list page's filters (django-filter)."""

import django_filters
from django import forms
from django.utils.translation import gettext


class ListFilter(django_filters.FilterSet):
    """Filters over a queryset the view has already scoped to the user. Invalid
    input (a value not among the choices, a reversed date range) filters
    nothing: the whole list is shown, and the form says what was wrong."""

    @property
    def qs(self):
        if self.is_bound and not self.is_valid():
            return self.queryset.all()
        return super().qs


class DateRangeForm(forms.Form):
    """The form of a FilterSet with a date range (``range_fields``: the start
    and end filters' names): an end before the start is an error on the end."""

    range_fields = ("date_from", "date_to")

    def clean(self):
        cleaned = super().clean()
        start_name, end_name = self.range_fields
        start, end = cleaned.get(start_name), cleaned.get(end_name)
        if start and end and end < start:
            self.add_error(
                end_name, gettext("Tanggal akhir harus sama atau setelah tanggal awal.")
            )
        return cleaned
