"""Imports a report kernel does not need until something calls them.

altair imports jsonschema, and jsonschema imports rfc3987_syntax for its "iri" format check. That
module builds a Lark grammar when it is imported: 1 to 3 s of every report kernel's start, for a
check no report makes (python-jsonschema/jsonschema#1428). `defer` puts a stand-in in its place
that imports the real module the first time one of its functions is called, so the check still
works, but only costs anything when it is used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

DEFERRED = {"rfc3987_syntax": ("is_valid_syntax",)}


def defer(module: str, names: tuple[str, ...]) -> bool:
    """Stand in for `module` until one of `names` (or any other attribute) is used; False if the
    module is already imported or not installed, where there is nothing to defer."""
    if module in sys.modules or importlib.util.find_spec(module) is None:
        return False
    stand_in = types.ModuleType(module, f"Stands in for {module} until it is used (xbdata.reports.deferred).")

    def real() -> types.ModuleType:
        if sys.modules.get(module) is stand_in:
            del sys.modules[module]
        return importlib.import_module(module)

    def call_later(name: str):
        return lambda *args, **kwargs: getattr(real(), name)(*args, **kwargs)

    for name in names:
        setattr(stand_in, name, call_later(name))
    def attribute(name: str):
        if name.startswith("__"):   # the import system asks for __path__, __file__ …: not a use
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.__getattr__ = attribute
    sys.modules[module] = stand_in
    return True


def defer_all() -> None:
    for module, names in DEFERRED.items():
        defer(module, names)
