"""``argmap check``: run the checks and report findings."""

from __future__ import annotations

import gc
import sys

import click

from argmap.cli import EXIT_INVALID, EXIT_OK, cli, exit_for, load, split_list
from argmap.errors import MapLoadError
from argmap.problems import Finding


@cli.command()
@click.argument("maps", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", default="", help="Comma-separated checks (codes or names) to run.")
@click.option("--ignore", default="", help="Comma-separated checks (codes or names) to skip.")
def check(maps: tuple[str, ...], fmt: str, strict: bool, select: str, ignore: str) -> None:
    """Check argument maps for structural problems.

    Prints one line per finding (file:line:col: severity CODE check-name:
    message) or, with --format json, one JSON document for all files.
    Exit 0: no errors; 1: error findings (or warnings with --strict);
    2: a map is invalid.

    Example: argmap check maps/*.yaml --format json
    """
    from argmap.checks import run_checks, selected
    from argmap.report import REPORTERS

    findings: list[Finding] = []
    code = EXIT_OK
    for path in maps:
        try:
            amap = load(path)
        except MapLoadError as exc:
            findings.extend(exc.findings)
            code = EXIT_INVALID
            continue
        sel = split_list(select) or list(amap.checks.select)
        ign = split_list(ignore) or list(amap.checks.ignore)
        found = run_checks(amap, selected(sel, ign))
        findings.extend(found)
        code = max(code, exit_for(found, strict))
        del amap
        gc.collect(1)  # the collector is paused (see main): free this map's cycles
    click.echo(REPORTERS[fmt](findings), nl=False)
    sys.exit(code)


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]



