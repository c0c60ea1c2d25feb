"""What the apps' demo seeds hand on to each other (``seed_demo``).

``seed_demo`` calls ``<app>.demo.seed(out, context)`` for each app of
``settings.PROJECT_APPS`` that has one, in that order, with one ``DemoContext``:
each seed reads what earlier apps made and fills in its own part.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DemoContext:
    # The whole demo: apps add what only it needs (history, a second standard
    # version); tests that seed a few apps alone leave it off.
    full_demo: bool = False
    # people
    units: dict[str, Any] = field(default_factory=dict)  # code → Unit
    positions: dict[str, Any] = field(default_factory=dict)  # code → PositionType
    people: dict[str, list] = field(
        default_factory=dict
    )  # "UNIT:position" → [Employee]
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # printed
    # competencies
    dimensions: dict[str, Any] = field(default_factory=dict)  # code → Dimension
    forms: dict[str, Any] = field(default_factory=dict)  # code → DevelopmentForm
    standard: Any = None  # the standard in force today
