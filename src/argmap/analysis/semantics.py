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
or downstream of a cycle get ``None``. Computed by :mod:`argmap.analysis.strength`
on a compact graph.
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
from argmap.analysis.strength import aggregate, combine, dfquad
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
    "aggregate",
    "build_framework",
    "combine",
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
