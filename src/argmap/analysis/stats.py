"""``argmap stats``: the shape of an argument map in numbers."""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.analysis.graph import ArgumentGraph, build_graph, release
from argmap.model import KINDS, ArgumentMap

SUPPORTABLE = ("thesis", "premise", "rebuttal")


def longest_support_chain(support: nx.DiGraph[str]) -> list[str]:
    """The longest chain of supports, as claim ids from the deepest premise up.

    Computed on the condensation (each knot of circular support collapsed into
    one node, shown as its first claim), so it is linear in the graph's size.
    """
    dag = nx.condensation(support)
    path = nx.dag_longest_path(dag)
    members = dag.graph["mapping"]
    order = {node: i for i, node in enumerate(support)}
    first: dict[int, str] = {}
    for node, comp in members.items():
        if comp not in first or order[node] < order[first[comp]]:
            first[comp] = node
    dag.clear()  # networkx's cached degree views make a cycle through it: free it now
    return [first[c] for c in path]


def map_stats(amap: ArgumentMap, graph: ArgumentGraph | None = None) -> dict[str, Any]:
    """Counts and shares describing a map.

    Returns:
        ``{"claims", "by_kind", "inferences", "linked_inferences", "attacks",
        "undercuts", "support_depth", "longest_chain", "supported_share",
        "objections", "objections_answered", "precedents", "evidence"}`` where
        ``support_depth`` is the number of support steps on ``longest_chain``
        and ``supported_share`` is the share of theses, premises and rebuttals
        that something supports (0 to 1, None when there are none).
    """
    own, graph = graph is None, graph or build_graph(amap)
    kinds = {k: 0 for k in KINDS}
    for claim in amap.claims.values():
        kinds[claim.kind] += 1
    chain = longest_support_chain(graph.support) if amap.claims else []
    needing = [c for c, cl in amap.claims.items() if cl.kind in SUPPORTABLE]
    supported = [c for c in needing if graph.support.pred[c]]
    objections = [c for c, cl in amap.claims.items() if cl.kind == "objection"]
    answered = [o for o in objections if graph.attack.pred[o]]
    if own:
        release(graph)
    return {
        "claims": len(amap.claims),
        "by_kind": kinds,
        "inferences": len(amap.inferences),
        "linked_inferences": sum(1 for i in amap.inferences if i.linked),
        "attacks": len(amap.attacks),
        "undercuts": len(amap.undercuts),
        "support_depth": max(len(chain) - 1, 0),
        "longest_chain": chain,
        "supported_share": round(len(supported) / len(needing), 4) if needing else None,
        "objections": len(objections),
        "objections_answered": len(answered),
        "precedents": kinds["precedent"],
        "evidence": kinds["evidence"],
    }
