"""``argmap stats``: claims per kind, depth of support, answered objections."""

from __future__ import annotations

import json

import click

from argmap.cli.common import load


@click.command()
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def stats(map_path: str, fmt: str) -> None:
    """Print the shape of a map: claims per kind, support depth and longest chain
    (cycles collapsed), share of supported claims, objections answered,
    precedents cited.

    Example: argmap stats maps/two-michaels.yaml --format json
    """
    from argmap.analysis.stats import map_stats

    data = map_stats(load(map_path))
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"claims: {data['claims']}")
    for kind, n in data["by_kind"].items():
        click.echo(f"  {kind:<10} {n}")
    click.echo(f"inferences: {data['inferences']} ({data['linked_inferences']} linked)")
    click.echo(f"attacks: {data['attacks']}, undercuts: {data['undercuts']}")
    click.echo(
        f"support depth: {data['support_depth']} "
        f"(longest chain: {' -> '.join(data['longest_chain'])})"
    )
    share = data["supported_share"]
    click.echo(
        f"supported theses/premises/rebuttals: {'n/a' if share is None else f'{share:.0%}'}"
    )
    click.echo(f"objections answered: {data['objections_answered']} of {data['objections']}")
    click.echo(f"precedents cited: {data['precedents']}, evidence: {data['evidence']}")
