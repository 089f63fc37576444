"""``argmap compare``: precision and recall of one map against another."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from argmap.cli.common import (
    emit,
    exit_codes,
    format_option,
    load,
    output_option,
    refuse_overwrite,
)

if TYPE_CHECKING:
    from argmap.analysis.compare import Comparison, Score


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _line(name: str, score: Score) -> str:
    return (
        f"{name:<12} precision {_rate(score.precision)} ({score.hits}/{score.of_a})  "
        f"recall {_rate(score.recall)} ({score.hits}/{score.of_b})"
    )


@click.command(
    epilog=exit_codes(
        {0: "compared", 2: "a map is invalid, a bad command line, or FILE cannot be written"}
    )
)
@click.argument("map_a", metavar="A", type=click.Path(dir_okay=False))
@click.argument("map_b", metavar="B", type=click.Path(dir_okay=False))
@format_option("text", "json")
@output_option("the scores")
def compare(map_a: str, map_b: str, fmt: str, output: str | None) -> None:
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

    for path in (map_a, map_b):
        refuse_overwrite(path, [output] if output else [])
    result = compare_maps(load(map_a), load(map_b))
    if fmt == "json":
        emit(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n", output)
    else:
        emit(_text(result, map_a, map_b), output)


def _text(result: Comparison, map_a: str, map_b: str) -> str:
    """The scores, the matched pairs and the unmatched claims, one per line."""
    lines = [_line("claims", result.claims), _line("kinds", result.kinds)]
    lines += [_line(f"  {kind}", score) for kind, score in result.by_kind.items()]
    lines.append(_line("relations", result.relations))
    lines.append(f"matched (A = {map_a}, B = {map_b}):")
    lines += [f"  {m.a} = {m.b}  {m.score:.2f}" for m in result.matches]
    lines.append(f"only in A: {', '.join(result.unmatched_a) or 'none'}")
    lines.append(f"only in B: {', '.join(result.unmatched_b) or 'none'}")
    return "\n".join(lines) + "\n"
