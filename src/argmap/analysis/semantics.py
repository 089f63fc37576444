"""Which claims stand: a bipolar framework, its grounded labelling, DF-QuAD strengths.

This is ``argmap evaluate --semantics grounded`` (the default reading is
:mod:`argmap.analysis.carneades`); DF-QuAD strengths serve both readings.

**Framework.** The arguments are the map's claims and its inferences. Support
runs premise ⇒ inference ⇒ conclusion; an attack is claim → claim; an
undercut is claim → inference. Following Cayrol & Lagasquie-Schiex (2005),
"On the acceptability of arguments in bipolar argumentation frameworks"
(ECSQARU, LNCS 3571) and (2013), "Bipolarity in argumentation graphs: towards
a better understanding" (IJAR 54(7)), support adds *complex attacks*:

* supported attack: a ⇒⁺ b and b → c give a → c (whoever argues for an
  attacker attacks its target);
* secondary attack: a → b and b ⇒⁺ c give a → c (whoever defeats a reason
  defeats what rests on it: the *necessary support* reading of support).

An undercut makes its inference fail and, by the secondary attack, the
conclusion resting on it. argmap's one addition: an inference that some claim
undercuts carries no supported attack (the attack through it is not credited to
its premises). With no supports the framework is the plain attack graph, so the
labelling is Dung's grounded one.

**Labelling.** The grounded labelling (Dung 1995, AIJ 77; labelling form:
Caminada 2006, "On the issue of reinstatement in argumentation", JELIA):
a node is IN when all its attackers are OUT, OUT when some attacker is IN, and
UNDEC otherwise, computed as the least fixed point by one queue pass (Modgil &
Caminada 2009, "Proof theories and algorithms for abstract argumentation
frameworks", in *Argumentation in AI*), linear in nodes plus attacks. The
derived attacks are never listed (they number the direct attacks times the
support depth): :mod:`argmap.analysis.semantics_derived` labels the framework
over the condensation of the support graph, in time linear in the map.

**Strength.** DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016, "Discontinuity-
free decision support with quantitative argumentation debates", KR): with
F(v1..vn) = 1 − Π(1 − vi) (F() = 0), va = F(attackers), vs = F(supporters),
strength = v0 − v0·(va − vs) if va ≥ vs else v0 + (1 − v0)·(vs − va). A linked
inference is one supporter whose strength is the minimum of its premises;
argmap treats an undercut inference as attacked: its strength is that minimum
times (1 − F(undercutters)). Defined only where the graph is acyclic: claims on
or downstream of a cycle get ``None``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

import networkx as nx

from argmap.analysis.semantics_base import (
    IN,
    OUT,
    UNDEC,
    Attack,
    InferenceNode,
    Node,
    ancestors_avoiding,
    inf_node,
)
from argmap.analysis.semantics_derived import DerivedAttackers, derived_grounded
from argmap.model import ArgumentMap

__all__ = [
    "IN",
    "OUT",
    "UNDEC",
    "Attack",
    "Framework",
    "InferenceNode",
    "Node",
    "ancestors_avoiding",
    "build_framework",
    "dfquad",
    "grounded",
    "inf_node",
]

_N = TypeVar("_N", bound=Hashable)


@dataclass
class Framework:
    """A Dung framework derived from a map.

    Attributes:
        nodes: claim ids then inference nodes, in map order.
        attackers: target → {attacker: the first Attack found for that pair},
            computed per target when asked
            (:class:`~argmap.analysis.semantics_derived.DerivedAttackers`).
        support: the support digraph premise ⇒ inference ⇒ conclusion.
        direct: the direct attacks and undercuts the derived ones come from.
        accepted: the claims nothing attacks (taken as granted).
        reading: ``"necessary"`` or ``"convergent"``.
    """

    nodes: list[Node]
    attackers: Mapping[Node, Mapping[Node, Attack]]
    support: nx.DiGraph[Node] = field(repr=False)
    direct: list[Attack] = field(repr=False, default_factory=list)
    accepted: set[str] = field(repr=False, default_factory=set)
    reading: str = "necessary"

    def labelling(self) -> dict[Node, str]:
        """The grounded labelling of every node, in :attr:`nodes` order, computed
        without listing the derived attacks
        (:func:`~argmap.analysis.semantics_derived.derived_grounded`; linear)."""
        return derived_grounded(self.support, self.direct, self.accepted, self.reading)


def _support_graph(amap: ArgumentMap, rejected: set[str]) -> nx.DiGraph[Node]:
    graph: nx.DiGraph[Node] = nx.DiGraph()
    graph.add_nodes_from(amap.claims)
    for inf in amap.inferences:
        node = inf_node(inf.id)
        graph.add_node(node)
        premises = [p for p in inf.premises if p in amap.claims and p not in rejected]
        if premises and inf.conclusion in amap.claims and len(premises) == len(inf.premises):
            graph.add_edges_from((p, node) for p in premises)
            graph.add_edge(node, inf.conclusion)
    return graph


def _direct(amap: ArgumentMap, rejected: set[str]) -> list[Attack]:
    found = [Attack(a.attacker, a.target, "direct") for a in amap.attacks]
    found += [Attack(u.attacker, inf_node(u.inference), "undercut") for u in amap.undercuts]
    return [a for a in found if a.attacker not in rejected]


SUPPORT_READINGS = ("necessary", "convergent")


def build_framework(
    amap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    reading: str = "necessary",
) -> Framework:
    """Derive the Dung framework of a map (see the module docstring).

    Args:
        amap: the map.
        accept: claim ids taken as granted: nothing attacks them.
        reject: claim ids taken as denied: they attack and support nothing.
        reading: ``"necessary"`` (default: secondary attacks reach everything a
            defeated claim or inference supports, Cayrol & Lagasquie-Schiex's
            necessary support) or ``"convergent"`` (secondary attacks stop at
            the inference: a conclusion is not defeated by the failure of one
            of its reasons; support then acts through supported attacks and
            DF-QuAD strength only).

    Returns:
        The framework. Its derived attacks are not listed (they are the direct
        attacks times the support depth): :meth:`Framework.labelling` labels it
        in linear time and :attr:`Framework.attackers` gives one node's attackers
        on demand.
    """
    rejected, accepted = set(reject), set(accept)
    support = _support_graph(amap, rejected)
    direct = [a for a in _direct(amap, rejected) if a.target not in accepted]
    attackers = DerivedAttackers(support, direct, accepted, reading)
    return Framework(list(support), attackers, support, direct, accepted, reading)


def grounded(nodes: Iterable[_N], attackers: Mapping[_N, Mapping[_N, object]]) -> dict[_N, str]:
    """The grounded labelling of a Dung framework.

    Args:
        nodes: every argument (any hashable values).
        attackers: argument → its attackers (keys); missing means unattacked.

    Returns:
        ``{node: "IN" | "OUT" | "UNDEC"}``, in ``nodes`` order.
    """
    order = list(nodes)
    targets: dict[_N, list[_N]] = {n: [] for n in order}
    left: dict[_N, int] = {}
    for n in order:
        attacking = attackers.get(n, {})
        left[n] = len(attacking)
        for a in attacking:
            targets[a].append(n)
    label: dict[_N, str] = {}
    queue = deque(n for n in order if left[n] == 0)
    while queue:
        node = queue.popleft()
        if node in label:
            continue
        label[node] = IN
        for target in targets[node]:
            if target in label:
                continue
            label[target] = OUT
            for further in targets[target]:
                left[further] -= 1
                if left[further] == 0 and further not in label:
                    queue.append(further)
    return {n: label.get(n, UNDEC) for n in order}


def dfquad(
    amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> dict[str, float | None]:
    """DF-QuAD strength of every claim (``None`` on or downstream of a cycle).

    Base scores are the claims' ``score`` (default 0.5). See the module
    docstring for the formulas and the treatment of linked premises and
    undercuts. What-if: an accepted claim has strength 1 and a rejected one 0
    (which adds nothing to what it supports or attacks, as F ignores zeros).
    Nothing flows into a fixed claim, so fixing a claim on a loop breaks the
    loop (:func:`strength_graph`).
    """
    fixed: dict[Node, float] = {cid: 1.0 for cid in accept}
    fixed.update((cid, 0.0) for cid in reject)
    graph = strength_graph(amap, accept, reject)
    undefined = _cyclic_closure(graph)
    # A defined node's predecessors are all defined (a successor of an
    # undefined node is undefined), so dropping the undefined ones changes
    # no strength; sorting the pruned graph avoids a filtered subgraph view.
    graph.remove_nodes_from(undefined)
    strength: dict[Node, float] = {}
    for node in nx.topological_sort(graph):
        strength[node] = fixed.get(node, _dfquad_node(amap, graph, node, strength))
    return {cid: strength.get(cid) for cid in amap.claims}


def strength_graph(
    amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> nx.DiGraph[Node]:
    """The graph DF-QuAD runs on: claims and inference nodes; edges premise → inference
    (no sign), inference → conclusion (``sign="+"``), attacker → target and
    undercutter → inference (``sign="-"``; a premise undercutting its own step
    keeps its premise edge, marked ``undercut``). Inferences with no premise or
    naming no claim are left out (inert). What-if: the edges into an accepted
    or rejected claim are dropped (its strength is fixed: 1 or 0), so a loop
    through it is broken."""
    graph: nx.DiGraph[Node] = nx.DiGraph()
    graph.add_nodes_from(amap.claims)
    for inf in amap.inferences:
        if (
            inf.premises
            and inf.conclusion in amap.claims
            and all(p in amap.claims for p in inf.premises)
        ):  # an inference with no premises (a dangling-inference finding) is inert
            graph.add_edges_from((p, inf_node(inf.id)) for p in inf.premises)
            graph.add_edge(inf_node(inf.id), inf.conclusion, sign="+")
    for att in amap.attacks:
        graph.add_edge(att.attacker, att.target, sign="-")
    for und in amap.undercuts:
        step = inf_node(und.inference)
        if graph.has_edge(und.attacker, step):  # a premise undercutting its own step
            graph.edges[und.attacker, step]["undercut"] = True
        elif step in graph:
            graph.add_edge(und.attacker, step, sign="-")
    fixed = {*accept, *reject}
    graph.remove_edges_from([(a, b) for a, b in graph.edges if b in fixed])
    return graph


def _cyclic_closure(graph: nx.DiGraph[Node]) -> set[Node]:
    cyclic: set[Node] = set()
    for comp in nx.strongly_connected_components(graph):
        node = next(iter(comp))
        if len(comp) > 1 or graph.has_edge(node, node):
            cyclic |= comp
    # Everything reachable from a cyclic node: one traversal from all of them
    # at once (linear), not one per node (quadratic in a knot's size).
    closure = set(cyclic)
    todo = list(cyclic)
    succ = graph.succ
    while todo:
        for nxt in succ[todo.pop()]:
            if nxt not in closure:
                closure.add(nxt)
                todo.append(nxt)
    return closure


def aggregate(values: Iterable[float]) -> float:
    """DF-QuAD's F: 1 − Π(1 − v) (0 for no values)."""
    product = 1.0
    for v in values:
        product *= 1.0 - v
    return 1.0 - product


def combine(v0: float, va: float, vs: float) -> float:
    """DF-QuAD's combination of base score ``v0`` with attack ``va`` and support ``vs``."""
    if va >= vs:
        return v0 - v0 * (va - vs)
    return v0 + (1.0 - v0) * (vs - va)


def _dfquad_node(
    amap: ArgumentMap, graph: nx.DiGraph[Node], node: Node, strength: Mapping[Node, float]
) -> float:
    """The DF-QuAD strength of ``node`` from the ``strength`` of its predecessors."""
    preds = graph.pred[node]
    attackers = (p for p, d in preds.items() if d.get("sign") == "-" or "undercut" in d)
    va = aggregate(strength[p] for p in attackers)
    if isinstance(node, tuple):  # an inference: min of premises, weakened by undercuts
        premises = [strength[p] for p, d in preds.items() if d.get("sign") is None]
        return min(premises) * (1.0 - va)
    vs = aggregate(strength[p] for p, d in preds.items() if d.get("sign") == "+")
    return combine(amap.claims[node].score, va, vs)
