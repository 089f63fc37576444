"""The argument graph: an :class:`~argmap.model.ArgumentMap` as networkx digraphs.

Nodes are claim ids (with a ``kind`` attribute). Edges run from the arguing
claim to the claim argued about:

* ``support``: premise → conclusion, one edge per premise of each inference
  (attribute ``inferences``: ids of the inferences that give the edge);
* ``attack``: attacker → attacked claim;
* ``undercut``: attacker → conclusion of the undercut inference (attribute
  ``inferences``), so reachability follows undercuts too.

Premises or conclusions that name no claim (dangling inferences) add no edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.model import ArgumentMap


@dataclass(frozen=True)
class ArgumentGraph:
    """The support, attack and combined digraphs of one map.

    Attributes:
        support: ``nx.DiGraph`` of support edges (every claim is a node).
        attack: ``nx.DiGraph`` of attack edges (every claim is a node).
        combined: ``nx.DiGraph`` of all edges; edge attribute ``relations``
            is the set of relation names ("support", "attack", "undercut").
    """

    support: nx.DiGraph
    attack: nx.DiGraph
    combined: nx.DiGraph


def _add(graph: nx.DiGraph, u: str, v: str, key: str, value: str) -> None:
    if graph.has_edge(u, v):
        graph[u][v][key].add(value)
    else:
        graph.add_edge(u, v, **{key: {value}})


def build_graph(amap: ArgumentMap) -> ArgumentGraph:
    """Build the argument graph of a map; linear in claims plus relations."""
    support, attack, combined = nx.DiGraph(), nx.DiGraph(), nx.DiGraph()
    for claim in amap.claims.values():
        for graph in (support, attack, combined):
            graph.add_node(claim.id, kind=claim.kind)
    claims = amap.claims
    by_id = {}
    for inf in amap.inferences:
        by_id[inf.id] = inf
        if inf.conclusion not in claims:
            continue
        for premise in inf.premises:
            if premise in claims:
                _add(support, premise, inf.conclusion, "inferences", inf.id)
                _add(combined, premise, inf.conclusion, "relations", "support")
    for att in amap.attacks:
        attack.add_edge(att.attacker, att.target)
        _add(combined, att.attacker, att.target, "relations", "attack")
    for und in amap.undercuts:
        inf = by_id.get(und.inference)
        if inf is not None and inf.conclusion in claims:
            _add(combined, und.attacker, inf.conclusion, "relations", "undercut")
    return ArgumentGraph(support, attack, combined)
