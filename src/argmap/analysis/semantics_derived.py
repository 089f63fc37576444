"""The grounded labelling of a bipolar framework without listing its derived attacks.

:func:`argmap.analysis.semantics.build_framework` reads support as Cayrol &
Lagasquie-Schiex (2013, "Bipolarity in argumentation graphs: towards a better
understanding", IJAR 54(7)) do: a direct attack or undercut ``a → t`` gives

* secondary attacks ``a → x`` for every ``x`` resting on ``t`` (necessary
  reading: everything ``t`` supports through any chain; convergent: the
  inferences ``t`` is a premise of), and
* supported attacks ``b → t`` for every ``b`` supporting ``a`` through a chain
  that passes through no undercut inference.

Listed as pairs, these are the direct attacks times the support depth: about
``n²`` on an attacked chain of ``n`` premises and on a knot where everything
supports everything. This module never lists them. The attackers of a node are
a union of a few *shared sets*, each built once on the condensation of the
support graph (its strongly connected components, a DAG: Tarjan 1972, "Depth-
first search and linear graph algorithms", SIAM J. Comput. 1(2); networkx's
``condensation``):

* ``below(C)``, per component ``C`` of the support graph: the direct attackers
  of ``C``'s members and ``below`` of every component supporting ``C`` — the
  attackers of whatever a node of ``C`` rests on (secondary attacks, plus the
  direct ones);
* ``backers(C)``, per component of the support graph without the undercut
  inferences: ``C``'s members and ``backers`` of every component supporting
  ``C`` — an attacker and all that supports it (supported attacks).

The grounded labelling (Dung 1995; Caminada 2006) only asks of a node's
attackers whether *some* is IN (then it is OUT) or *all* are OUT (then it is
IN), and both questions distribute over unions. So the labelling is the least
fixed point of a three-valued and/or network in which each shared set is one
gate over its parts (Kleene's strong three-valued logic; the queue propagation
of Modgil & Caminada 2009, "Proof theories and algorithms for abstract
argumentation frameworks", counting undecided parts per gate). The network is
acyclic above the framework's nodes (the sets are built over a DAG), so its
least fixed point restricted to the nodes is the grounded labelling of the
framework with every derived attack listed. Its size is linear in claims,
inferences, supports and direct attacks.

:class:`DerivedAttackers` gives, for explanations, the attackers of one node
on demand, with the same :class:`~argmap.analysis.semantics.Attack` (kind and
``via``) as the listed framework had.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import networkx as nx

from argmap.analysis.semantics_base import IN, OUT, UNDEC, Attack, Node, ancestors_avoiding


def derived_grounded(
    support: nx.DiGraph[Node],
    direct: Sequence[Attack],
    accepted: set[str],
    reading: str,
) -> dict[Node, str]:
    """The grounded labelling of the bipolar framework, derived attacks unlisted.

    Args:
        support: the support digraph premise ⇒ inference ⇒ conclusion; its nodes,
            in order, are the framework's.
        direct: the direct attacks and undercuts (attackers not rejected,
            targets not accepted); every attacker is a node of ``support``.
        accepted: nodes nothing attacks.
        reading: ``"necessary"`` or ``"convergent"`` (see the module docstring).

    Returns:
        ``{node: "IN" | "OUT" | "UNDEC"}`` in ``support``'s node order; equal to
        :func:`argmap.analysis.semantics.grounded` on the listed framework.
    """
    net = _Network(list(support))
    by_target: dict[Node, list[int]] = {}
    for att in direct:
        by_target.setdefault(att.target, []).append(net.index[att.attacker])
    undercut = {att.target for att in direct if att.how == "undercut"}
    condensed = _components(support)
    rest = _below(net, condensed, by_target) if reading == "necessary" else None
    backer = _backers(net, support, condensed, undercut)
    for node, i in net.index.items():
        if node in accepted:
            continue
        if rest is not None:
            net.add(i, rest[node])
        else:
            net.add_all(i, by_target.get(node, ()))
            if isinstance(node, tuple):
                for premise in support.pred[node]:
                    net.add_all(i, by_target.get(premise, ()))
        for a in by_target.get(node, ()):
            net.add(i, backer.get(net.nodes[a], a))
    return net.labels()


class _Network:
    """An and/or network: nodes ``0..n-1`` are the framework's, gates come after.

    A node is IN (True) when every part is False and OUT (False) when some part
    is True; a gate is True when some part is True and False when every part is.
    """

    def __init__(self, nodes: list[Node]):
        self.nodes = nodes
        self.index = {n: i for i, n in enumerate(nodes)}
        self.parents: list[list[int]] = [[] for _ in nodes]
        self.left: list[int] = [0] * len(nodes)

    def gate(self) -> int:
        self.parents.append([])
        self.left.append(0)
        return len(self.left) - 1

    def add(self, element: int, part: int) -> None:
        self.parents[part].append(element)
        self.left[element] += 1

    def add_all(self, element: int, parts: Iterable[int]) -> None:
        for part in parts:
            self.add(element, part)

    def labels(self) -> dict[Node, str]:
        n, left, parents = len(self.nodes), self.left, self.parents
        value: list[bool | None] = [None] * len(left)
        queue: deque[int] = deque()
        for e, count in enumerate(left):
            if count == 0:
                value[e] = e < n  # a node with no attacker is IN; an empty gate False
                queue.append(e)
        while queue:
            e = queue.popleft()
            true = value[e]
            for p in parents[e]:
                if value[p] is not None:
                    continue
                if true:
                    value[p] = p >= n
                    queue.append(p)
                else:
                    left[p] -= 1
                    if left[p] == 0:
                        value[p] = p < n
                        queue.append(p)
        return {
            node: UNDEC if value[i] is None else IN if value[i] else OUT
            for i, node in enumerate(self.nodes)
        }


def _components(graph: nx.DiGraph[Node]) -> tuple[nx.DiGraph[int], dict[Node, int]]:
    """The condensation of ``graph`` and the component of each of its nodes."""
    dag: nx.DiGraph[int] = nx.condensation(graph)
    return dag, dag.graph["mapping"]


def _gates(
    net: _Network, dag: nx.DiGraph[int], parts: Callable[[Node], Iterable[int]]
) -> dict[int, int]:
    """Component → a gate over ``parts`` of its members and the gates of every
    component supporting it (so over everything its members rest on)."""
    gates: dict[int, int] = {}
    for c in nx.topological_sort(dag):
        gate = gates[c] = net.gate()
        for member in dag.nodes[c]["members"]:
            net.add_all(gate, parts(member))
        for up in dag.pred[c]:
            net.add(gate, gates[up])
    return gates


def _below(
    net: _Network,
    condensed: tuple[nx.DiGraph[int], dict[Node, int]],
    by_target: Mapping[Node, list[int]],
) -> dict[Node, int]:
    """Node → the gate of the attackers of everything it rests on, itself included."""
    dag, comp = condensed
    gates = _gates(net, dag, lambda member: by_target.get(member, ()))
    return {node: gates[c] for node, c in comp.items()}


def _backers(
    net: _Network,
    support: nx.DiGraph[Node],
    condensed: tuple[nx.DiGraph[int], dict[Node, int]],
    undercut: set[Node],
) -> dict[Node, int]:
    """Node → the gate of itself and everything supporting it through no undercut
    inference (the nodes in ``undercut`` are left out; with none, ``condensed``
    is the support graph's own condensation)."""
    if undercut:
        kept = support.copy()
        kept.remove_nodes_from(undercut)
        condensed = _components(kept)
    dag, comp = condensed
    gates = _gates(net, dag, lambda member: (net.index[member],))
    return {node: gates[c] for node, c in comp.items()}


class DerivedAttackers(Mapping[Node, Mapping[Node, Attack]]):
    """Node → {attacker: the first :class:`Attack` found for that pair}, computed on
    demand (and kept) for one node at a time, in the order and with the kinds of
    the listed framework: direct attacks and undercuts, then for each direct
    attack in map order its secondary attack on the node and the supported
    attacks it gives. The direct attacks on what a node rests on are gathered
    per component of the support graph (kept), the supporters of an attacker
    once per attacker (kept): a node costs time linear in its attackers, plus
    the map's size for the first node of a component."""

    def __init__(
        self,
        support: nx.DiGraph[Node],
        direct: Sequence[Attack],
        accepted: set[str],
        reading: str,
    ):
        self._support, self._direct, self._accepted = support, list(direct), accepted
        self._reading = reading
        self._undercut = {att.target for att in direct if att.how == "undercut"}
        self._by_target: dict[Node, list[int]] = {}
        for i, att in enumerate(self._direct):
            self._by_target.setdefault(att.target, []).append(i)
        self._found: dict[Node, dict[Node, Attack]] = {}
        self._condensed: tuple[nx.DiGraph[int], dict[Node, int]] | None = None
        self._under: dict[int, list[int]] = {}
        self._backers: dict[Node, set[Node]] = {}

    def __getitem__(self, node: Node) -> Mapping[Node, Attack]:
        if node not in self._support:
            raise KeyError(node)
        if node not in self._found:
            self._found[node] = self._attackers(node)
        return self._found[node]

    def __iter__(self) -> Iterator[Node]:
        return iter(self._support)

    def __len__(self) -> int:
        return len(self._support)

    def _relevant(self, node: Node) -> list[int]:
        """Indices, in map order, of the direct attacks on ``node`` and on what it
        rests on (necessary: its component and every component above it)."""
        if self._reading != "necessary":
            found = set(self._by_target.get(node, ()))
            if isinstance(node, tuple):
                for t in self._support.pred[node]:
                    found.update(self._by_target.get(t, ()))
            return sorted(found)
        if self._condensed is None:
            self._condensed = _components(self._support)
        dag, comp = self._condensed
        c = comp[node]
        if c not in self._under:
            members = dag.nodes
            self._under[c] = sorted(
                i
                for up in (c, *nx.ancestors(dag, c))
                for t in members[up]["members"]
                for i in self._by_target.get(t, ())
            )
        return self._under[c]

    def _supporters(self, attacker: Node) -> set[Node]:
        if attacker not in self._backers:
            self._backers[attacker] = ancestors_avoiding(self._support, attacker, self._undercut)
        return self._backers[attacker]

    def _attackers(self, node: Node) -> dict[Node, Attack]:
        found: dict[Node, Attack] = {}
        if node in self._accepted:
            return found
        for i in self._by_target.get(node, ()):
            found.setdefault(self._direct[i].attacker, self._direct[i])
        for i in self._relevant(node):
            att = self._direct[i]
            if att.target != node:  # in node's component or above: node rests on it
                found.setdefault(att.attacker, Attack(att.attacker, node, "secondary", att.target))
            elif att.attacker in self._support and att.attacker not in self._undercut:
                for below in self._supporters(att.attacker):
                    found.setdefault(below, Attack(below, node, "supported", att.attacker))
        return found
