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

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Acting is right., supports: T1}
      P2: {kind: premise, text: It is right to act., supports: P1}
"""

from __future__ import annotations

import sys
from typing import Iterator

import networkx as nx

from argmap.checks._base import at_claim
from argmap.graph import ArgumentGraph
from argmap.model import ArgumentMap
from argmap.problems import Finding

CODE = "AM102"
NAME = "circular-support"
SEVERITY = "error"


def knots(support: nx.DiGraph) -> list[list[str]]:
    """Strongly connected components with two or more nodes, each in file order.

    Args:
        support: the support digraph.

    Returns:
        The components, ordered by their first node's position in ``support``.
    """
    order = {node: i for i, node in enumerate(support)}
    comps = [sorted(c, key=order.__getitem__) for c in nx.strongly_connected_components(support)]
    return sorted((c for c in comps if len(c) > 1), key=lambda c: order[c[0]])


def witness_cycle(support: nx.DiGraph, knot: list[str]) -> list[str]:
    """One cycle inside the knot, in loop order, starting at its earliest claim.

    Found by one depth-first search from ``knot[0]`` (linear time); "earliest"
    means first in ``knot``'s order.
    """
    sub = support.subgraph(knot).copy()
    sub.remove_edges_from(nx.selfloop_edges(sub))
    cycle = [u for u, _ in nx.find_cycle(sub, source=knot[0])]
    rank = {node: i for i, node in enumerate(knot)}
    start = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    return cycle[start:] + cycle[:start]


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per knot of circular support."""
    here = sys.modules[__name__]
    for knot in knots(graph.support):
        cycle = witness_cycle(graph.support, knot)
        loop = " -> ".join([*cycle, cycle[0]])
        extra = f" ({len(knot)} claims are caught in this knot)" if len(knot) > len(cycle) else ""
        yield at_claim(
            here, amap, cycle[0],
            f"circular support: {loop}{extra}; support one of them from outside the loop",
            tuple(cycle),
        )  # fmt: skip
