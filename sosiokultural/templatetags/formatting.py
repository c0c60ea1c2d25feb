"""``{{ x|number:2 }}``, ``{{ share|percent }}`` in every template (a builtin
library, see ``TEMPLATES`` in settings and ``sosiokultural/formatting.py``)."""

from django import template

from sosiokultural import formatting

register = template.Library()


@register.filter(name="number")
def number_filter(value, places=2):
    return formatting.number(value, int(places))


@register.filter(name="percent")
def percent_filter(value, places=1):
    return formatting.percent(value, int(places))
