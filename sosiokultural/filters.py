"""The base of every list page's filters (django-filter)."""

import django_filters


class ListFilter(django_filters.FilterSet):
    """Filters over a queryset the view has already scoped to the user. Invalid
    input (a value not among the choices, a reversed date range) filters
    nothing: the whole list is shown, and the form says what was wrong."""

    @property
    def qs(self):
        if self.is_bound and not self.is_valid():
            return self.queryset.all()
        return super().qs
