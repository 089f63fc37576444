"""The argument graph: an :class:`~argmap.model.ArgumentMap` as networkx digraphs.

Nodes are claim ids (with a ``kind`` attribute). Edges run from the arguing
claim to the claim argued about:

* ``support``: premise → conclusion, one edge per premise of each inference
  (attribute ``inferences``: ids of the inferences that give the edge);
* ``attack``: attacker → attacked claim;
* ``undercut``: attacker → conclusion of the undercut inference (attribute
  ``inferences``), so reachability follows undercuts too;
* ``rephrase`` (in ``combined`` only): both ways between a claim and each claim
  it rephrases, so two wordings of one claim count as connected.

Premises or conclusions that name no claim (dangling inferences) add no edge.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from argmap.model import ArgumentMap
from argmap.util.gcpause import gc_paused


@dataclass(frozen=True)
class ArgumentGraph:
    """The support, attack and combined digraphs of one map.

    Attributes:
        support: ``nx.DiGraph`` of support edges (every claim is a node).
        attack: ``nx.DiGraph`` of attack edges (every claim is a node).
        combined: ``nx.DiGraph`` of all edges; edge attribute ``relations``
            is the set of relation names ("support", "attack", "undercut",
            "rephrase").
    """

    support: nx.DiGraph[str]
    attack: nx.DiGraph[str]
    combined: nx.DiGraph[str]


_Edges = dict[tuple[str, str], set[str]]


def _edges(amap: ArgumentMap) -> tuple[_Edges, list[tuple[str, str]], _Edges]:
    """Support, attack and combined edges, each in the order of first occurrence."""
    claims = amap.claims
    support: _Edges = defaultdict(set)
    combined: _Edges = defaultdict(set)
    for inf in amap.inferences:
        conclusion = inf.conclusion
        if conclusion not in claims:
            continue
        for premise in inf.premises:
            if premise in claims:
                support[premise, conclusion].add(inf.id)
                combined[premise, conclusion].add("support")
    attack = [(att.attacker, att.target) for att in amap.attacks]
    for pair in attack:
        combined[pair].add("attack")
    for und in amap.undercuts:
        undercut = amap.inference(und.inference)
        if undercut is not None and undercut.conclusion in claims:
            combined[und.attacker, undercut.conclusion].add("undercut")
    for claim in claims.values():
        for other in claim.rephrases:
            if other in claims and other != claim.id:
                combined[claim.id, other].add("rephrase")
                combined[other, claim.id].add("rephrase")
    return support, attack, combined


def _digraph(
    amap: ArgumentMap, edges: _Edges | list[tuple[str, str]], key: str
) -> nx.DiGraph[str]:
    """A digraph with every claim as a node (attribute ``kind``) and ``edges``
    (a dict gives each edge the attribute ``key``: the edge's set)."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    claims = amap.claims.values()
    graph.add_nodes_from(c.id for c in claims)  # ids without attributes: networkx's fast path
    nodes = graph.nodes
    for claim in claims:
        nodes[claim.id]["kind"] = claim.kind
    if isinstance(edges, dict):
        graph.add_edges_from((u, v, {key: values}) for (u, v), values in edges.items())
    else:
        graph.add_edges_from(edges)
    return graph


def build_graph(amap: ArgumentMap) -> ArgumentGraph:
    """Build the argument graph of a map; linear in claims plus relations.

    Edges are collected first and added in bulk in the order of their first
    occurrence (so successors come in map-file order), with the cyclic
    garbage collector paused (see :mod:`argmap.util.gcpause`).
    """
    with gc_paused():
        support, attack, combined = _edges(amap)
        return ArgumentGraph(
            _digraph(amap, support, "inferences"),
            _digraph(amap, attack, ""),
            _digraph(amap, combined, "relations"),
        )


def release(graph: ArgumentGraph) -> None:
    """Empty the three digraphs of ``graph`` once its user is done with it.

    networkx caches views of a graph (``G.edges``, ``G.in_degree`` …) that
    point back at the graph: a reference cycle that only the cycle collector
    frees, and the collector is paused while a command runs
    (:mod:`argmap.util.gcpause`). Emptied, the cycle holds nothing large.
    """
    for digraph in (graph.support, graph.attack, graph.combined):
        digraph.clear()
