"""``argmap compare``: precision and recall of one map against another."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from argmap.cli.common import load

if TYPE_CHECKING:
    from argmap.analysis.compare import Score


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _line(name: str, score: Score) -> str:
    return (
        f"{name:<12} precision {_rate(score.precision)} ({score.hits}/{score.of_a})  "
        f"recall {_rate(score.recall)} ({score.hits}/{score.of_b})"
    )


@click.command()
@click.argument("map_a", metavar="A", type=click.Path(dir_okay=False))
@click.argument("map_b", metavar="B", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def compare(map_a: str, map_b: str, fmt: str) -> None:
    """Compare map A (a draft or a student's map) with map B (the reference).

    Claims are matched one to one by text similarity (shared word stems,
    stop words left out, plus a bonus for a shared paragraph; see
    docs/draft.md). Prints precision (over A) and recall (over B) of claims,
    of kinds over matched claims, and of relations over pairs of matched
    claims, then the matched pairs and the claims left unmatched.

    Example: argmap compare student.yaml maps/two-michaels.yaml --format json
    """
    import json

    from argmap.analysis.compare import compare_maps

    a, b = load(map_a), load(map_b)
    result = compare_maps(a, b)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    lines = [_line("claims", result.claims), _line("kinds", result.kinds)]
    lines += [_line(f"  {kind}", score) for kind, score in result.by_kind.items()]
    lines.append(_line("relations", result.relations))
    lines.append(f"matched (A = {map_a}, B = {map_b}):")
    lines += [f"  {m.a} = {m.b}  {m.score:.2f}" for m in result.matches]
    lines.append(f"only in A: {', '.join(result.unmatched_a) or 'none'}")
    lines.append(f"only in B: {', '.join(result.unmatched_b) or 'none'}")
    click.echo("\n".join(lines))
