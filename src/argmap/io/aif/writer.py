"""Writing AIF JSON (:func:`dump_aif`).

Every claim is an I node carrying its argmap id, kind, paragraphs, source and
other fields in an extra ``argmap`` key (so YAML → AIF → YAML loses nothing),
every inference an RA node, every attack and undercut a CA node, every
rephrase an MA node ("Default Rephrase", from the claim rephrased to the
claim rephrasing it); the map's title, source and settings travel in a
top-level ``argmap`` key.
"""

from __future__ import annotations

import json

from argmap.io.builder import DATA_KEYS
from argmap.io.exchange import Exported
from argmap.io.mapdata import claim_dicts, map_to_dict
from argmap.model import ArgumentMap, complete_parts

#: The text AIFdb and OVA give scheme nodes without a named scheme.
SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}


class _Graph:
    """AIF nodes and edges being written, numbered from 1 in the order added."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, object]] = []
        self.edges: list[dict[str, object]] = []

    def node(self, kind: str, text: str, extra: dict[str, object]) -> str:
        nid = str(len(self.nodes) + 1)
        item: dict[str, object] = {"nodeID": nid, "text": text, "type": kind}
        if extra:
            item["argmap"] = extra
        self.nodes.append(item)
        return nid

    def edge(self, src: str, dst: str) -> None:
        edge_id = str(len(self.edges) + 1)
        self.edges.append({"edgeID": edge_id, "fromID": src, "toID": dst, "formEdgeID": None})

    def scheme(self, kind: str, source: str, target: str) -> None:
        """A CA or MA node between two nodes: ``source`` → node → ``target``."""
        nid = self.node(kind, SCHEME_TEXT[kind], {})
        self.edge(source, nid)
        self.edge(nid, target)


def dump_aif(amap: ArgumentMap) -> Exported:
    """The map as AIF JSON that AIF tools and :func:`~argmap.io.aif.loads_aif` read.

    Deterministic: node ids count from 1 (claims in map order, then
    inferences, then conflicts, then rephrases); no timestamps. Lost: only
    incomplete inferences and the undercuts of them
    (:func:`~argmap.model.complete_parts`).
    """
    infs, unds, lost = complete_parts(amap)
    doc = map_to_dict(amap)
    graph = _Graph()
    ids = {}
    for cid, body in claim_dicts(amap).items():
        keys = (k for k in DATA_KEYS if k != "rephrases")
        extra = {"id": cid, **{k: body[k] for k in keys if k in body}}
        ids[cid] = graph.node("I", str(body["text"]), extra)
    ra = {}
    for inf in infs:
        ra[inf.id] = graph.node("RA", SCHEME_TEXT["RA"], {"id": inf.id, "linked": inf.linked})
        for premise in inf.premises:
            graph.edge(ids[premise], ra[inf.id])
        graph.edge(ra[inf.id], ids[inf.conclusion])
    for att in amap.attacks:
        graph.scheme("CA", ids[att.attacker], ids[att.target])
    for und in unds:
        graph.scheme("CA", ids[und.attacker], ra[und.inference])
    for claim in amap.claims.values():
        for other in claim.rephrases:
            if other in ids:
                graph.scheme("MA", ids[other], ids[claim.id])
    out: dict[str, object] = {"nodes": graph.nodes, "edges": graph.edges, "locutions": []}
    meta = {k: v for k, v in doc.items() if k not in ("claims", "inferences")}
    if meta:
        out["argmap"] = {"version": 1, **meta}
    return Exported(json.dumps(out, ensure_ascii=False, indent=2) + "\n", tuple(lost))
