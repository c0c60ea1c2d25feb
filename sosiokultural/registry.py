"""Per-app contributions to the shared page shell.

Each project app may have a ``nav.py`` with ``items(user) -> list[NavItem]`` (menu
entries) and a ``dashboard.py`` with ``cards(user) -> list[Card]`` (tiles of the
landing page). The shell collects them in ``INSTALLED_APPS`` order, so an app adds
itself to the menu without touching any other app.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import ModuleType

from django.apps import apps


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # Longest-prefix match on the request path marks the active entry.
    prefix: str = ""


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    link: str = ""
    link_label: str = ""
    detail: str = ""
    tone: str = "primary"  # bootstrap contextual colour
    extra: dict = field(default_factory=dict)


@cache
def _modules(name: str) -> tuple[ModuleType, ...]:
    found = []
    for config in apps.get_app_configs():
        if not config.path.startswith(str(_project_dir())):
            continue
        try:
            found.append(import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
    return tuple(found)


def _project_dir():
    from django.conf import settings

    return settings.BASE_DIR


def nav_items(user) -> list[NavItem]:
    return [item for module in _modules("nav") for item in module.items(user)]


def dashboard_cards(user) -> list[Card]:
    return [card for module in _modules("dashboard") for card in module.cards(user)]
