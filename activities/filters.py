"""The filters of the activity list and its exports (django-filter), over a
queryset already scoped by ``activities_visible_to``.

The participant is chosen by type-ahead (``people.lookup``): the page never
renders the list of every employee, and a participant outside the viewer's
scope is a field error, as any choice outside its queryset is; an invalid filter
(a reversed date range, a participant out of scope) filters nothing, and the form
shows why (``ListFilter``)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from activities.forms.base import DATE_WIDGET
from activities.models import Activity, Attendance
from activities.selectors import internal_forms
from competencies.models import Dimension
from people.lookup import EmployeeLookupField
from people.models import User
from people.selectors import employees_visible_to, units_visible_to
from people.tree import subtree_q
from sosiokultural.filters import DateRangeForm, ListFilter


class _InlineSelect(forms.Select):
    """A select whose options are written by one template (Django's own includes
    a template per option: 500 units cost half a second of rendering)."""

    template_name = "activities/widgets/select.html"


class EmployeeLookupFilter(django_filters.ModelChoiceFilter):
    field_class = EmployeeLookupField


class ActivityFilter(ListFilter):
    date_from = django_filters.DateFilter(
        label=_("Dari tanggal"),
        field_name="started_at",
        lookup_expr="date__gte",
        widget=DATE_WIDGET,
    )
    date_to = django_filters.DateFilter(
        label=_("Sampai tanggal"),
        field_name="started_at",
        lookup_expr="date__lte",
        widget=DATE_WIDGET,
    )
    form = django_filters.ModelChoiceFilter(
        label=_("Bentuk"), queryset=internal_forms(), empty_label=_("Semua bentuk")
    )
    dimension = django_filters.ModelChoiceFilter(
        label=_("Dimensi"),
        queryset=Dimension.objects.order_by("number"),
        empty_label=_("Semua dimensi"),
        method="filter_dimension",
    )
    employee = EmployeeLookupFilter(
        label=_("Peserta"), queryset=None, method="filter_employee"
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=None,
        empty_label=_("Semua unit"),
        method="filter_unit",
        widget=_InlineSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Activity.Status.choices,
        empty_label=_("Semua status"),
    )

    class Meta:
        model = Activity
        fields = []
        form = DateRangeForm

    def __init__(self, data=None, queryset=None, *, user: User, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["employee"].queryset = employees_visible_to(user)
        self.filters["unit"].queryset = units_visible_to(user)

    def filter_dimension(self, queryset, name, value):
        return queryset.filter(
            Exists(
                Activity.dimensions.through.objects.filter(
                    activity=OuterRef("pk"), dimension=value
                )
            )
        )

    def filter_employee(self, queryset, name, value):
        return queryset.filter(
            Exists(Attendance.objects.filter(activity=OuterRef("pk"), employee=value))
        )

    def filter_unit(self, queryset, name, value):
        return queryset.filter(subtree_q(value))
