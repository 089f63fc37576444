"""``argmap evaluate``: which claims stand (grounded labelling) and how strongly (DF-QuAD)."""

from __future__ import annotations

import json

import click

from argmap.cli.common import load


def _fmt_strength(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


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

    amap = load(map_path)
    result = ev.evaluate(amap, accept, reject, reading)
    base = ev.evaluate(amap, reading=reading) if accept or reject else result
    changed = ev.changes(base, result)
    explained = [ev.explain(result, cid) for cid in explain_ids]
    if fmt == "json":
        doc = {
            "labelling": result.labelling,
            "strength": {
                k: None if v is None else round(v, 6) for k, v in result.strength.items()
            },
            "inferences": result.inferences,
            "support": reading,
            "accepted": list(result.accepted),
            "rejected": list(result.rejected),
            "changed": [{"claim": c, "from": a, "to": b} for c, a, b in changed],
            "explanations": [e.as_dict() for e in explained],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for cid, label in result.labelling.items():
        claim = amap.claims[cid]
        click.echo(f"{label:<6} {_fmt_strength(result.strength[cid])}  {cid:<8} {claim.kind}")
    if accept or reject:
        click.echo("\nchanged:" if changed else "\nchanged: nothing")
        for cid, old, new in changed:
            click.echo(f"  {cid}: {old} -> {new}")
    for e in explained:
        click.echo(f"\n{e.reason}")
