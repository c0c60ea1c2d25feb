"""One module per internal development form, each registering its
``activities.registry.ActivityKind``. Every module of this package is imported
(in name order) the first time the registry is asked, so a new form is a new
module here plus its templates — nothing else to list."""

from importlib import import_module
from pkgutil import iter_modules

for _module in sorted(info.name for info in iter_modules(__path__)):
    import_module(f"{__name__}.{_module}")
