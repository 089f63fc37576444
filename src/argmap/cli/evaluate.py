"""``argmap evaluate``: which claims stand (grounded labelling) and how strongly (DF-QuAD)."""

from __future__ import annotations

import json
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
    from argmap.analysis.evaluate import Evaluation, Explanation


def _fmt_strength(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


@click.command(
    epilog=exit_codes(
        {
            0: "evaluated",
            2: "an invalid map, an unknown claim id, a bad command line, "
            "or FILE cannot be written",
        }
    )
)
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@format_option("text", "json")
@output_option("the labels and strengths")
@click.option(
    "--accept",
    "accept",
    multiple=True,
    metavar="ID",
    help="Take this claim as granted (IN whatever attacks it). Repeatable.",
)
@click.option(
    "--reject",
    "reject",
    multiple=True,
    metavar="ID",
    help="Take this claim as denied (OUT; it attacks and supports nothing). Repeatable.",
)
@click.option(
    "--support",
    "reading",
    type=click.Choice(["necessary", "convergent"]),
    default="necessary",
    show_default=True,
    help="necessary: defeating a reason defeats everything resting on it; "
    "convergent: a conclusion survives the failure of one of its reasons.",
)
@click.option(
    "--explain",
    "explain_ids",
    multiple=True,
    metavar="ID",
    help="Say why this claim has its label. Repeatable.",
)
def evaluate(
    map_path: str,
    fmt: str,
    output: str | None,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    reading: str,
    explain_ids: tuple[str, ...],
) -> None:
    """Label every claim IN, OUT or UNDEC and give its DF-QuAD strength.

    Labels follow Dung's grounded semantics over attacks, with support adding
    Cayrol & Lagasquie-Schiex's supported and secondary attacks; undercuts make
    their inference fail. Strength is DF-QuAD (Rago et al. 2016), n/a (null) on
    cyclic parts. --accept/--reject ask "what if"; the changed labels are listed.

    Example: argmap evaluate maps/two-michaels.yaml --reject R4 --explain T1
    """
    from argmap.analysis import evaluate as ev

    refuse_overwrite(map_path, [output] if output else [])
    amap = load(map_path)
    result = ev.evaluate(amap, accept, reject, reading)
    base = ev.evaluate(amap, reading=reading) if accept or reject else result
    changed = ev.changes(base, result)
    explained = [ev.explain(result, cid) for cid in explain_ids]
    if fmt == "json":
        emit(_json(result, reading, changed, explained), output)
        return
    lines = [
        f"{label:<6} {_fmt_strength(result.strength[cid])}  {cid:<8} {amap.claims[cid].kind}"
        for cid, label in result.labelling.items()
    ]
    if accept or reject:
        lines.append("\nchanged:" if changed else "\nchanged: nothing")
        lines += [f"  {cid}: {old} -> {new}" for cid, old, new in changed]
    lines += [f"\n{e.reason}" for e in explained]
    emit("\n".join(lines) + "\n", output)


def _json(
    result: Evaluation,
    reading: str,
    changed: list[tuple[str, str, str]],
    explained: list[Explanation],
) -> str:
    """The ``--format json`` document: labelling, strength, inferences, what-if and reasons."""
    doc = {
        "labelling": result.labelling,
        "strength": {k: None if v is None else round(v, 6) for k, v in result.strength.items()},
        "inferences": result.inferences,
        "support": reading,
        "accepted": list(result.accepted),
        "rejected": list(result.rejected),
        "changed": [{"claim": c, "from": a, "to": b} for c, a, b in changed],
        "explanations": [e.as_dict() for e in explained],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
