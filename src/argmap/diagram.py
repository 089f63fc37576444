"""The drawing of an argument map, defined once for every output that draws it.

The Graphviz renderer (:mod:`argmap.render.dot`, and through it the SVG, PNG,
PDF and the interactive HTML page) and the diagram exports
(:mod:`argmap.io.mermaid`, :mod:`argmap.io.graphml`) all draw what
:func:`diagram` returns:

* Claims are nodes named ``n0``, ``n1``, … in map order (:func:`node_names`;
  user text never names a node).
* A support is one edge, premise → conclusion, unless its inference has two
  or more premises (linked) or is undercut: then it is drawn through a small
  junction node, with an edge from each premise into it (relation
  ``premise``), one from it to the conclusion (``support``) and the undercut
  aimed at it. Junctions are named ``j0``, ``j1``, … in map order of the
  inferences that need one (:func:`junction_names`), whether or not a given
  output draws them, so an inference has the same junction name in every
  output.
* Attacks are ``attack`` edges, undercuts ``undercut`` edges.
* Rephrases (a claim's ``rephrases:``) are ``rephrase`` lines, rephrasing
  claim → claim rephrased, kept apart in :attr:`Diagram.rephrases` (they are
  no step of the argument, so layouts and exports of the argument's edges
  leave them out; the exports report them lost).
* Edges come in one order: inference by inference in map order (its premise
  edges, then its junction's edge to the conclusion), then the attacks, then
  the undercuts.

Incomplete inferences (a premise or the conclusion names no claim, or there is
no premise): the exports draw complete inferences only and list the others as
lost (``partial=False``, as :func:`argmap.model.complete_parts`, like every
exchange format); the renderer, which draws half-finished maps while they are
written, also draws an inference whose conclusion and at least one premise are
claims, with those premises (``partial=True``). Either way an undercut is drawn
exactly when the inference it undercuts is.

Also defined here, once: the caption over a claim's text (:func:`caption`), the
kind labels and colours of the default theme (:data:`KIND_LABELS`,
:data:`KIND_COLOURS`, :data:`RELATION_COLOURS`, :data:`TEXT_COLOUR`; the
renderer's default theme in :mod:`argmap.render.style` is built from them) and
the theme names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from argmap.model import (
    KINDS,
    ArgumentMap,
    Attack,
    Claim,
    Inference,
    Kind,
    Undercut,
    complete_parts,
)
from argmap.util.text import and_list

#: Diagram themes a map may name in its ``theme:`` key (their styles are in
#: :mod:`argmap.render.style`, which has exactly these).
THEME_NAMES: tuple[str, ...] = ("default", "classroom", "print", "colorblind")

#: Who reads a diagram: ``expert`` and ``teacher`` see codes and the checks'
#: messages; ``student`` sees findings in plain words only.
AUDIENCES: tuple[str, ...] = ("expert", "teacher", "student")

#: Graphviz layout programs a drawing may name (``argmap render --engine``).
ENGINES: tuple[str, ...] = ("dot", "neato", "fdp", "sfdp", "twopi", "circo")

#: What an edge draws: ``support`` (premise or junction → conclusion),
#: ``premise`` (premise → junction), ``attack`` (claim → claim) and ``undercut``
#: (claim → junction).
Relation = Literal["support", "premise", "attack", "undercut", "rephrase"]

#: Caption label per kind (``"PREMISE"``), as every built-in theme writes it.
KIND_LABELS: dict[Kind, str] = {kind: kind.upper() for kind in KINDS}
#: Fill and border colour per kind in the default theme (map order of :data:`KINDS`).
KIND_COLOURS: dict[Kind, tuple[str, str]] = {
    "thesis": ("#dbe9ff", "#1f4e9c"),
    "premise": ("#e3f4e1", "#2e7d32"),
    "precedent": ("#fdf1d6", "#8a6100"),
    "evidence": ("#f3ecdd", "#6d5a2b"),
    "objection": ("#fde4e1", "#b3261e"),
    "rebuttal": ("#ffe9cc", "#b45309"),
}
#: Text colour of claims (and of the title) in the default theme.
TEXT_COLOUR = "#111111"
#: Line colour per relation in the default theme: support and premise lines
#: green, attack and undercut lines red.
RELATION_COLOURS: dict[Relation, str] = {
    "support": "#2e7d32",
    "premise": "#2e7d32",
    "attack": "#b3261e",
    "undercut": "#b3261e",
    "rephrase": "#6a3d9a",
}
#: Fill and border of a junction node in the exports (white, ringed in the support
#: colour; the renderer fills its junction dots with the theme's support colour).
JUNCTION_COLOURS = ("#ffffff", RELATION_COLOURS["support"])
#: An edge's phrase names at most this many premises, then counts the rest.
PHRASE_IDS = 12


@dataclass(frozen=True)
class Junction:
    """The junction node of an inference drawn through one.

    Attributes:
        name: node name (``j0``, ``j1``, …; see :func:`junction_names`).
        inference: the inference.
        premises: ids of the premises drawn into it, in the inference's order
            (all of them, except in a partial diagram).
        phrase: what it says, e.g. ``"Inference I1: P1 and P2 together support T1"``.
    """

    name: str
    inference: Inference
    premises: tuple[str, ...]
    phrase: str


@dataclass(frozen=True)
class Edge:
    """One line of a diagram.

    Attributes:
        source: node name the line starts at (a claim's ``n…`` or, for the
            support out of a junction, the junction's ``j…``).
        target: node name it ends at.
        relation: what it draws (:data:`Relation`).
        inference: the inference a support, premise or undercut line belongs
            to (None for attacks).
        phrase: what it says, e.g. ``"P1 supports T1"``,
            ``"P2: premise of inference I1"``, ``"O1 attacks T1"``,
            ``"U1 undercuts the step from P1 and P2 to T1"``.
    """

    source: str
    target: str
    relation: Relation
    inference: Inference | None
    phrase: str


@dataclass(frozen=True)
class Diagram:
    """What a diagram draws (see the module docstring for names and order).

    Attributes:
        claims: ``(node name, claim)`` in map order.
        junctions: the junctions drawn, in map order of their inferences.
        edges: the lines drawn.
        lost: one phrase per inference or undercut not drawn whole, worded as
            by :func:`argmap.model.complete_parts` (``"inference I1 (names no
            claim P9)"``).
        rephrases: the ``rephrase`` lines, in map order of the rephrasing
            claims (``"Q1 rephrases P1"``).
    """

    claims: tuple[tuple[str, Claim], ...]
    junctions: tuple[Junction, ...]
    edges: tuple[Edge, ...]
    lost: tuple[str, ...]
    rephrases: tuple[Edge, ...] = ()


def node_names(amap: ArgumentMap) -> dict[str, str]:
    """Claim id → node name: ``n0``, ``n1``, … in map order (also the element id
    of the claim's node in the SVG, before the per-map prefix)."""
    return {cid: f"n{k}" for k, cid in enumerate(amap.claims)}


def junction_names(amap: ArgumentMap) -> dict[str, str]:
    """Inference id → junction name: ``j0``, ``j1``, … in map order of the
    inferences drawn through a junction (two or more premises, or undercut).

    Numbered over every such inference of the map, complete or not, so the
    name of an inference's junction is the same in every output (an output
    that leaves an incomplete inference out leaves its number unused). Also
    the junction's element id in the SVG, before the per-map prefix.
    """
    undercut = {u.inference for u in amap.undercuts}
    linked = (i.id for i in amap.inferences if len(i.premises) > 1 or i.id in undercut)
    return {iid: f"j{k}" for k, iid in enumerate(linked)}


def diagram(amap: ArgumentMap, *, partial: bool = False) -> Diagram:
    """The nodes and edges of ``amap`` (deterministic: map order throughout).

    Args:
        amap: the map.
        partial: False (the exports): draw complete inferences only. True (the
            renderer): also draw an inference whose conclusion and some of
            whose premises are claims, with those premises.

    Returns:
        The :class:`Diagram`; its ``lost`` lists what is not drawn whole.
    """
    names, junction_of = node_names(amap), junction_names(amap)
    complete, _, lost = complete_parts(amap)
    steps = _partial_steps(amap) if partial else [(i, i.premises) for i in complete]
    junctions: list[Junction] = []
    edges: list[Edge] = []
    for inf, premises in steps:
        if inf.id in junction_of:
            junctions.append(_junction(junction_of[inf.id], inf, premises))
            edges += _linked_edges(junctions[-1], names)
        else:
            edges += [_support(names, inf, premise) for premise in premises]
    edges += [_attack(names, a) for a in amap.attacks]
    drawn = {j.inference.id: j for j in junctions}
    edges += [
        _undercut(names, u, drawn[u.inference]) for u in amap.undercuts if u.inference in drawn
    ]
    claims = tuple((names[cid], claim) for cid, claim in amap.claims.items())
    again = tuple(
        Edge(names[c.id], names[other], "rephrase", None, f"{c.id} rephrases {other}")
        for c in amap.claims.values()
        for other in c.rephrases
        if other in names and other != c.id
    )
    return Diagram(claims, tuple(junctions), tuple(edges), tuple(lost), again)


def _partial_steps(amap: ArgumentMap) -> list[tuple[Inference, tuple[str, ...]]]:
    """Inferences whose conclusion and some premises are claims, with those premises."""
    steps = []
    for inf in amap.inferences:
        premises = tuple(p for p in inf.premises if p in amap.claims)
        if premises and inf.conclusion in amap.claims:
            steps.append((inf, premises))
    return steps


def _joint(premises: Sequence[str], conclusion: str) -> str:
    """``"P1 and P2 together support T1"`` (one premise: ``"P1 supports T1"``)."""
    verb = "together support" if len(premises) > 1 else "supports"
    return f"{and_list(premises, PHRASE_IDS)} {verb} {conclusion}"


def _junction(name: str, inf: Inference, premises: tuple[str, ...]) -> Junction:
    return Junction(name, inf, premises, f"Inference {inf.id}: {_joint(premises, inf.conclusion)}")


def _linked_edges(junction: Junction, names: dict[str, str]) -> list[Edge]:
    """Each premise into the junction, then the junction to the conclusion."""
    inf, name = junction.inference, junction.name
    edges = [
        Edge(names[p], name, "premise", inf, f"{p}: premise of inference {inf.id}")
        for p in junction.premises
    ]
    joint = _joint(junction.premises, inf.conclusion)
    edges.append(Edge(name, names[inf.conclusion], "support", inf, joint))
    return edges


def _support(names: dict[str, str], inf: Inference, premise: str) -> Edge:
    phrase = f"{premise} supports {inf.conclusion}"
    return Edge(names[premise], names[inf.conclusion], "support", inf, phrase)


def _attack(names: dict[str, str], att: Attack) -> Edge:
    phrase = f"{att.attacker} attacks {att.target}"
    return Edge(names[att.attacker], names[att.target], "attack", None, phrase)


def _undercut(names: dict[str, str], und: Undercut, junction: Junction) -> Edge:
    inf = junction.inference
    step = f"the step from {and_list(inf.premises, PHRASE_IDS)} to {inf.conclusion}"
    phrase = f"{und.attacker} undercuts {step}"
    return Edge(names[und.attacker], junction.name, "undercut", inf, phrase)


def para_ref(claim: Claim) -> str:
    """``"¶4,6"`` for a claim from paragraphs 4 and 6, else ``""``."""
    return "¶" + ",".join(str(p) for p in claim.para) if claim.para else ""


def caption(
    claim: Claim,
    label: str | None = None,
    *,
    show_id: bool = True,
    show_para: bool = True,
    badge: str = "",
    codes: Iterable[str] = (),
    label_sep: str = " · ",
) -> str:
    """The caption over a claim's text, unescaped: ``"PREMISE · P3 · ¶7"``.

    Args:
        claim: the claim.
        label: the kind's label (default: :data:`KIND_LABELS`, ``"PREMISE"``).
        show_id: write the claim's id.
        show_para: write its paragraphs (:func:`para_ref`), if it has any.
        badge: extra text such as an evaluation label or strength (``"IN"``).
        codes: finding codes, written sorted and once each after ``"  ⚠ "``.
        label_sep: what separates the label from the id (the HTML page's
            outline writes ``"Premise P3 · ¶7"`` with ``" "``).

    Example: ``"PREMISE · P3 · ¶7 · IN  ⚠ AM101"``.
    """
    head = label if label is not None else KIND_LABELS[claim.kind]
    if show_id:
        head += label_sep + claim.id
    parts = [head]
    if show_para and claim.para:
        parts.append(para_ref(claim))
    if badge:
        parts.append(badge)
    text = " · ".join(parts)
    found = sorted(set(codes))
    return text + "  ⚠ " + " ".join(found) if found else text
