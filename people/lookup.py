"""Type-ahead people pickers: a form field that never renders the list of every
employee.

A ``<select>`` of a province's employees is 100,000 ``<option>`` elements (half of
a page's time, and useless on a phone). :class:`EmployeeLookupField` (one person)
and :class:`EmployeeLookupMultipleField` (several) render a search box instead:
typing asks ``people:employee_search`` (htmx) for at most
:data:`SEARCH_LIMIT` matches within the signed-in user's scope, each match a
button that puts the person's id into a hidden input (``static/js/app.js``,
``data-lookup``). Only the people already chosen are read to render the field.

The field validates the submitted ids against its own queryset, as any
``ModelChoiceField`` does, so a narrower queryset (only a unit's people, only the
eligible) is still the rule; ``search_params`` narrows the search the same way
(``unit`` = that unit and its sub-units) so the list matches what will be
accepted.

A picker whose decision needs more than a name (a program's nominees: their gap,
their JP, why someone cannot be chosen) gives ``search_url``: its own search view,
which answers the same ``q``/``field`` parameters with the same kind of fragment
(``people/_employee_search.html`` is the model: a ``data-lookup-pick`` button per
person who may be chosen, a disabled row with the reason for anyone else).
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse

from people.models import Employee

SEARCH_LIMIT = 20
SEARCH_MIN_CHARS = 2


def employee_search(
    employees: QuerySet[Employee], query: str, *, limit: int = SEARCH_LIMIT
) -> QuerySet[Employee]:
    """The first ``limit`` matches of ``query`` (part of the name, or the start of
    the NIP) among ``employees``, by name: one bounded query."""
    query = " ".join(query.split())
    if len(query) < SEARCH_MIN_CHARS:
        return employees.none()
    match = Q(name__icontains=query)
    if query.isdigit():
        match |= Q(nip__startswith=query)
    return (
        employees.filter(match, is_active=True)
        .select_related("unit", "position_type")
        .order_by("name", "pk")[:limit]
    )


def employee_label(employee: Employee) -> str:
    return f"{employee.name} — {employee.unit.name}"


# Up to this many people to choose from, the field is a plain ``<select>`` (a
# staff member picking a colleague of his unit): nothing to search for.
SELECT_BELOW = 60


class _LookupWidget(forms.Widget):
    template_name = "people/widgets/lookup.html"
    multiple = False
    select_below = SELECT_BELOW

    def __init__(self, attrs=None, *, search_params=None, search_url=None):
        super().__init__(attrs)
        self.search_params = dict(search_params or {})
        # Another search view than ``people:employee_search`` (see the docstring).
        self.search_url = search_url
        self.queryset = Employee.objects.none()

    def _ids(self, value) -> list[str]:
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v) for v in values if str(v).isdigit()]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = self._ids(value)
        # A search of its own (``search_url``) tells more than a name (gap, JP,
        # why someone cannot be chosen): it is never folded into a select.
        # ``select_below`` 0: always a search (no query to find out).
        searches = bool(self.search_url) or self.select_below == 0
        few = (
            []
            if searches
            else list(
                self.queryset.select_related("unit").order_by("name", "pk")[
                    : self.select_below + 1
                ]
            )
        )
        if not searches and len(few) <= self.select_below:
            context["widget"].update(
                {
                    "multiple": self.multiple,
                    "as_select": True,
                    "size": min(max(len(few), 2), 8),
                    "options": [
                        (e.pk, employee_label(e), str(e.pk) in ids) for e in few
                    ],
                }
            )
            return context
        chosen = (
            list(
                self.queryset.filter(pk__in=ids)
                .select_related("unit")
                .order_by("name", "pk")
            )
            if ids
            else []
        )
        params = {"field": name, **self.search_params}
        base = str(self.search_url or reverse("people:employee_search"))
        context["widget"].update(
            {
                "multiple": self.multiple,
                "chosen": [(e.pk, employee_label(e)) for e in chosen],
                "search_url": f"{base}?{urlencode(params)}",
                "results_id": f"{attrs.get('id', name) if attrs else name}-results",
            }
        )
        return context

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            getter = getattr(data, "getlist", None)
            return getter(name) if getter else data.get(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False if self.multiple else name not in data


class EmployeeLookupInput(_LookupWidget):
    multiple = False


class EmployeeLookupMultipleInput(_LookupWidget):
    multiple = True


class _LookupMixin:
    def __init__(
        self,
        queryset=None,
        *,
        search_params=None,
        search_url=None,
        select_below=None,
        **kwargs,
    ):
        kwargs.setdefault(
            "widget",
            self.widget_class(search_params=search_params, search_url=search_url),
        )
        super().__init__(queryset=queryset, **kwargs)
        if select_below is not None:
            # 0: always a search (guests from anywhere in scope, say).
            self.widget.select_below = select_below

    def _set_queryset(self, queryset):
        super()._set_queryset(queryset)
        self.widget.queryset = self.queryset

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def label_from_instance(self, obj):
        return employee_label(obj)


class EmployeeLookupField(_LookupMixin, forms.ModelChoiceField):
    """One employee, chosen by type-ahead (see the module's docstring)."""

    widget_class = EmployeeLookupInput


class EmployeeLookupMultipleField(_LookupMixin, forms.ModelMultipleChoiceField):
    """Several employees, chosen by type-ahead (see the module's docstring)."""

    widget_class = EmployeeLookupMultipleInput
