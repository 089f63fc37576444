"""``argmap checks``: list the check catalogue."""

from __future__ import annotations

import click

from argmap.cli.common import emit, exit_codes, format_option, output_option, rule_catalogue


@click.command(
    "checks",
    epilog=exit_codes({0: "listed", 2: "a bad command line, or FILE cannot be written"}),
)
@format_option("text", "json", "markdown")
@output_option("the list")
def list_checks(fmt: str, output: str | None) -> None:
    """List every finding code with its name, severity and summary.

    AM000-AM002 are not checks but the reading and writing of files (an
    invalid input, what a reader guessed or left out, what an output format
    cannot hold); --select and --ignore take them like the checks' codes.

    --format markdown prints the whole catalogue with each check's definition,
    source, fix and examples (docs/checks.md is this text).

    Example: argmap checks --format json
    """
    emit(catalogue(fmt), output)


def catalogue(fmt: str) -> str:
    """The catalogue of finding codes as ``text`` (one line per code), ``json`` or
    ``markdown``, in code order: the built-in codes AM000-AM002, then the checks.

    The JSON form is ``[{"code", "check", "severity", "summary"}]``.
    """
    import json

    from argmap.analysis.checks import catalogue_markdown

    if fmt == "markdown":
        return catalogue_markdown()
    rows = [
        {"code": r.code, "check": r.name, "severity": r.severity, "summary": r.summary}
        for r in rule_catalogue()
    ]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    return "".join(
        f"{r['code']}  {r['check']:<22} {r['severity']:<8} {r['summary']}\n" for r in rows
    )
