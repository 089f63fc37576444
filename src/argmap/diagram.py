"""The node-and-edge structure shared by the diagram exports (Mermaid, GraphML).

Claims become nodes named ``n0``, ``n1``, … in map order (user text never
names a node). A support is one edge, premise → conclusion, unless the
inference has several premises (linked) or is undercut: then it gets a small
junction node ``j0``, ``j1``, … with an edge from each premise into it, one
from it to the conclusion, and the undercut aimed at it. Colours follow the
default diagram theme (``argmap.render.style``), repeated here because formats
do not depend on the renderer.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from argmap.model import ArgumentMap, Claim, Inference, complete_parts

#: Diagram themes a map may name in its ``theme:`` key (their styles are in
#: :mod:`argmap.render.style`, which has exactly these).
THEME_NAMES: tuple[str, ...] = ("default", "classroom", "print", "colorblind")

#: Fill and border colour per kind, as in the default Graphviz theme.
KIND_COLOURS: dict[str, tuple[str, str]] = {
    "thesis": ("#dbe9ff", "#1f4e9c"),
    "premise": ("#e3f4e1", "#2e7d32"),
    "precedent": ("#fdf1d6", "#8a6100"),
    "evidence": ("#f3ecdd", "#6d5a2b"),
    "objection": ("#fde4e1", "#b3261e"),
    "rebuttal": ("#ffe9cc", "#b45309"),
}
#: Line colour per relation: ``support`` and ``premise`` (premise → junction) green,
#: ``attack`` and ``undercut`` red.
RELATION_COLOURS = {
    "support": "#2e7d32",
    "premise": "#2e7d32",
    "attack": "#b3261e",
    "undercut": "#b3261e",
}


@dataclass(frozen=True)
class Diagram:
    """What a diagram draws.

    Attributes:
        claims: ``(node name, claim)`` in map order.
        junctions: ``(node name, inference)`` for linked or undercut inferences.
        edges: ``(from name, to name, relation)``; relation is ``support``,
            ``premise`` (into a junction), ``attack`` or ``undercut``.
        lost: inferences and undercuts left out because they name no claim.
    """

    claims: tuple[tuple[str, Claim], ...]
    junctions: tuple[tuple[str, Inference], ...]
    edges: tuple[tuple[str, str, str], ...]
    lost: tuple[str, ...]


def diagram(amap: ArgumentMap) -> Diagram:
    """The nodes and edges of ``amap`` (deterministic: map order throughout)."""
    infs, unds, lost = complete_parts(amap)
    names = {cid: f"n{k}" for k, cid in enumerate(amap.claims)}
    undercut = {u.inference for u in unds}
    junctions: dict[str, tuple[str, Inference]] = {}
    edges: list[tuple[str, str, str]] = []
    for inf in infs:
        if len(inf.premises) > 1 or inf.id in undercut:
            junction = f"j{len(junctions)}"
            junctions[inf.id] = (junction, inf)
            edges += [(names[p], junction, "premise") for p in inf.premises]
            edges.append((junction, names[inf.conclusion], "support"))
        else:
            edges.append((names[inf.premises[0]], names[inf.conclusion], "support"))
    edges += [(names[a.attacker], names[a.target], "attack") for a in amap.attacks]
    edges += [(names[u.attacker], junctions[u.inference][0], "undercut") for u in unds]
    return Diagram(
        tuple((names[cid], c) for cid, c in amap.claims.items()),
        tuple(junctions.values()),
        tuple(edges),
        tuple(lost),
    )


def caption(claim: Claim) -> str:
    """``PREMISE · P1 · ¶5``: kind, id and paragraphs, as the Graphviz diagrams show them."""
    parts = [claim.kind.upper(), claim.id]
    if claim.para:
        parts.append("¶" + ",".join(str(p) for p in claim.para))
    return " · ".join(parts)


def wrapped_lines(text: str, width: int = 32) -> list[str]:
    """``text`` wrapped at ``width`` characters (long words broken), for label sizes."""
    return textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
