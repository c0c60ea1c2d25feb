"""``{% load authz %}{% can "programs.approve" nomination as ok %}``: the template
side of ``people.permissions.can`` (names are checked by a test)."""

from django import template

from people.permissions import can as _can

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, permission: str, obj=None) -> bool:
    return _can(context["request"].user, permission, obj)
