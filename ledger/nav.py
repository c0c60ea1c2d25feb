from django.urls import reverse
from django.utils.translation import gettext as _

from sosiokultural.registry import NavItem


def items(user) -> list[NavItem]:
    return [NavItem(_("Buku JP"), reverse("ledger:index"), "/jp/", "pengembangan")]
