"""``argmap check``: run the checks and report findings."""

from __future__ import annotations

import sys

import click

from argmap.cli.batch import Outcome, Runner, batch_options, map_files, outcomes, say, worst
from argmap.cli.common import (
    EXIT_INVALID,
    audience_option,
    emit,
    exit_codes,
    exit_for,
    format_option,
    output_option,
    read_map,
    refuse_overwrite,
    report,
    select_options,
    split_list,
    strict_option,
    to_stdout,
)
from argmap.errors import MapLoadError, UsageError
from argmap.findings import Finding


@click.command(
    epilog=exit_codes(
        {
            0: "no error-level finding",
            1: "an error-level finding (with --strict, a warning too)",
            2: "an invalid map or check setting (AM000 invalid-map), "
            "a bad command line, or FILE cannot be written",
        }
    )
)
@click.argument("maps", nargs=-1, required=True, type=click.Path())
@format_option("text", "json", "sarif", "github", "jsonl")
@output_option("the report")
@strict_option()
@select_options("checks", "run")
@audience_option()
@batch_options
def check(
    maps: tuple[str, ...],
    fmt: str,
    output: str | None,
    strict: bool,
    select: str,
    ignore: str,
    audience: str,
    runner: Runner,
) -> None:
    """Check argument maps for structural problems.

    Prints one line per finding (file:line:col: severity CODE check-name:
    message); --format json prints one JSON document for all files, sarif a
    SARIF 2.1.0 log for editors and code hosts, github workflow annotations.
    Checks are picked by --select/--ignore, else the map's 'checks:' block,
    else [tool.argmap] in the nearest pyproject.toml above the map.
    MAPS are files or folders (every map file in them, in sorted order); with
    several maps the worst exit code wins. -j N checks them in N processes;
    --format jsonl prints one line per map, {"file", "exit", "findings", "pid"}.

    With --audience student the text names no codes: one plain sentence per
    finding ("P4: no reason given. ...").

    Example: argmap check maps/*.yaml --format json -o findings.json
    """
    if audience == "student" and fmt != "text":
        raise UsageError("--audience student prints plain text: leave out --format " + fmt)
    if audience == "student" and fmt == "jsonl":
        raise UsageError("--audience student prints plain text: leave out --format jsonl")
    if select or ignore:  # a typo on the command line is one usage error, before any map
        from argmap.analysis.checks import resolve

        resolve(split_list(select) + split_list(ignore))
    files = map_files(maps)
    for path in files:
        refuse_overwrite(path, [output] if output else [])
    findings, lines, code = _gather(files, (select, ignore, strict), runner, fmt, output)
    if audience == "student":
        from argmap.report import as_student_text

        emit(as_student_text(findings), output)
    elif fmt != "jsonl":
        emit(report(findings, fmt), output)
    elif output is not None:
        emit("".join(lines), output)
    sys.exit(code)


def _gather(
    files: list[str],
    params: tuple[str, str, bool],
    runner: Runner,
    fmt: str,
    output: str | None,
) -> tuple[list[Finding], list[str], int]:
    """Check every map: all findings, the jsonl lines (each printed at once on
    standard output when there is no ``output``), the worst exit code."""
    findings: list[Finding] = []
    lines: list[str] = []
    codes: list[int] = []
    with outcomes(check_job, files, params, runner) as done:
        for outcome in done:
            say(outcome.error or "")
            codes.append(outcome.code)
            findings.extend(outcome.findings)
            if fmt == "jsonl":
                if output is None:
                    to_stdout(outcome.line())
                lines.append(outcome.line())
    return findings, lines, worst(codes)


def check_job(path: str, params: tuple[str, str, bool]) -> Outcome:
    """One map's findings and exit code (2 when it is invalid); ``params`` is
    ``(select, ignore, strict)``."""
    found, code = _check_one(path, *params)
    return Outcome(path, code, findings=found, record={"findings": [f.as_dict() for f in found]})


def _check_one(path: str, select: str, ignore: str, strict: bool) -> tuple[list[Finding], int]:
    """The findings of one map and its exit code (2 when it is invalid)."""
    from argmap.api import check

    try:
        found = list(check(read_map(path), split_list(select), split_list(ignore)))
    except MapLoadError as exc:
        return list(exc.findings), EXIT_INVALID
    return found, exit_for(found, strict)
