"""``argmap evaluate``: which claims stand (Carneades by default, or grounded) and how
strongly (DF-QuAD), with the reading named and strength notes."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from argmap.cli.batch import Outcome, Runner, batch_options, map_files, outcomes, print_outcomes
from argmap.cli.common import (
    exit_codes,
    format_option,
    output_option,
    read_map,
    refuse_overwrite,
    report,
)
from argmap.model import GRANTS, STANDARDS

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Evaluation, Explanation
    from argmap.model import ArgumentMap


def _fmt_strength(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


@click.command(
    epilog=exit_codes(
        {
            0: "evaluated (and every label the map expects given)",
            1: "a label differs from the map's evaluation: expect: (each is listed)",
            2: "an invalid map, an unknown claim id, a bad command line, "
            "or FILE cannot be written",
        }
    )
)
@click.argument("maps", metavar="MAPS...", nargs=-1, required=True, type=click.Path())
@format_option("text", "json", "jsonl")
@output_option("the labels and strengths")
@click.option(
    "--accept",
    "accept",
    multiple=True,
    metavar="ID",
    help="Take this claim as granted (IN whatever attacks it). Repeatable, or P1,P2.",
)
@click.option(
    "--reject",
    "reject",
    multiple=True,
    metavar="ID",
    help="Take this claim as denied (OUT; it attacks and supports nothing). Repeatable, or P1,P2.",
)
@click.option(
    "--semantics",
    type=click.Choice(["carneades", "grounded"]),
    default="carneades",
    show_default=True,
    help="carneades: a claim stands when one of its reasons stands and no objection "
    "to it does, under a proof standard (Gordon, Prakken & Walton 2007); grounded: "
    "Dung's grounded labelling of the bipolar framework.",
)
@click.option(
    "--support",
    "support",
    type=click.Choice(["necessary", "convergent"]),
    default=None,
    help="With --semantics grounded only (default necessary): necessary: defeating a "
    "reason defeats everything resting on it; convergent: a conclusion survives the "
    "failure of one of its reasons.",
)
@click.option(
    "--standard",
    type=click.Choice(list(STANDARDS)),
    default=None,
    help="Carneades: the proof standard of every claim without its own "
    "(default: the map's evaluation: standard, else dialectical-validity).",
)
@click.option(
    "--grant",
    type=click.Choice(list(GRANTS)),
    default=None,
    help="Carneades: all: claims offered without reasons are granted; assumptions: "
    "only those marked granted: true (default: the map's evaluation: grant, else all).",
)
@click.option(
    "--explain",
    "explain_ids",
    multiple=True,
    metavar="ID",
    help="Say why this claim has its label. Repeatable.",
)
@batch_options
def evaluate(
    maps: tuple[str, ...],
    fmt: str,
    output: str | None,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    semantics: str,
    support: str | None,
    standard: str | None,
    grant: str | None,
    explain_ids: tuple[str, ...],
    runner: Runner,
) -> None:
    """Label every claim IN, OUT or UNDEC and give its DF-QuAD strength.

    By default (--semantics carneades) a claim stands when one of its reasons
    stands and no objection to it stands; a reason, when all its co-premises
    stand and no standing undercut attacks its step; a claim offered without
    reasons is granted unless something standing attacks it. A map or a claim
    may set a proof standard or grant only assumptions (docs/evaluate.md).
    --semantics grounded: Dung's grounded labelling, bipolar. Strength is
    DF-QuAD (Rago et al. 2016), n/a on loops; notes say where strength and
    label disagree. --accept/--reject ask "what if"; changed labels are listed.

    MAPS are files or folders (every map file in them); with several, each
    map's text follows a '== FILE' line, --format json is one list, --format
    jsonl one line per map, -j N uses N processes, and the worst exit code
    wins.

    Example: argmap evaluate maps/two-michaels.yaml --reject R4 --explain T1
    """
    files = map_files(maps)
    for path in files:
        refuse_overwrite(path, [output] if output else [])
    params = (fmt, accept, reject, semantics, support, standard, grant, explain_ids)
    with outcomes(evaluate_job, files, params, runner) as done:
        code = print_outcomes(done, fmt, output, len(files) > 1)
    sys.exit(code)  # out of the block: leaving it by an exception stops the workers


def evaluate_job(path: str, params: tuple) -> Outcome:
    """One map's evaluation: its text or JSON in ``params[0]`` (the format), its JSON
    document, exit 1 when a label differs from the map's ``expect:``.

    ``params``: ``(fmt, accept, reject, semantics, support, standard, grant, explain)``.
    """
    from argmap import api
    from argmap.analysis import evaluate as ev
    from argmap.analysis.strength_notes import strength_notes
    from argmap.api.arguments import claim_ids

    fmt, accept, reject, semantics, support, standard, grant, explain_ids = params
    accept, reject = claim_ids(accept, "accept"), claim_ids(reject, "reject")  # P1,P2 too
    loaded = read_map(path)
    amap = loaded.model

    def run(accept: tuple[str, ...], reject: tuple[str, ...]) -> Evaluation:
        return api.evaluate(
            loaded,
            semantics=semantics,
            accept=list(accept),
            reject=list(reject),
            support=support,
            standard=standard,
            grant=grant,
        )

    result = run(accept, reject)
    base = run((), ()) if accept or reject else result
    changed = ev.changes(base, result)
    explained = [ev.explain(result, cid) for cid in explain_ids]
    notes = strength_notes(amap, result.labelling, result.strength, accept, reject)
    missed = _missed(amap, base)
    doc = _json(result, notes, changed, explained, missed)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        lines = _table(amap, result, notes) + (_changed_lines(changed) if accept or reject else [])
        lines += [f"\n{e.reason}" for e in explained] + _expect_lines(amap, missed)
        text = "\n".join(lines) + "\n"
    said = report(loaded.notes, "text") if loaded.notes else ""
    return Outcome(path, 1 if missed else 0, text=text, record=doc, notes=said)


def _changed_lines(changed: list[tuple[str, str, str]]) -> list[str]:
    """``changed:`` and one ``  ID: OLD -> NEW`` line per label a what-if changed."""
    head = "\nchanged:" if changed else "\nchanged: nothing"
    return [head] + [f"  {cid}: {old} -> {new}" for cid, old, new in changed]


def _missed(amap: ArgumentMap, base: Evaluation) -> list[tuple[str, str, str]]:
    """``(claim, expected, got)`` for each label of the map's ``evaluation: expect:``
    that the reading (before --accept/--reject) does not give."""
    return [
        (e.claim, e.label, base.labelling[e.claim])
        for e in amap.evaluation.expect
        if base.labelling.get(e.claim) != e.label
    ]


def _expect_lines(amap: ArgumentMap, missed: list[tuple[str, str, str]]) -> list[str]:
    """The text report of ``evaluation: expect:`` (nothing when the map expects nothing)."""
    total = len(amap.evaluation.expect)
    if not total:
        return []
    if not missed:
        return [f"\nexpected: all {total} labels as the map expects"]
    lines = [f"\nexpected: {len(missed)} of {total} labels differ from what the map expects"]
    return lines + [f"  {cid}: expected {want}, got {got}" for cid, want, got in missed]


#: The plain key printed after the table.
KEY = (
    "key: IN = stands, OUT = does not stand, UNDEC = undecided (a loop nothing settles)",
    "     strength: 0 to 1, from DF-QuAD, which weighs every reason and objection by its score",
)


def _table(amap: ArgumentMap, result: Evaluation, notes: dict[str, str]) -> list[str]:
    """The reading and what it means, a header, one line per claim (label, strength,
    ``*`` when noted, id, kind), the key, the notes."""
    reading = result.reading
    lines = [
        f"reading: {reading.describe()} ({reading.gloss()})",
        f"{'label':<6} {'strength':<9} {'claim':<8} kind",
    ]
    lines += [
        f"{label:<6} {_fmt_strength(result.strength[cid])}{'*' if _marked(notes, cid) else ' '}"
        f"    {cid:<8} {amap.claims[cid].kind}"
        for cid, label in result.labelling.items()
    ]
    return [*lines, "", *KEY, *_footnotes(notes)]


def _marked(notes: dict[str, str], cid: str) -> bool:
    return cid in notes and not notes[cid].startswith("n/a")


def _footnotes(notes: dict[str, str]) -> list[str]:
    """``* ...`` once for every claim whose strength and label disagree, and one
    ``n/a for A, B: on the loop ...`` line per loop and relation to it."""
    from argmap.analysis.strength_notes import DISAGREE
    from argmap.util.text import and_list

    marked = [cid for cid in notes if _marked(notes, cid)]
    lines = [f"* {and_list(marked, 8)}: {DISAGREE}"] if marked else []
    gaps: dict[str, list[str]] = {}
    for cid, note in notes.items():
        if note.startswith("n/a: "):
            gaps.setdefault(note.removeprefix("n/a: "), []).append(cid)
    on_first = sorted(gaps.items(), key=lambda g: not g[0].startswith("on "))
    lines += [f"n/a for {and_list(ids, 8)}: {why}" for why, ids in on_first]
    return lines


def _json(
    result: Evaluation,
    notes: dict[str, str],
    changed: list[tuple[str, str, str]],
    explained: list[Explanation],
    missed: list[tuple[str, str, str]],
) -> dict[str, Any]:
    """The ``--format json`` document: reading, labelling, strength, notes, inferences,
    what-if and reasons."""
    doc = {
        "reading": result.reading.as_dict(),
        "labelling": result.labelling,
        "strength": {k: None if v is None else round(v, 6) for k, v in result.strength.items()},
        "notes": notes,
        "inferences": result.inferences,
        "support": result.reading.support,
        "accepted": list(result.accepted),
        "rejected": list(result.rejected),
        "changed": [{"claim": c, "from": a, "to": b} for c, a, b in changed],
        "explanations": [e.as_dict() for e in explained],
        "unexpected": [{"claim": c, "expected": a, "got": b} for c, a, b in missed],
    }
    return doc
