"""Per-app contributions to the shared page shell.

Each project app may have a ``nav.py`` with ``items(user) -> list[NavItem]`` (menu
entries) and a ``dashboard.py`` with ``cards(user) -> list[Card]`` (tiles of the
landing page). The shell collects them in ``settings.PROJECT_APPS`` order, so an
app adds itself to the menu without touching any other app.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import ModuleType

from django.conf import settings
from django.utils.translation import pgettext_lazy

# The sections of the menu, in menu order: an app's entry names its section
# (``NavItem.group``), so the top level stays at a handful of entries whatever the
# number of apps. A section with one entry for a user is shown as a plain link.
NAV_GROUPS = (
    ("kegiatan", pgettext_lazy("menu section", "Kegiatan")),
    ("pengembangan", pgettext_lazy("menu section", "Pengembangan")),
    ("uji", pgettext_lazy("menu section", "Uji")),
    ("laporan", pgettext_lazy("menu section", "Laporan")),
    ("data", pgettext_lazy("menu section", "Data")),
    ("admin", pgettext_lazy("menu section", "Admin")),
)


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # Longest-prefix match on the request path marks the active entry.
    prefix: str = ""
    group: str = "data"  # a key of NAV_GROUPS


@dataclass(frozen=True)
class NavGroup:
    key: str
    label: str
    items: tuple[NavItem, ...]


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    link: str = ""
    link_label: str = ""
    detail: str = ""
    tone: str = "primary"  # bootstrap contextual colour
    extra: dict = field(default_factory=dict)


def project_modules(name: str) -> tuple[ModuleType, ...]:
    """The ``<app>.<name>`` module of every project app that has one, in
    ``settings.PROJECT_APPS`` order."""
    return _modules(tuple(settings.PROJECT_APPS), name)


@cache
def _modules(app_names: tuple[str, ...], name: str) -> tuple[ModuleType, ...]:
    found = []
    for app_name in app_names:
        try:
            found.append(import_module(f"{app_name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{app_name}.{name}":
                raise
    return tuple(found)


def nav_items(user) -> list[NavItem]:
    return [item for module in project_modules("nav") for item in module.items(user)]


def nav_groups(items: list[NavItem]) -> list[NavGroup]:
    """``items`` by section, in ``NAV_GROUPS`` order; empty sections left out."""
    known = dict(NAV_GROUPS)
    unknown = {item.group for item in items} - set(known)
    if unknown:
        raise ValueError(f"menu entries name unknown sections: {sorted(unknown)}")
    groups = []
    for key, label in NAV_GROUPS:
        members = tuple(item for item in items if item.group == key)
        if members:
            groups.append(NavGroup(key, str(label), members))
    return groups


def dashboard_cards(user) -> list[Card]:
    modules = project_modules("dashboard")
    return [card for module in modules for card in module.cards(user)]
