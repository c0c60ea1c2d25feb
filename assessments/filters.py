"""The filters of the item bank and of the results list (django-filter), over
the querysets the views have already scoped (``items_list``,
``results_visible_to``)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from assessments.models import Item, Result
from sosiokultural.filters import ListFilter


class ItemFilter(ListFilter):
    kind = django_filters.ChoiceFilter(
        label=_("Jenis butir"), choices=Item.Kind.choices, empty_label=_("Semua")
    )

    class Meta:
        model = Item
        fields = []


class ResultFilter(ListFilter):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Result.Status.choices, empty_label=_("Semua")
    )

    class Meta:
        model = Result
        fields = []
