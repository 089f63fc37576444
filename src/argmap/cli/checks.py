"""``argmap checks``: list the check catalogue."""

from __future__ import annotations

import click


@click.command("checks")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def list_checks(fmt: str) -> None:
    """List every check with its code, name, severity and summary.

    Example: argmap checks --format json
    """
    import json

    from argmap.analysis.checks import CHECKS, catalogue_markdown

    if fmt == "markdown":
        click.echo(catalogue_markdown(), nl=False)
        return
    rows = [
        {"code": c.code, "check": c.name, "severity": c.severity, "summary": c.summary}
        for c in CHECKS
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        click.echo(f"{r['code']}  {r['check']:<22} {r['severity']:<8} {r['summary']}")
