"""Support that goes round in a loop (circular reasoning).

Definition: a cycle in the support graph (A supports B ... supports A), which
makes every claim on it a premise, through a chain, for itself. One finding per
knot (a strongly connected component of two or more claims of the support
graph); its ``claims`` are one witness cycle in loop order, found by a single
depth-first search, so the check is linear however many cycles a knot holds.
A claim supporting itself is reported only as ``self-support``. Mutual
*attacks* are not circular reasoning: the semantics settle them.

Source: Walton, *Informal Logic* (2nd ed., Cambridge UP 2008), §8.4 (begging
the question, arguing in a circle); Tarjan (1972), "Depth-first search and
linear graph algorithms", SIAM J. Computing 1(2), for the components.

Fix: break the loop: one of the claims on it needs support from outside it.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Acting is right., supports: [T1, P2]}
      P2: {kind: premise, text: It is right to act., supports: P1}

Reports: AM102 on P1, P2.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Acting is right., supports: T1}
      P2: {kind: premise, text: It is right to act., supports: P1}

Reports: AM101 on P2.

Triggers (a knot of three claims; its witness cycle is two of them)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Acting is right., supports: [T1, P2, P3]}
      P2: {kind: premise, text: It is right to act., supports: P1}
      P3: {kind: premise, text: Right acts should be done., supports: P1}

Reports: AM102 on P1, P2.

Passes (a claim supporting itself is reported as self-support only)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Acting is right., supports: [T1, P1]}

Reports: AM103 on P1.

Passes (claims that attack each other)::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: [T1, R1]}
      R1: {kind: rebuttal, text: It pays for itself., attacks: O1}

Reports: AM101 on T1; AM101 on R1.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


def knots(support: nx.DiGraph[str]) -> list[list[str]]:
    """Strongly connected components with two or more nodes, each in file order.

    Args:
        support: the support digraph.

    Returns:
        The components, ordered by their first node's position in ``support``.
    """
    order = {node: i for i, node in enumerate(support)}
    comps = [sorted(c, key=order.__getitem__) for c in nx.strongly_connected_components(support)]
    return sorted((c for c in comps if len(c) > 1), key=lambda c: order[c[0]])


def witness_cycle(support: nx.DiGraph[str], knot: list[str]) -> list[str]:
    """One cycle inside the knot, in loop order, starting at its earliest claim.

    The first cycle closed by a depth-first search from ``knot[0]`` that
    follows support edges inside the knot (self-loops skipped) in the order
    the map gives them: linear in the knot's edges, however many cycles it
    holds. "Earliest" means first in ``knot``'s order.
    """
    members = set(knot)
    succ = support.succ
    path, on_path, seen = [knot[0]], {knot[0]}, {knot[0]}
    todo = [iter(succ[knot[0]])]
    cycle: list[str] = []
    while todo and not cycle:
        u = path[-1]
        for v in todo[-1]:
            if v == u or v not in members:
                continue
            if v in on_path:
                cycle = path[path.index(v) :]
                break
            if v not in seen:
                seen.add(v)
                on_path.add(v)
                path.append(v)
                todo.append(iter(succ[v]))
                break
        else:
            todo.pop()
            on_path.discard(path.pop())
    rank = {node: i for i, node in enumerate(knot)}
    start = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    return cycle[start:] + cycle[:start]


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per knot of circular support."""
    for knot in knots(graph.support):
        cycle = witness_cycle(graph.support, knot)
        loop = " -> ".join([*cycle, cycle[0]])
        extra = f" ({len(knot)} claims are caught in this knot)" if len(knot) > len(cycle) else ""
        yield CHECK.at_claim(
            amap,
            cycle[0],
            f"circular support: {loop}{extra}; support one of them from outside the loop",
            tuple(cycle),
        )


CHECK = Check(
    code="AM102", name="circular-support", severity="error", doc=__doc__ or "", run=check
)
