"""argmap: argument maps in YAML, checked as argument graphs, drawn with Graphviz.

The package is layered: :mod:`argmap.model` at the bottom; :mod:`argmap.io`
(formats), :mod:`argmap.analysis.graph` and :mod:`argmap.analysis.checks`, and :mod:`argmap.render`
each build on the model; :mod:`argmap.api` is the Python API and :mod:`argmap.cli`
sits on top.

The API's functions are attributes of this package, imported on first use
(PEP 562), so ``import argmap`` stays cheap: ``argmap.load``, ``argmap.loads``,
``argmap.check``, ``argmap.evaluate``, ``argmap.render``, ``argmap.render_files``,
``argmap.convert``, ``argmap.draft``, ``argmap.draft_file``, ``argmap.grade``, the
``Map`` and ``Findings`` they return, the errors they raise
(``argmap.MapLoadError``, ``argmap.UsageError``, both ``argmap.ArgmapError``) and
the warning a drawing gives (``argmap.ArgmapWarning``).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from argmap.api import (
        ArgmapError,
        ArgmapWarning,
        DraftMap,
        Findings,
        Map,
        MapLoadError,
        UsageError,
        check,
        convert,
        draft,
        draft_file,
        evaluate,
        grade,
        load,
        loads,
        render,
        render_files,
    )


class _Package(types.ModuleType):
    """The package's module type: ``argmap.render`` and ``argmap.draft`` stay the
    API's functions when the subpackages of those names are imported (the
    import system would set them as attributes of the package; the
    subpackages are still in ``sys.modules`` and import as usual)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """The API's names, imported from :mod:`argmap.api` on first use (PEP 562)."""
    if name in _API:
        from argmap import api

        return getattr(api, name)
    if name in ("api", "errors"):  # the error classes' module, as the docs name it
        import importlib

        return importlib.import_module(f"argmap.{name}")
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


__all__ = [
    "ArgmapError",
    "ArgmapWarning",
    "DraftMap",
    "Findings",
    "Map",
    "MapLoadError",
    "UsageError",
    "__version__",
    "check",
    "convert",
    "draft",
    "draft_file",
    "evaluate",
    "grade",
    "load",
    "loads",
    "render",
    "render_files",
]

#: The names :mod:`argmap.api` gives this package (``__all__`` but the version).
_API = frozenset(__all__) - {"__version__"}
