"""The kinds of export a background job can build, by name.

Each project app declares its exports in ``<app>/exports.py`` and registers the
ones that may run in the background (the builder takes the requester and the
query string, so a worker can rebuild exactly what was asked)::

    @register("people.employees", label=_("Daftar pegawai"), background=True)
    def employees(user, query, **kwargs) -> Document: ...
"""

from collections.abc import Callable
from dataclasses import dataclass

from exports.writer import Document


@dataclass(frozen=True)
class Kind:
    name: str
    label: object
    build: Callable[..., Document]
    formats: tuple[str, ...] = ("csv", "xlsx")
    # Count the rows before answering and hand large exports to a job.
    background: bool = False


_KINDS: dict[str, Kind] = {}


def register(
    name: str,
    *,
    label,
    formats: tuple[str, ...] = ("csv", "xlsx"),
    background: bool = False,
):
    def decorate(build: Callable[..., Document]) -> Callable[..., Document]:
        _KINDS[name] = Kind(name, label, build, formats, background)
        return build

    return decorate


def kind_get(name: str) -> Kind:
    return _KINDS[name]


def kinds() -> dict[str, Kind]:
    return dict(_KINDS)
