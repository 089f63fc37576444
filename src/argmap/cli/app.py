"""The ``argmap`` command group and entry point: run a command, translate errors to exit codes.

Each command lives in its own module of :mod:`argmap.cli`, named in :data:`COMMANDS` here
(imported when the command is looked up);
command modules import only :mod:`argmap.cli.common`, never this module.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping, Sequence

import click

from argmap import __version__
from argmap.cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, exit_codes, failure
from argmap.errors import ArgmapError
from argmap.util.gcpause import gc_paused

#: Every command: its name → (its module in :mod:`argmap.cli`, the click command there).
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "check"),
    "checks": ("checks", "list_checks"),
    "compare": ("compare", "compare"),
    "convert": ("convert", "convert"),
    "draft": ("draft", "draft"),
    "evaluate": ("evaluate", "evaluate"),
    "grade": ("grade", "grade"),
    "render": ("render_many", "render"),
    "schema": ("schema", "schema"),
    "stats": ("stats", "stats"),
    "worksheet": ("worksheet", "worksheet"),
    "serve": ("serve", "serve"),
    "lsp": ("lsp", "lsp"),
}


class LazyCommands(MutableMapping[str, click.Command]):
    """The group's commands by name, each module imported when its command is first
    looked up: ``argmap --version`` imports no command, ``argmap render`` one
    (``--help``, which lists them all, imports them all).

    Args:
        where: command name → (module of :mod:`argmap.cli`, attribute: a ``click.Command``).
    """

    def __init__(self, where: dict[str, tuple[str, str]]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, attr = self._where[name]  # KeyError: no such command
            command = getattr(importlib.import_module(f"argmap.cli.{module}"), attr)
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.setdefault(name, ("", ""))
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._where[name]
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


@click.group(
    commands=LazyCommands(COMMANDS),
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=exit_codes(
        {
            0: "done (warnings included)",
            1: "an error-level finding (argmap check; with --strict, a warning too)",
            2: "invalid input, a bad command line, or a missing program",
            3: "Graphviz ran out of time (argmap render)",
        }
    ),
)
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """argmap: check argument maps written in YAML and draw them with Graphviz.

    A command that prints one document writes it to FILE with -o FILE ('-':
    standard output); render writes one file per -o and convert to OUT.
    --format names what a command prints (text, json, sarif, github,
    markdown), each name meaning the same in every command. 'argmap COMMAND
    --help' tells more.

    Example: argmap check maps/two-michaels.yaml
    """


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
    until the command ends; see :mod:`argmap.util.gcpause`) and restored
    afterwards, also when the command exits.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="replace")
    _unix_signals()
    try:
        with gc_paused():
            _main(argv)
    finally:
        _flush_or_drop()


def run() -> None:
    """The ``argmap`` program: :func:`main`, then leave the process at once.

    Once the exit code is known and both streams are flushed, the process
    ends with :func:`os._exit`, so a large map's objects are not torn down
    one by one (seconds for tens of thousands of claims): the time a command
    takes, and the ``--layout-timeout`` budget, end with its output; after
    Ctrl-C or SIGTERM too, whose exception still holds the interrupted work.
    """
    try:
        main()
    except SystemExit as exc:
        # Inside the handler: the exception, and after Ctrl-C or SIGTERM the
        # traceback of the interrupted work holding the whole map, is not freed
        # first (over a second for 100,000 claims).
        os._exit(exc.code if isinstance(exc.code, int) else EXIT_INVALID)
    os._exit(EXIT_OK)  # main has flushed both streams on its way out


def _say(message: str) -> None:
    """Print ``message`` on standard error; if that cannot be written, say nothing."""
    try:
        click.echo(message, err=True)
    except OSError:
        pass


def _flush_or_drop() -> None:
    """Flush standard output and error; a stream that cannot take what is left (a full
    disk, a closed descriptor) is pointed at the null device, so that Python's own
    flush at exit cannot fail again and change the exit code."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            try:
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, stream.fileno())
                os.close(null)
            except (OSError, ValueError):
                pass


def _main(argv: Sequence[str] | None) -> None:
    try:
        cli.main(args=argv, prog_name="argmap", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INVALID)
    except click.exceptions.Abort:
        _say("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except (ArgmapError, OSError) as exc:
        message, code = failure(exc)
        _say(message)
        sys.exit(code)
    except Exception as exc:  # a bug: say so plainly instead of a traceback
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        _say(failure(exc)[0])
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)
