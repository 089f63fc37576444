"""The what-if drawing (``accept``/``reject``) and the legends of coloured claims.

A what-if colours the claims by the status they get when the ``accept``ed
claims are taken as granted and the ``reject``ed ones as denied (the meaning of
``argmap evaluate --accept/--reject``, :func:`argmap.analysis.evaluate.evaluate`):
the assumed claims get a double border and say so in their caption ("✓ assumed
accepted", "✗ assumed rejected"), and each page's title asks the question.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.render.options import RenderOptions

#: What each label of ``color_by="status"`` means, in the legend.
_STATUS_WORDS = {"IN": "stands", "OUT": "does not stand", "UNDEC": "undecided"}


def colouring(
    amap: ArgumentMap,
    color_by: str,
    accept: tuple[str, ...] = (),
    reject: tuple[str, ...] = (),
) -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str], ...]]:
    """Fills, caption badges and legend rows of ``color_by`` (``"kind"``: none),
    after the what-if's assumptions when ``accept`` or ``reject`` name claims (then
    ``"kind"`` colours by status, the what-if's point).

    Returns:
        ``(claim id → fill colour, claim id → caption badge, legend rows)``; the
        assumed claims' badges say they are assumed.

    Raises:
        UsageError: an unknown id (with a did-you-mean), or one id both
            accepted and rejected.
    """
    what_if = bool(accept or reject)
    if color_by == "kind" and not what_if:
        return {}, {}, ()
    from argmap.analysis.evaluate import evaluate
    from argmap.render.style import STATUS_FILLS, strength_fill

    result = evaluate(amap, accept, reject)
    if color_by == "strength":
        fills = {c: strength_fill(v) for c, v in result.strength.items()}
        badges = {c: "n/a" if v is None else f"{v:.2f}" for c, v in result.strength.items()}
        legend = strength_legend()
    else:
        fills = {c: STATUS_FILLS[lab] for c, lab in result.labelling.items()}
        badges = dict(result.labelling)
        legend = status_legend(result.reading.semantics)
    for cid in result.accepted if what_if else ():
        badges[cid] = f"{badges[cid]} · ✓ assumed accepted"
    for cid in result.rejected if what_if else ():
        badges[cid] = f"{badges[cid]} · ✗ assumed rejected"
    return fills, badges, legend


def mark_assumed(
    opts: RenderOptions, accept: tuple[str, ...], reject: tuple[str, ...]
) -> RenderOptions:
    """``opts`` with the assumed claims of a what-if drawn with a double border."""
    return replace(opts, highlight=opts.highlight | frozenset(accept) | frozenset(reject))


def retitle(amap: ArgumentMap, accept: tuple[str, ...], reject: tuple[str, ...]) -> ArgumentMap:
    """A page of the what-if (unchanged without one) with its title asking the
    question last: "Build the lane: around P1 — what if P2 is rejected?"."""
    if not (accept or reject):
        return amap
    from argmap.render.pipeline import title_with

    return replace(amap, title=title_with(amap, f" — what if {assumption(accept, reject)}?"))


def assumption(accept: tuple[str, ...], reject: tuple[str, ...]) -> str:
    """``"P2 is rejected"``, ``"P1 is accepted and P2 and P3 are rejected"``."""
    from argmap.render.labels import bidi_isolated
    from argmap.util.text import and_list

    parts = [
        f"{and_list([bidi_isolated(i) for i in ids])} {'are' if ids[1:] else 'is'} {verb}"
        for ids, verb in ((accept, "accepted"), (reject, "rejected"))
        if ids
    ]
    return " and ".join(parts)


def status_legend(semantics: str) -> tuple[tuple[str, str], ...]:
    """The legend rows of ``color_by="status"``: each label's fill and meaning, the
    first naming the reading that gave the labels (e.g. ``"IN: stands (carneades
    reading)"``; :data:`argmap.analysis.evaluate.SEMANTICS`)."""
    from argmap.render.style import STATUS_FILLS

    rows = [(f"{lab}: {_STATUS_WORDS[lab]}", fill) for lab, fill in STATUS_FILLS.items()]
    rows[0] = (f"{rows[0][0]} ({semantics} reading)", rows[0][1])
    return tuple(rows)


def strength_legend() -> tuple[tuple[str, str], ...]:
    """The legend rows of ``color_by="strength"``: the fills at 0, 0.5 and 1, and
    of a claim with no strength (on or below a cycle)."""
    from argmap.render.style import strength_fill

    scale = tuple((f"strength {v:g}", strength_fill(v)) for v in (0, 0.5, 1))
    return scale + (("strength n/a (cycle)", strength_fill(None)),)
