"""Write docs/api-reference.md from the docstrings of argmap's Python API.

Run ``python docs/api_reference.py`` after changing a docstring of
``argmap.api``; ``tests/test_api_docs.py`` fails while the page is stale.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

PAGE = Path(__file__).with_name("api-reference.md")


def reference() -> str:
    """The page: each public name of :mod:`argmap.api` with its signature and docstring."""
    import argmap
    from argmap import api

    parts = [
        "# argmap Python API reference\n",
        "Generated from the docstrings by `python docs/api_reference.py`; "
        "do not edit by hand. The guide and the stability policy are in "
        "[api.md](api.md).\n",
        f"Version {argmap.__version__}.\n",
    ]
    for name in api.__all__:
        obj = getattr(api, name)
        kind = "class" if inspect.isclass(obj) else "function"
        try:
            signature = str(inspect.signature(obj))
        except (TypeError, ValueError):
            signature = ""
        if kind == "class" and issubclass(obj, tuple):
            signature = ""
        parts.append(f"## `argmap.{name}{signature}`\n")
        parts.append(f"*{kind}*\n")
        parts.append("```text\n" + inspect.cleandoc(obj.__doc__ or "") + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    PAGE.write_text(reference(), encoding="utf-8")
    sys.stderr.write(f"wrote {PAGE}\n")
