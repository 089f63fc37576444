"""What every command shares: loading a map, choosing checks, exit codes, shared options.

Exit codes: 0 no error-level finding; 1 an error-level finding (with
``--strict``, any warning); 2 invalid input, a bad command line or a missing
program; 3 the Graphviz layout ran out of time; 70 an internal error (a bug).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError, LayoutTimeout, MapLoadError
from argmap.findings import Finding

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_TIMEOUT, EXIT_INTERNAL = 0, 1, 2, 3, 70


def exit_code_for(error: ArgmapError) -> int:
    """The exit code of an error: 3 for a layout timeout, 2 for everything else."""
    return EXIT_TIMEOUT if isinstance(error, LayoutTimeout) else EXIT_INVALID


def load(path: str) -> ArgumentMap:
    """Load a map file (imported lazily to keep start-up fast).

    Raises:
        MapLoadError: the map is invalid.
    """
    from argmap.io.yaml.reader import load_map

    return load_map(path)


def checks_for(amap: ArgumentMap, path: str, select: str = "", ignore: str = "") -> list:
    """The checks to run on a map: command line, else the map's ``checks:``, else
    ``[tool.argmap]`` in the nearest pyproject.toml.

    Raises:
        UsageError: an unknown check on the command line.
        MapLoadError: an unknown check in the map or in pyproject.toml (with its position).
    """
    from argmap.analysis.checks import resolve, selected
    from argmap.errors import UsageError
    from argmap.findings import invalid
    from argmap.io.pyproject import effective, nearest_pyproject, project_settings

    resolve(split_list(select) + split_list(ignore))  # a command-line typo is a usage error
    project = project_settings(path)
    chosen = effective(amap, split_list(select), split_list(ignore), project)
    try:
        return selected(chosen.select, chosen.ignore)
    except UsageError as exc:
        mine = amap.checks.select or amap.checks.ignore
        where = amap.checks.loc if mine else None
        file = path if mine else str(nearest_pyproject(path))
        line, col = (where.line, where.column) if where else (1, 1)
        raise MapLoadError([invalid(file, line, col, str(exc))]) from None


def refuse_overwrite(source: str, targets: Sequence[str]) -> None:
    """Refuse to write an output over the command's own input.

    Raises:
        UsageError: a target is the same file as ``source``.
    """
    from argmap.errors import UsageError

    for target in targets:
        if target != "-" and os.path.exists(target) and os.path.exists(source):
            if os.path.samefile(source, target):
                raise UsageError(f"{target} is the input file: write the output elsewhere")


def split_list(value: str) -> list[str]:
    """``"a, b,,c"`` → ``["a", "b", "c"]`` (comma-separated option values)."""
    return [v.strip() for v in value.split(",") if v.strip()]


def exit_for(findings: Sequence[Finding], strict: bool) -> int:
    """0, or 1 when a finding is an error (or, with ``strict``, a warning)."""
    severities = {f.severity for f in findings}
    if "error" in severities or (strict and "warning" in severities):
        return EXIT_FINDINGS
    return EXIT_OK
