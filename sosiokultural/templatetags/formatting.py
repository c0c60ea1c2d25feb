"""``{% load formatting %}``: ``{{ x|number:2 }}``, ``{{ share|percent }}`` (see
``sosiokultural/formatting.py``)."""

from django import template

from sosiokultural import formatting

register = template.Library()


@register.filter(name="number")
def number_filter(value, places=2):
    return formatting.number(value, int(places))


@register.filter(name="percent")
def percent_filter(value, places=1):
    return formatting.percent(value, int(places))
