"""The filters of the audit trail (django-filter), over the events the user may
read (``audit_events_visible_to``)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from audit.labels import ACTIONS, kind_choices
from audit.models import AuditEvent
from people.models import Unit
from sosiokultural.filters import DateRangeForm, ListFilter

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _action_choices() -> list[tuple[str, str]]:
    # By label in the language of the request, so sorted when the form is built.
    return sorted(
        ((code, str(label)) for code, label in ACTIONS.items()),
        key=lambda choice: choice[1],
    )


class _AuditFilterForm(DateRangeForm):
    range_fields = ("start", "end")


class AuditFilter(ListFilter):
    start = django_filters.DateFilter(
        label=_("Dari tanggal"),
        field_name="at",
        lookup_expr="date__gte",
        widget=DATE_WIDGET,
    )
    end = django_filters.DateFilter(
        label=_("Sampai tanggal"),
        field_name="at",
        lookup_expr="date__lte",
        widget=DATE_WIDGET,
    )
    action = django_filters.ChoiceFilter(
        label=_("Tindakan"), choices=_action_choices, empty_label=_("Semua tindakan")
    )
    target_type = django_filters.ChoiceFilter(
        label=_("Jenis objek"), choices=kind_choices, empty_label=_("Semua jenis")
    )
    # Type-ahead (audit:actors fills the list as one types): never a list of
    # every login of the province.
    actor = django_filters.CharFilter(
        label=_("Pelaku (nama pengguna)"),
        field_name="actor__username",
        lookup_expr="iexact",
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "list": "actor-options",
                "autocomplete": "off",
                "hx-get": "/audit/pelaku/",
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#actor-options",
            }
        ),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit pelaku (termasuk unit di bawahnya)"),
        queryset=Unit.objects.order_by("path"),
        empty_label=_("Semua unit"),
        method="filter_unit",
    )

    class Meta:
        model = AuditEvent
        fields = []
        form = _AuditFilterForm

    def filter_unit(self, queryset, name, value):
        return queryset.filter(actor__employee__unit__in=Unit.objects.subtree_of(value))
