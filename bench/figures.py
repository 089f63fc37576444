"""One measured figure of a benchmark, printed as a JSON line for ``bench/all.py``.

Every script in ``bench/`` prints its figures for people; with ``--json`` it also
prints each figure as one line of JSON, which ``bench/all.py`` (``make bench``)
collects into ``bench/RESULTS.md``::

    {"name": "svg-overhead-2000", "value": 1.31, "target": 1.4, "better": "lower",
     "unit": "ratio", "what": "argmap render SVG / bare dot -Tsvg, 2,000 claims",
     "command": "python bench/render_overhead.py"}

``target`` is null for a figure printed for reference only.
"""

from __future__ import annotations

import json
import shlex
import sys

#: Whether figures go to standard output as JSON lines (set by :func:`use_json`).
_JSON = [False]


def use_json(on: bool) -> None:
    """Print figures as JSON lines from now on (``on``) or not."""
    _JSON[0] = on


def command(script: str, args: list[str] | None = None) -> str:
    """The command line that measures a figure, as run from the repository root."""
    return shlex.join(["python", f"bench/{script}", *(args or [])])


def figure(
    name: str,
    value: float,
    *,
    target: float | None,
    better: str,
    unit: str,
    what: str,
    command: str,
    note: str = "",
) -> None:
    """Print one figure as a JSON line when :func:`use_json` is on (else nothing).

    Args:
        name: a short unique name (``chain-3000-grounded-cpu``).
        value: the measured value, in ``unit``.
        target: the bound it must meet, or ``None`` (reference only).
        better: ``"lower"`` (value ≤ target) or ``"higher"`` (value ≥ target).
        unit: ``"ratio"``, ``"s"`` (seconds), ``"MB"`` …
        what: what was measured, for a reader.
        command: the command that measured it.
        note: why a target is missed, or what to read into the figure.

    Raises:
        ValueError: ``better`` is neither ``"lower"`` nor ``"higher"``.
    """
    if better not in ("lower", "higher"):
        raise ValueError(f"better must be 'lower' or 'higher', not {better!r}")
    if not _JSON[0]:
        return
    row = {"name": name, "value": round(value, 4), "target": target, "better": better}
    row |= {"unit": unit, "what": what, "command": command, "note": note}
    print(json.dumps(row, ensure_ascii=False), flush=True)
    sys.stdout.flush()
