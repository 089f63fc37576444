"""``argmap check``: run the checks and report findings."""

from __future__ import annotations

import gc
import sys

import click

from argmap.cli.common import EXIT_INVALID, EXIT_OK, checks_for, exit_for, load, report
from argmap.errors import MapLoadError
from argmap.findings import Finding


@click.command()
@click.argument("maps", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github"]),
    default="text",
    show_default=True,
    help="text lines, one JSON document, SARIF 2.1.0, or GitHub annotations.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", default="", help="Comma-separated checks (codes or names) to run.")
@click.option("--ignore", default="", help="Comma-separated checks (codes or names) to skip.")
def check(maps: tuple[str, ...], fmt: str, strict: bool, select: str, ignore: str) -> None:
    """Check argument maps for structural problems.

    Prints one line per finding (file:line:col: severity CODE check-name:
    message); --format json prints one JSON document for all files, sarif a
    SARIF 2.1.0 log for editors and code hosts, github workflow annotations.
    Checks are picked by --select/--ignore, else the map's 'checks:' block,
    else [tool.argmap] in the nearest pyproject.toml above the map.
    Exit 0: no errors; 1: error findings (or warnings with --strict);
    2: a map is invalid.

    Example: argmap check maps/*.yaml --format json
    """
    from argmap.analysis.checks import run_checks

    findings: list[Finding] = []
    code = EXIT_OK
    for path in maps:
        try:
            amap = load(path)
        except MapLoadError as exc:
            findings.extend(exc.findings)
            code = EXIT_INVALID
            continue
        try:
            chosen = checks_for(amap, path, select, ignore)
        except MapLoadError as exc:
            findings.extend(exc.findings)
            code = EXIT_INVALID
            continue
        found = run_checks(amap, chosen)
        findings.extend(found)
        code = max(code, exit_for(found, strict))
        del amap
        gc.collect(1)  # the collector is paused (see main): free this map's cycles
    click.echo(report(findings, fmt), nl=False)
    sys.exit(code)
