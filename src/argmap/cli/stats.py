"""``argmap stats``: claims per kind, depth of support, answered objections."""

from __future__ import annotations

import json
from typing import Any

import click

from argmap.cli.common import (
    emit,
    exit_codes,
    format_option,
    load,
    output_option,
    refuse_overwrite,
)


@click.command(
    epilog=exit_codes(
        {0: "printed", 2: "an invalid map, a bad command line, or FILE cannot be written"}
    )
)
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@format_option("text", "json")
@output_option("the figures")
def stats(map_path: str, fmt: str, output: str | None) -> None:
    """Print the shape of a map: claims per kind, support depth and longest chain
    (cycles collapsed), share of supported claims, objections answered,
    precedents cited.

    Example: argmap stats maps/two-michaels.yaml --format json
    """
    from argmap.analysis.stats import map_stats

    refuse_overwrite(map_path, [output] if output else [])
    data = map_stats(load(map_path))
    if fmt == "json":
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        emit(_text(data), output)


def _text(data: dict[str, Any]) -> str:
    """The figures of :func:`~argmap.analysis.stats.map_stats`, one per line."""
    lines = [f"claims: {data['claims']}"]
    lines += [f"  {kind:<10} {n}" for kind, n in data["by_kind"].items()]
    lines.append(f"inferences: {data['inferences']} ({data['linked_inferences']} linked)")
    lines.append(f"attacks: {data['attacks']}, undercuts: {data['undercuts']}")
    lines.append(
        f"support depth: {data['support_depth']} "
        f"(longest chain: {' -> '.join(data['longest_chain'])})"
    )
    share = data["supported_share"]
    lines.append(
        f"supported theses/premises/rebuttals: {'n/a' if share is None else f'{share:.0%}'}"
    )
    lines.append(f"objections answered: {data['objections_answered']} of {data['objections']}")
    lines.append(f"precedents cited: {data['precedents']}, evidence: {data['evidence']}")
    return "\n".join(lines) + "\n"
