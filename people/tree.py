"""The organisation tree's storage, known only here.

Each unit stores a materialised path of fixed-width, zero-padded ids
(``"0000000000000000001/0000000000000000004/"``), so "this unit and everything
under it" is one indexed ``LIKE 'prefix%'`` query and ordering by path lists a
subtree depth first. A segment holds any ``BigAutoField`` value (19 digits), so
there is no id-width limit. Every other app asks through these functions (or the
``Unit`` queryset methods built on them) and never reads ``path`` itself.
"""

from django.db.models import F, Q, Value
from django.db.models.lookups import StartsWith

WIDTH = 19  # digits of the largest BigAutoField value (9,223,372,036,854,775,807)
SEGMENT = WIDTH + 1  # digits and the "/"
MAX_DEPTH = 255 // SEGMENT - 1  # Unit.path is a CharField(max_length=255)


def segment(pk: int) -> str:
    return f"{pk:0{WIDTH}d}/"


def child_path(parent_path: str, pk: int) -> str:
    return parent_path + segment(pk)


def depth_of(path: str) -> int:
    """0 for a top unit, 1 for its children, …"""
    return len(path) // SEGMENT - 1


def ancestor_paths(path: str) -> list[str]:
    """The paths from the top unit down to ``path`` (inclusive)."""
    return [path[: end + SEGMENT] for end in range(0, len(path), SEGMENT)]


def path_within(path: str, ancestor_path: str) -> bool:
    """Whether the unit at ``path`` is the one at ``ancestor_path`` or below it."""
    return path.startswith(ancestor_path)


def unit_contains(ancestor, unit) -> bool:
    """Whether ``unit`` is ``ancestor`` or lies under it (two Unit objects)."""
    return path_within(unit.path, ancestor.path)


def child_key_length(parent) -> int:
    """Length of the path prefix that names the child of ``parent`` (``None`` = the
    top units) a unit lies under: units are grouped by ``path[:length]``."""
    return (len(parent.path) if parent is not None else 0) + SEGMENT


def subtree_q(unit, field: str = "unit") -> Q:
    """Rows whose ``field`` (a lookup to a Unit; ``""`` for Unit itself) is
    ``unit`` or lies under it."""
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    return Q(**{lookup: unit.path})


def subtrees_q(units, field: str = "unit") -> Q:
    """Rows under any of ``units`` (an empty list matches nothing)."""
    q = Q(pk__in=[])
    for unit in units:
        q |= subtree_q(unit, field)
    return q


def _path_of(unit):
    """The path of ``unit``: a Unit, or an ``F``/``OuterRef`` naming one (``"pk"``
    names the Unit of the query itself)."""
    if isinstance(unit, F):
        return type(unit)("path" if unit.name == "pk" else f"{unit.name}__path")
    return Value(unit.path)


def contains(ancestor, unit) -> StartsWith:
    """A filter expression, ``queryset.filter(contains(a, b))``: ``ancestor`` is
    ``unit`` or lies above it. Each is a Unit or an ``F``/``OuterRef`` naming one,
    so the tree can be asked inside a subquery (e.g. the heads over each row's
    unit)."""
    return StartsWith(_path_of(unit), _path_of(ancestor))
