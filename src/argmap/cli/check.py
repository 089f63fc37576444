"""``argmap check``: run the checks and report findings."""

from __future__ import annotations

import gc
import sys

import click

from argmap.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    audience_option,
    checks_for,
    emit,
    exit_codes,
    exit_for,
    format_option,
    load_imported,
    output_option,
    refuse_overwrite,
    report,
    select_options,
    strict_option,
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
@click.argument("maps", nargs=-1, required=True, type=click.Path(dir_okay=False))
@format_option("text", "json", "sarif", "github")
@output_option("the report")
@strict_option()
@select_options("checks", "run")
@audience_option()
def check(
    maps: tuple[str, ...],
    fmt: str,
    output: str | None,
    strict: bool,
    select: str,
    ignore: str,
    audience: str,
) -> None:
    """Check argument maps for structural problems.

    Prints one line per finding (file:line:col: severity CODE check-name:
    message); --format json prints one JSON document for all files, sarif a
    SARIF 2.1.0 log for editors and code hosts, github workflow annotations.
    Checks are picked by --select/--ignore, else the map's 'checks:' block,
    else [tool.argmap] in the nearest pyproject.toml above the map.
    With several maps the worst exit code wins.

    With --audience student the text names no codes: one plain sentence per
    finding ("P4: no reason given. ...").

    Example: argmap check maps/*.yaml --format json -o findings.json
    """
    if audience == "student" and fmt != "text":
        raise UsageError("--audience student prints plain text: leave out --format " + fmt)
    for path in maps:
        refuse_overwrite(path, [output] if output else [])
    findings: list[Finding] = []
    code = EXIT_OK
    for path in maps:
        found, path_code = _check_one(path, select, ignore, strict)
        findings.extend(found)
        code = max(code, path_code)
        gc.collect(1)  # the collector is paused (see main): free this map's cycles
    if audience == "student":
        from argmap.report import as_student_text

        emit(as_student_text(findings), output)
    else:
        emit(report(findings, fmt), output)
    sys.exit(code)


def _check_one(path: str, select: str, ignore: str, strict: bool) -> tuple[list[Finding], int]:
    """The findings of one map and its exit code (2 when it is invalid)."""
    from argmap.analysis.checks import run_checks

    try:
        imported = load_imported(path)
        chosen = checks_for(imported.map, path, select, ignore)
    except MapLoadError as exc:
        return list(exc.findings), EXIT_INVALID
    found = [*imported.notes, *run_checks(imported.map, chosen)]
    return found, exit_for(found, strict)
