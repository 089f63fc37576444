"""DF-QuAD strengths on a compact graph (integer node ids, one list of predecessors each).

The formulas are in :mod:`argmap.analysis.semantics` (Rago, Toni, Aurisicchio &
Baroni 2016, KR). The graph they run on (:func:`strength_graph`) has the claims
and the inference nodes; its edges are premise → inference, inference →
conclusion (pro), attacker → target and undercutter → inference (con). It is
kept as lists rather than a networkx graph: a map of 100,000 claims and 300,000
supports needs a few dozen megabytes instead of a few hundred.

Strength is defined where no loop lies upstream. Kahn's topological sort (Kahn
1962, "Topological sorting of large networks", CACM 5(11)) reaches exactly the
nodes with no loop among their ancestors, in an order fit for the computation;
the nodes it never reaches are on or downstream of a loop. The loops themselves
(:func:`loops`) are the strongly connected components of those nodes with more
than one member or a self-loop (Tarjan 1972, "Depth-first search and linear
graph algorithms", SIAM J. Comput. 1(2), iteratively). All linear in nodes
plus edges.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.analysis.semantics_base import Node, inf_node
from argmap.model import ArgumentMap

#: Edge kinds: a premise; a premise that also undercuts its step; pro; con.
PREMISE, PREMISE_UNDERCUT, PRO, CON = 0, 1, 2, 3


class StrengthGraph:
    """The DF-QuAD graph of a map, nodes numbered ``0..n-1``.

    Attributes:
        nodes: id → node (claim ids in map order, then inference nodes).
        index: node → id.
        preds: id → the ids of its predecessors, in the order their edges were
            first added (the order strengths are combined in).
        kinds: id → the kind of each of those edges (:data:`PREMISE`, ...).
    """

    __slots__ = ("index", "kinds", "nodes", "preds")

    def __init__(self, nodes: Iterable[Node]):
        self.nodes: list[Node] = list(nodes)
        self.index: dict[Node, int] = {n: i for i, n in enumerate(self.nodes)}
        self.preds: list[list[int]] = [[] for _ in self.nodes]
        self.kinds: list[list[int]] = [[] for _ in self.nodes]

    def node(self, node: Node) -> int:
        """The id of ``node``, added if new."""
        i = self.index.get(node)
        if i is None:
            i = self.index[node] = len(self.nodes)
            self.nodes.append(node)
            self.preds.append([])
            self.kinds.append([])
        return i

    def edge(self, u: int, v: int, kind: int) -> None:
        """Add the edge ``u → v`` (the caller makes sure it is new)."""
        self.preds[v].append(u)
        self.kinds[v].append(kind)

    def successors(self) -> list[list[int]]:
        """id → the ids of its successors."""
        succ: list[list[int]] = [[] for _ in self.nodes]
        for v, preds in enumerate(self.preds):
            for u in preds:
                succ[u].append(v)
        return succ


def strength_graph(
    amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> StrengthGraph:
    """The graph DF-QuAD runs on. Inferences with no premise or naming no claim are
    left out (inert); a premise undercutting its own step keeps one edge, of kind
    :data:`PREMISE_UNDERCUT`; a repeated edge counts once. What-if: the edges into
    an accepted or rejected claim are dropped (its strength is fixed: 1 or 0), so a
    loop through it is broken."""
    g = StrengthGraph(amap.claims)
    claims, index = amap.claims, g.index
    for inf in amap.inferences:
        if inf.premises and inf.conclusion in claims and all(p in claims for p in inf.premises):
            repeated = inf_node(inf.id) in index  # a repeated id: its edges merge
            v = g.node(inf_node(inf.id))
            for p in dict.fromkeys(inf.premises):
                if not repeated or index[p] not in g.preds[v]:
                    g.edge(index[p], v, PREMISE)
            c = index[inf.conclusion]
            if not repeated or v not in g.preds[c]:
                g.edge(v, c, PRO)
    seen: set[tuple[int, int]] = set()
    for att in amap.attacks:
        pair = (g.node(att.attacker), g.node(att.target))
        if pair not in seen:
            seen.add(pair)
            g.edge(*pair, CON)
    _undercuts(g, amap)
    for cid in {*accept, *reject}:
        if cid in index:
            g.preds[index[cid]], g.kinds[index[cid]] = [], []
    return g


def _undercuts(g: StrengthGraph, amap: ArgumentMap) -> None:
    """Add the undercut edges: a new con edge, or a premise edge marked as undercut."""
    into: dict[int, set[int]] = {}  # an undercut step → the ids with an edge into it
    for und in amap.undercuts:
        v = g.index.get(inf_node(und.inference))
        if v is None:
            continue  # an inert or unknown inference
        if v not in into:
            into[v] = set(g.preds[v])
        u = g.node(und.attacker)
        if u in into[v]:
            at = g.preds[v].index(u)
            if g.kinds[v][at] == PREMISE:
                g.kinds[v][at] = PREMISE_UNDERCUT
        else:
            into[v].add(u)
            g.edge(u, v, CON)


def acyclic_order(g: StrengthGraph, succ: list[list[int]]) -> list[int]:
    """The ids with no loop on or above them, in topological order (Kahn)."""
    left = [len(p) for p in g.preds]
    order = [v for v, count in enumerate(left) if count == 0]
    for v in order:  # grows while it is read
        for w in succ[v]:
            left[w] -= 1
            if left[w] == 0:
                order.append(w)
    return order


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


def dfquad(
    amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> dict[str, float | None]:
    """DF-QuAD strength of every claim (``None`` on or downstream of a cycle).

    Base scores are the claims' ``score`` (default 0.5). See
    :mod:`argmap.analysis.semantics` for the formulas and the treatment of
    linked premises and undercuts. What-if: an accepted claim has strength 1
    and a rejected one 0 (which adds nothing to what it supports or attacks, as
    F ignores zeros). Nothing flows into a fixed claim, so fixing a claim on a
    loop breaks the loop (:func:`strength_graph`).

    Returns:
        ``{claim id: strength in [0, 1] or None}`` in map order.
    """
    fixed: dict[Node, float] = {cid: 1.0 for cid in accept}
    fixed.update((cid, 0.0) for cid in reject)
    g = strength_graph(amap, accept, reject)
    strength: list[float | None] = [None] * len(g.nodes)
    for v in acyclic_order(g, g.successors()):
        node = g.nodes[v]
        value = fixed.get(node)
        strength[v] = _node_strength(amap, g, v, strength) if value is None else value
    return {cid: strength[i] for i, cid in enumerate(amap.claims)}


def _node_strength(
    amap: ArgumentMap, g: StrengthGraph, v: int, strength: list[float | None]
) -> float:
    """The DF-QuAD strength of node ``v`` from the strengths of its predecessors
    (all computed: they come first in topological order)."""
    edges = [(s, k) for s, k in zip((strength[p] for p in g.preds[v]), g.kinds[v], strict=True)]
    va = aggregate(s for s, k in edges if s is not None and k in (PREMISE_UNDERCUT, CON))
    node = g.nodes[v]
    if isinstance(node, tuple):  # an inference: min of premises, weakened by undercuts
        premises = [s for s, k in edges if s is not None and k <= PREMISE_UNDERCUT]
        return min(premises) * (1.0 - va)
    vs = aggregate(s for s, k in edges if s is not None and k == PRO)
    return combine(amap.claims[str(node)].score, va, vs)


def loops(g: StrengthGraph, succ: list[list[int]], among: Iterable[int]) -> list[list[int]]:
    """The loops among the ids ``among`` (which must hold every successor of each of
    its ids): strongly connected components of two or more ids, or of one id with an
    edge to itself (Tarjan's algorithm, iterative)."""
    n = len(g.nodes)
    number, low = [-1] * n, [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    found: list[list[int]] = []
    count = 0
    for root in among:
        if number[root] >= 0:
            continue
        number[root] = low[root] = count
        count += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, iter(succ[root]))]
        while work:
            v, todo = work[-1]
            for w in todo:
                if number[w] < 0:
                    number[w] = low[w] = count
                    count += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, iter(succ[w])))
                    break
                if on_stack[w]:
                    low[v] = min(low[v], number[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == number[v]:
                    comp = _pop_component(stack, on_stack, v)
                    if len(comp) > 1 or v in succ[v]:
                        found.append(comp)
    return found


def _pop_component(stack: list[int], on_stack: bytearray, root: int) -> list[int]:
    comp = []
    while True:
        w = stack.pop()
        on_stack[w] = 0
        comp.append(w)
        if w == root:
            return comp
