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
    from argmap.analysis.relations import Relation


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
@click.option("--pairs", metavar="FILE", help="Pairs of claims to pin or forbid (YAML).")
def compare(map_a: str, map_b: str, fmt: str, output: str | None, pairs: str | None) -> None:
    """Compare map A (a draft or a student's map) with map B (the reference).

    Claims are matched one to one by text similarity that survives
    paraphrase (lemmas, stop words left out, a lexicon of synonyms), kind
    agreement and a shared paragraph; --pairs pins or forbids pairs (see
    docs/grading.md). Prints precision (over A) and recall (over B) of
    claims, of kinds over matched claims, and of ALL relations of both maps
    (linked and separate support, attacks and undercuts told apart), then
    the matched pairs, claims in the wrong role, relations missing or drawn
    in the wrong form, and the claims left unmatched.

    Example: argmap compare student.yaml maps/two-michaels.yaml --format json
    """
    import json

    from argmap.analysis.compare import compare_maps
    from argmap.cli.grading import load_rules, pairs_for

    for path in (map_a, map_b, *([pairs] if pairs else [])):
        refuse_overwrite(path, [output] if output else [])
    a, b = load(map_a), load(map_b)
    result = compare_maps(a, b, pairs_for(load_rules(pairs, b), map_a))
    if fmt == "json":
        emit(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n", output)
    else:
        emit(_text(result, map_a, map_b), output)


def _text(result: Comparison, map_a: str, map_b: str) -> str:
    """The scores, the matched pairs and the unmatched claims, one per line."""
    lines = [_line("claims", result.claims), _line("kinds", result.kinds)]
    lines += [_line(f"  {kind}", score) for kind, score in result.by_kind.items()]
    lines.append(_line("relations", result.relations))
    lines += [_line(f"  {kind}", score) for kind, score in result.by_type.items()]
    lines.append(f"matched (A = {map_a}, B = {map_b}):")
    lines += [
        f"  {m.a} = {m.b}  {m.score:.2f}{' pinned' if m.pinned else ''}" for m in result.matches
    ]
    lines += [f"role mismatch: {r.a} ({r.kind_a}) = {r.b} ({r.kind_b})" for r in result.roles]
    lines += _wrong_forms(result)
    lines.append(f"only in A: {', '.join(result.unmatched_a) or 'none'}")
    lines.append(f"only in B: {', '.join(result.unmatched_b) or 'none'}")
    return "\n".join(lines) + "\n"


def _rel(rel: Relation) -> str:
    return f"{rel.source} {rel.type} {rel.target}"


def _wrong_forms(result: Comparison) -> list[str]:
    """Relations of B drawn in another form in A, then B's relations A lacks."""
    diff = result.diff
    forms = (
        ("linked, drawn separate", diff.linked_split),
        ("separate, drawn linked", diff.linked_joined),
        ("undercut, drawn as attack", diff.undercut_as_attack),
        ("attack, drawn as undercut", diff.attack_as_undercut),
    )
    lines = [f"{what}: {_rel(rel)}" for what, rels in forms for rel in rels]
    lines.append(f"missing relations: {', '.join(map(_rel, diff.missing)) or 'none'}")
    return lines
