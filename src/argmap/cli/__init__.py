"""The ``argmap`` command line: parse options, call the library, pick the exit code.

One module per command; each registers itself on :data:`cli`.

Exit codes: 0 no error-level finding; 1 an error-level finding (with
``--strict``, any warning); 2 invalid input, a bad command line or a missing
program; 3 the Graphviz layout ran out of time; 70 an internal error (a bug).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Sequence

import click

from argmap import __version__
from argmap.errors import ArgmapError, MapLoadError
from argmap.gcpause import gc_paused
from argmap.problems import Finding

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_TIMEOUT, EXIT_INTERNAL = 0, 1, 2, 3, 70


def load(path: str) -> "ArgumentMap":
    """Load a map file (imported lazily to keep start-up fast).

    Raises:
        MapLoadError: the map is invalid.
    """
    from argmap.io.mapfile import load_map

    return load_map(path)


def checks_for(amap: "ArgumentMap", path: str, select: str = "", ignore: str = "") -> list:
    """The checks to run on a map: command line, else the map's ``checks:``, else
    ``[tool.argmap]`` in the nearest pyproject.toml.

    Raises:
        UsageError: an unknown check on the command line.
        MapLoadError: an unknown check in the map or in pyproject.toml (with its position).
    """
    from argmap.checks import resolve, selected
    from argmap.errors import UsageError
    from argmap.problems import invalid
    from argmap.settings import effective, nearest_pyproject, project_settings

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """argmap: check argument maps written in YAML and draw them with Graphviz.

    Example: argmap check maps/two-michaels.yaml
    """


def exit_for(findings: Sequence[Finding], strict: bool) -> int:
    """0, or 1 when a finding is an error (or, with ``strict``, a warning)."""
    severities = {f.severity for f in findings}
    if "error" in severities or (strict and "warning" in severities):
        return EXIT_FINDINGS
    return EXIT_OK



def _unix_signals() -> None:
    """Behave like other Unix tools: die quietly on a closed pipe (``| head``), and on
    SIGTERM unwind (so a running Graphviz is killed and no temporary file is left)."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    def _terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _terminate)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI and translate every error into its exit code.

    Standard output and error are UTF-8 whatever the locale. The cyclic
    garbage collector is paused while the command runs (a map's data lives
    until the command ends; see :mod:`argmap.gcpause`) and restored
    afterwards, also when the command exits.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="replace")
    _unix_signals()
    with gc_paused():
        _main(argv)


def _main(argv: Sequence[str] | None) -> None:
    try:
        cli.main(args=argv, prog_name="argmap", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INVALID)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except MapLoadError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_INVALID)
    except ArgmapError as exc:
        click.echo(f"argmap: {exc}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        click.echo(f"argmap: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_INVALID)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly instead of a traceback
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        click.echo(f"argmap: internal error: {type(exc).__name__}: {exc} "
                   "(set ARGMAP_DEBUG=1 for a traceback, and please report it)", err=True)  # fmt: skip
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)


# Commands register themselves on import (kept last: they import ``cli``).
from argmap.cli import (  # noqa: E402,F401
    check,
    checks,
    compare,
    convert,
    draft,
    evaluate,
    render,
    schema,
    stats,
)
