"""What every command shares: loading a map, choosing checks, exit codes, shared options.

Exit codes: 0 no error-level finding; 1 an error-level finding (with
``--strict``, a warning too); 2 invalid input, a bad command line or a missing
program; 3 the Graphviz layout ran out of time; 70 an internal error (a bug).

Shared options, one meaning each in every command: ``--format`` names the
form of what a command prints (:data:`FORMAT_HELP`); ``-o FILE`` is the file a
command writes its one document to (``-`` or no ``-o``: standard output);
``--select``/``--ignore`` take comma-separated finding codes or names;
``--strict`` makes warnings fail; ``--to`` names a map format, as
``argmap convert --to`` does. Every command's ``--help`` ends with its exit
codes (:func:`exit_codes`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap.errors import ArgmapError, LayoutTimeout, MapLoadError

if TYPE_CHECKING:
    from argmap.api import Map
    from argmap.findings import Finding, Rule
    from argmap.model import ArgumentMap

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_TIMEOUT, EXIT_INTERNAL = 0, 1, 2, 3, 70

#: A click command callback (what the option decorators wrap).
F = TypeVar("F", bound=Callable[..., Any])

#: What each ``--format`` name means, the same in every command that has it.
FORMAT_HELP: Mapping[str, str] = {
    "text": "lines for people",
    "json": "one JSON document",
    "sarif": "a SARIF 2.1.0 log for editors and code scanning",
    "github": "GitHub Actions workflow annotations",
    "markdown": "a Markdown document",
    "jsonl": "one JSON line per map, in the order of the maps, each printed when done",
}

#: Exit code 70, the same for every command.
INTERNAL_ERROR = "an internal error (a bug: ARGMAP_DEBUG=1 shows the traceback)"


def format_option(*names: str) -> Callable[[F], F]:
    """``--format NAME`` with the choices ``names`` (the first is the default).

    Each name keeps its :data:`FORMAT_HELP` meaning; the value reaches the
    command as ``fmt``.
    """
    meanings = "; ".join(f"{name}: {FORMAT_HELP[name]}" for name in names)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(names)),
        default=names[0],
        show_default=True,
        help=f"What to print ({meanings}).",
    )


def _dash_is_stdout(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return None if value == "-" else value


def output_option(what: str = "the output") -> Callable[[F], F]:
    """``-o/--output FILE``: write ``what`` there atomically; ``-`` or none is standard output.

    The value reaches the command as ``output``: a path, or None for standard output.
    """
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        type=click.Path(dir_okay=False, allow_dash=True),
        default=None,
        callback=_dash_is_stdout,
        help=f"Write {what} to FILE (atomically); '-' or no -o: standard output.",
    )


def select_options(noun: str, verb: str) -> Callable[[F], F]:
    """``--select`` and ``--ignore``: comma-separated codes or names of ``noun`` to ``verb``.

    Values reach the command as ``select`` and ``ignore`` (``""`` when absent).
    """

    def decorate(command: F) -> F:
        command = click.option(
            "--ignore",
            default="",
            metavar="CODES",
            help=f"Comma-separated {noun} (codes or names) to skip.",
        )(command)
        return click.option(
            "--select",
            default="",
            metavar="CODES",
            help=f"Comma-separated {noun} (codes or names) to {verb}.",
        )(command)

    return decorate


#: ``--format`` values that named a map format before ``--to``, and their ``--to`` names.
_OLD_MAP_FORMATS = {"yaml": "argmap", "json": "json"}


def _agreed_map_format(ctx: click.Context, value: str | None) -> str | None:
    """``value``, or the one given by the other spelling; refuses two different ones."""
    earlier = ctx.meta.get("argmap.to")
    if value and earlier and value != earlier:
        raise click.BadParameter(f"--to and --format name different formats: {earlier}, {value}")
    ctx.meta["argmap.to"] = value or earlier
    return value or earlier


def _to_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return _agreed_map_format(ctx, value)


def _old_format_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.params["fmt"] = _agreed_map_format(ctx, _OLD_MAP_FORMATS[value] if value else None)


def to_option(*names: str, default: str) -> Callable[[F], F]:
    """``--to NAME``: the map format a command writes, named as ``argmap convert --to`` names it.

    ``--format yaml|json`` (the older spelling) is accepted, hidden, as an alias.
    The value reaches the command as ``fmt``: a name, or None when neither is given.
    """

    def decorate(command: F) -> F:
        command = click.option(
            "--format",
            "old_format",
            type=click.Choice(list(_OLD_MAP_FORMATS)),
            hidden=True,
            expose_value=False,
            callback=_old_format_callback,
        )(command)
        return click.option(
            "--to",
            "fmt",
            type=click.Choice(list(names)),
            callback=_to_callback,
            help=f"Map format of the output ({', '.join(names)}). Default: {default}.",
        )(command)

    return decorate


def strict_option() -> Callable[[F], F]:
    """``--strict``: exit 1 on a warning too (info findings never fail)."""
    return click.option(
        "--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors."
    )


def audience_option(default: str = "expert") -> Callable[[F], F]:
    """``--audience expert|teacher|student``, reaching the command as ``audience``.

    ``student``: findings and legend in plain words with no codes
    (:func:`argmap.findings.student_sentence`); ``teacher`` is ``expert``.
    """
    from argmap.diagram import AUDIENCES  # when a command that draws is loaded

    return click.option(
        "--audience",
        type=click.Choice(AUDIENCES),
        default=default,
        show_default=True,
        help="Who reads it: student shows findings in plain words, with no codes.",
    )


def exit_codes(codes: Mapping[int, str]) -> str:
    """A ``--help`` epilog listing a command's exit codes, 70 (internal error) last.

    Click prints the epilog after the options, so every command's help ends
    with it. Example: ``exit_codes({0: "done", 2: "a bad command line"})``.
    """
    import textwrap

    rows = {**codes, EXIT_INTERNAL: INTERNAL_ERROR}
    lines = ["\b", "Exit codes:"]
    for code, text in rows.items():
        wrapped = textwrap.wrap(text, width=66)
        lines.append(f"  {code:<3} {wrapped[0]}")
        lines += [f"      {more}" for more in wrapped[1:]]
    return "\n".join(lines)


def to_stdout(text: str) -> None:
    """Print ``text`` on standard output as it is (no newline added).

    Raises:
        OSError: standard output cannot be written (a full disk, a closed
            descriptor); the error names "standard output".
    """
    try:
        click.echo(text, nl=False)
    except OSError as exc:
        raise OSError(
            exc.errno, f"cannot write: {exc.strerror or exc}", "standard output"
        ) from None


def emit(text: str, output: str | None) -> None:
    """Print ``text`` on standard output, or write it to ``output`` atomically.

    A file written is named on standard error (``wrote FILE``), as every command does.

    Raises:
        OSError: ``output`` cannot be written.
    """
    from argmap.util.files import write_atomic

    if output is None:
        to_stdout(text)
        return
    write_atomic(output, text.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)


def rule_catalogue() -> tuple[Rule, ...]:
    """Every finding code argmap reports: :data:`~argmap.findings.BUILTIN_RULES`, then
    the checks of :data:`~argmap.analysis.checks.CHECKS` in code order."""
    from argmap.analysis.checks import CHECKS
    from argmap.findings import BUILTIN_RULES, Rule

    checks = tuple(Rule(c.code, c.name, c.severity, c.summary, c.doc) for c in CHECKS)
    return BUILTIN_RULES + checks


def report(findings: Sequence[Finding], fmt: str) -> str:
    """``findings`` in the reporter ``fmt`` of :mod:`argmap.report`, with the rule catalogue."""
    from argmap.report import REPORTERS

    return REPORTERS[fmt](findings, rule_catalogue())


def chosen_findings(findings: Sequence[Finding], select: str, ignore: str) -> list[Finding]:
    """The findings whose code is selected (all when ``select`` is empty) and not ignored.

    Raises:
        UsageError: a code or name that no finding has.
    """
    chosen, dropped = split_list(select), split_list(ignore)
    if not chosen and not dropped:
        return list(findings)  # the checks (and networkx) are not imported for nothing
    from argmap.analysis.checks import resolve

    keep = resolve(chosen)
    drop = resolve(dropped)
    return [f for f in findings if (not keep or f.code in keep) and f.code not in drop]


def exit_code_for(error: ArgmapError) -> int:
    """The exit code of an error: 3 for a layout timeout, 2 for everything else."""
    return EXIT_TIMEOUT if isinstance(error, LayoutTimeout) else EXIT_INVALID


def read_map(path: str) -> Map:
    """:func:`argmap.api.load`, a format that cannot be told or read being a
    finding at line 1, column 1 of ``path``.

    Raises:
        MapLoadError: the map is invalid or its format unreadable.
    """
    from argmap.api import load
    from argmap.errors import UsageError
    from argmap.findings import invalid

    try:
        return load(path)
    except UsageError as exc:
        message = str(exc).removeprefix(f"{path}: ")
        raise MapLoadError([invalid(path, 1, 1, message)]) from None


def load_map(path: str) -> Map:
    """:func:`read_map`, what the import noted (AM001 import-note) going to
    standard error as text lines.

    Raises:
        MapLoadError: the map is invalid or its format unreadable.
    """
    loaded = read_map(path)
    if loaded.notes:
        click.echo(report(loaded.notes, "text").rstrip("\n"), err=True)
    return loaded


def load(path: str) -> ArgumentMap:
    """The model of :func:`load_map` (imported lazily to keep start-up fast).

    Raises:
        MapLoadError: the map is invalid or its format unreadable.
    """
    return load_map(path).model


def checks_for(amap: ArgumentMap, path: str, select: str = "", ignore: str = "") -> list:
    """The checks to run on a map: command line, else the map's ``checks:``, else
    ``[tool.argmap]`` in the nearest pyproject.toml (:func:`argmap.api.chosen_checks`).

    Raises:
        UsageError: an unknown check on the command line.
        MapLoadError: an unknown check in the map or in pyproject.toml (with its position).
    """
    from argmap.api import chosen_checks

    return chosen_checks(amap, path, split_list(select), split_list(ignore))


def refuse_overwrite(source: str, targets: Sequence[str], also: Sequence[str] = ()) -> None:
    """Refuse to write an output over a file the command reads.

    The files read are ``source``, the ``pyproject.toml`` whose ``[tool.argmap]``
    settings apply to it (see :mod:`argmap.io.pyproject`) and ``also`` (e.g.
    pattern files); a target is compared with each after resolving links.

    Raises:
        UsageError: a target is one of those files.
    """
    from argmap.errors import UsageError
    from argmap.io.pyproject import nearest_pyproject

    settings = nearest_pyproject(source) if os.path.exists(source) else None
    read = [(source, "the input file")]
    read += [(str(settings), "the settings file this command reads")] if settings else []
    read += [(path, "a file this command reads") for path in also]
    for target in targets:
        if target == "-" or not os.path.exists(target):
            continue
        for path, what in read:
            if os.path.exists(path) and os.path.samefile(path, target):
                raise UsageError(f"{target} is {what}: write the output elsewhere")


def split_list(value: str) -> list[str]:
    """``"a, b,,c"`` → ``["a", "b", "c"]`` (comma-separated option values;
    :func:`argmap.util.text.comma_list`)."""
    from argmap.util.text import comma_list

    return comma_list(value)


def exit_for(findings: Sequence[Finding], strict: bool) -> int:
    """0, or 1 when a finding is an error (or, with ``strict``, a warning)."""
    severities = {f.severity for f in findings}
    if "error" in severities or (strict and "warning" in severities):
        return EXIT_FINDINGS
    return EXIT_OK


def failure(exc: BaseException) -> tuple[str, int]:
    """The message and exit code of a command that failed with ``exc``, as ``argmap``
    prints them: an invalid map (2) its findings, another argmap error ``argmap: ...``
    (2; 3 for a layout timeout), a file error its file and reason (2), anything else
    an internal error (70, a bug).
    """
    if isinstance(exc, MapLoadError):
        return str(exc), EXIT_INVALID
    if isinstance(exc, ArgmapError):
        return f"argmap: {exc}", exit_code_for(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"argmap: {where}{exc.strerror or exc}", EXIT_INVALID
    return (
        f"argmap: internal error: {type(exc).__name__}: {exc} "
        "(set ARGMAP_DEBUG=1 for a traceback, and please report it)",
        EXIT_INTERNAL,
    )
