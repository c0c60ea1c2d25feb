from django.urls import reverse
from django.utils.translation import gettext as _

from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    """The framework is open to every logged-in role."""
    return [
        NavItem(
            _("Standar kompetensi"),
            reverse("competencies:index"),
            "/kompetensi/",
            "pengembangan",
        )
    ]
