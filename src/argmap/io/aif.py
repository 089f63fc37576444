"""AIF JSON, as AIFdb and OVA use it (read and write).

The Argument Interchange Format (Chesñevar et al. 2006, "Towards an argument
interchange format", Knowledge Engineering Review 21(4); JSON as served by
AIFdb, ARG-tech) is a graph of *nodes* (``nodeID``, ``text``, ``type``) and
*edges* (``fromID``, ``toID``). Claims are ``I`` nodes; an ``RA`` node is an
inference (premise I → RA → conclusion I; several premises are linked); a
``CA`` node a conflict (attacker I → CA → target; a CA aimed at an RA is an
undercut); ``MA`` a rephrase, ``PA`` a preference; ``L``, ``YA`` and ``TA``
belong to the dialogue layer. OVA wraps the graph as ``{"AIF": {...}, "OVA":
{...}, "text": ...}``.

Reading: ids may be numbers or strings; I nodes become claims (their
``nodeID`` is the claim id); a one-premise RA becomes a ``supports``, a
several-premise RA a linked inference named by its ``nodeID``; CA becomes an
attack or undercut; MA is kept as the tag ``rephrases:<id>`` on the
rephrasing claim; PA and the dialogue layer are dropped with a warning. An
edge naming no node is an error. Kinds come from the ``argmap`` key when
present, else they are guessed from the structure.

Writing: every claim is an I node carrying its argmap id, kind, paragraphs,
source and other fields in an extra ``argmap`` key (so YAML → AIF → YAML
loses nothing), every inference an RA node, every attack and undercut a CA
node; the map's title, source and settings travel in a top-level ``argmap`` key.
"""

from __future__ import annotations

import json
from collections import Counter

from argmap.io.builder import DATA_KEYS, MapBuilder, MapMeta, safe_id
from argmap.io.exchange import Exported, Imported
from argmap.io.json.tree import compose_json
from argmap.io.mapdata import claim_dicts, map_to_dict
from argmap.io.tree import Map, Node, Scalar, Seq
from argmap.io.yaml.fields import ClaimFields
from argmap.model import ArgumentMap, Position, complete_parts

#: Node types argmap reads; the dialogue layer and preferences are dropped.
NODE_TYPES = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA")
_DROPPED = ("PA", "L", "YA", "TA")
_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}


def looks_like_aif(text: str) -> bool:
    """True when ``text`` is JSON shaped like AIF (``nodes`` and ``edges``, or OVA's ``AIF``)."""
    try:
        doc = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    if not isinstance(doc, dict):
        return False
    return isinstance(doc.get("AIF"), dict) or ("nodes" in doc and "edges" in doc)


def loads_aif(text: str, path: str = "<string>") -> Imported:
    """Read AIF JSON (plain, or OVA's wrapper) into a map.

    Raises:
        MapLoadError: malformed JSON, a node without id or type, a duplicate
            id, an edge naming no node, invalid ``argmap`` data.
    """
    return _Reader(path).read(compose_json(text, path))


def _id(node: Node | None) -> str | None:
    if (
        isinstance(node, Scalar)
        and isinstance(node.value, (str, int))
        and not isinstance(node.value, bool)
    ):
        value = str(node.value)
        return value if value.strip() else None
    return None


class _Reader:
    """Reads the node tree of one AIF document."""

    def __init__(self, path: str):
        self.path = path
        self.b = MapBuilder(path)
        self.types: dict[str, str] = {}
        self.bodies: dict[str, Map] = {}
        self.claim_of: dict[str, str] = {}
        self.ins: dict[str, list[str]] = {}
        self.outs: dict[str, list[str]] = {}

    def pos(self, node: Node) -> Position:
        return Position(self.path, node.line, node.column)

    def read(self, root: Node) -> Imported:
        if not isinstance(root, Map):
            self.b.error(
                self.pos(root), "an AIF file must be a JSON object with 'nodes' and 'edges'"
            )
            self.b.fail_now()
        assert isinstance(root, Map)
        graph = root
        if "AIF" in root.pairs:
            graph = self._wrapped(root)
        nodes, edges = self._list(graph, "nodes"), self._list(graph, "edges")
        for item in nodes:
            self._node(item)
        for item in edges:
            self._edge(item)
        self._dropped_blocks(graph, root)
        self.b.fail_now()
        self._claims()
        ra_infs = self._inferences()
        self._conflicts(ra_infs)
        self._rephrases()
        self._dropped_nodes(graph)
        meta = root.pairs.get("argmap")
        if meta is not None and not isinstance(meta[1], Map):
            self.b.error(self.pos(meta[1]), "the 'argmap' key must hold an object")
        kwargs: MapMeta = (
            self.b.map_meta(meta[1], self.pos(meta[1]))
            if meta and isinstance(meta[1], Map)
            else {}
        )
        return self.b.build(**kwargs)

    def _wrapped(self, root: Map) -> Map:
        knode, graph = root.pairs["AIF"]
        if not isinstance(graph, Map):
            self.b.error(self.pos(graph), "'AIF' must hold an object with 'nodes' and 'edges'")
            self.b.fail_now()
        if "text" in root.pairs:
            self.b.note(self.pos(root.pairs["text"][0]), "OVA's analysed 'text' is not kept")
        assert isinstance(graph, Map)
        return graph

    def _list(self, graph: Map, key: str) -> list[Node]:
        entry = graph.pairs.get(key)
        if entry is None:
            self.b.error(self.pos(graph), f"the AIF object has no '{key}' list: add one")
            return []
        if not isinstance(entry[1], Seq):
            self.b.error(self.pos(entry[1]), f"'{key}' must be a list")
            return []
        return entry[1].items

    def _node(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.error(self.pos(item), "each node must be an object with nodeID, type and text")
            return
        nid = _id(item.pairs.get("nodeID", (None, None))[1])
        if nid is None:
            where = item.pairs["nodeID"][1] if "nodeID" in item.pairs else item
            self.b.error(self.pos(where), "a node needs a 'nodeID' (a string or a number)")
            return
        if nid in self.types:
            self.b.error(self.pos(item.pairs["nodeID"][1]), f"node id {nid!r} is used twice")
            return
        kind = item.pairs.get("type", (None, None))[1]
        if not isinstance(kind, Scalar) or not isinstance(kind.value, str):
            self.b.error(
                self.pos(kind or item), f'node {nid} needs a \'type\' such as "I" or "RA"'
            )
            return
        self.types[nid], self.bodies[nid] = kind.value, item
        self.ins[nid], self.outs[nid] = [], []

    def _edge(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.error(self.pos(item), "each edge must be an object with fromID and toID")
            return
        ends = []
        for key in ("fromID", "toID"):
            node = item.pairs.get(key, (None, item))[1]
            nid = _id(node) if key in item.pairs else None
            if nid is None:
                self.b.error(self.pos(node), f"an edge needs a '{key}' (a node id)")
            elif nid not in self.types:
                self.b.error(
                    self.pos(node),
                    f"edge {key} {nid!r} names no node: add the node or remove the edge",
                )
            else:
                ends.append(nid)
        if len(ends) == 2:
            self.outs[ends[0]].append(ends[1])
            self.ins[ends[1]].append(ends[0])

    def _dropped_blocks(self, graph: Map, root: Map) -> None:
        for key in ("locutions", "participants", "schemefulfillments", "descriptorfulfillments"):
            entry = graph.pairs.get(key)
            if entry is not None and isinstance(entry[1], Seq) and entry[1].items:
                self.b.note(
                    self.pos(entry[0]), f"{len(entry[1].items)} {key} (dialogue data) dropped"
                )

    def _text(self, nid: str) -> str:
        node = self.bodies[nid].pairs.get("text", (None, None))[1]
        if isinstance(node, Scalar) and isinstance(node.value, str):
            return node.value
        self.b.error(self.pos(node or self.bodies[nid]), f"I node {nid} needs a 'text' string")
        return ""

    def _claims(self) -> None:
        for nid, kind in self.types.items():
            if kind != "I":
                continue
            body = self.bodies[nid]
            extra = body.pairs.get("argmap", (None, None))[1]
            fields: ClaimFields = {}
            cid = nid
            if extra is not None:
                cid, fields = self._claim_extra(nid, extra)
            if cid in self.b.claims:
                self.b.error(self.pos(body), f"claim id {cid!r} is used by two I nodes")
                continue
            self.claim_of[nid] = cid
            self.b.add_claim(cid, self._text(nid), self.pos(body), fields)

    def _claim_extra(self, nid: str, extra: Node) -> tuple[str, ClaimFields]:
        if not isinstance(extra, Map):
            self.b.error(self.pos(extra), f"the 'argmap' key of node {nid} must hold an object")
            return nid, {}
        for key, (knode, _) in extra.pairs.items():
            if key != "id" and key not in DATA_KEYS:
                self.b.error(
                    self.pos(knode), f"unknown key {key!r} in the argmap data of node {nid}"
                )
        cid = _id(extra.pairs.get("id", (None, None))[1]) or nid
        if safe_id(cid) != cid:
            self.b.note(self.pos(extra), f"claim id {cid!r} renamed {safe_id(cid)!r}")
            cid = safe_id(cid)
        return cid, self.b.claim_fields(cid, extra, self.pos(extra))

    def _claims_around(self, nid: str, side: str) -> list[str]:
        ends = self.ins[nid] if side == "in" else self.outs[nid]
        return [self.claim_of[e] for e in ends if e in self.claim_of]

    def _inferences(self) -> dict[str, list[str]]:
        made: dict[str, list[str]] = {}
        for nid, kind in self.types.items():
            if kind != "RA":
                continue
            premises, conclusions = self._claims_around(nid, "in"), self._claims_around(nid, "out")
            pos = self.pos(self.bodies[nid])
            if not premises or not conclusions:
                self.b.note(
                    pos,
                    f"RA node {nid} has no {'premise' if not premises else 'conclusion'}: dropped",
                )
                continue
            made[nid] = [
                self._inference(nid, premises, c, k, len(conclusions), pos)
                for k, c in enumerate(conclusions, 1)
            ]
        return made

    def _inference(
        self, nid: str, premises: list[str], conclusion: str, k: int, n: int, pos: Position
    ) -> str:
        extra = self.bodies[nid].pairs.get("argmap", (None, None))[1]
        linked = stored = None
        if isinstance(extra, Map):
            flag = extra.pairs.get("linked", (None, None))[1]
            linked = (
                flag.value if isinstance(flag, Scalar) and isinstance(flag.value, bool) else None
            )
            stored = _id(extra.pairs.get("id", (None, None))[1])
        shorthand = f"{premises[0]} -> {conclusion}"
        if len(premises) == 1 and (
            linked is False or (linked is None and shorthand not in self.b.inferences)
        ):
            return self.b.add_inference(premises, conclusion, pos)
        iid = stored if stored and n == 1 else (nid if n == 1 else f"{nid}-{k}")
        return self.b.add_inference(premises, conclusion, pos, safe_id(iid))

    def _conflicts(self, ra_infs: dict[str, list[str]]) -> None:
        for nid, kind in self.types.items():
            if kind != "CA":
                continue
            pos = self.pos(self.bodies[nid])
            attackers = self._claims_around(nid, "in")
            targets = [t for t in self.outs[nid] if t in self.claim_of or t in ra_infs]
            if not attackers or not targets:
                self.b.note(
                    pos,
                    f"CA node {nid} has no {'attacker' if not attackers else 'target'}: dropped",
                )
                continue
            for attacker in attackers:
                for target in targets:
                    if target in self.claim_of:
                        self.b.add_attack(attacker, self.claim_of[target], pos)
                    for iid in ra_infs.get(target, ()):
                        self.b.add_undercut(attacker, iid, pos)

    def _rephrases(self) -> None:
        for nid, kind in self.types.items():
            if kind != "MA":
                continue
            for target in self._claims_around(nid, "out"):
                fields = self.b.claims[target]
                tags = list(fields.get("tags", ()))
                tags += [
                    f"rephrases:{s}"
                    for s in self._claims_around(nid, "in")
                    if f"rephrases:{s}" not in tags
                ]
                fields["tags"] = tuple(tags)

    def _dropped_nodes(self, graph: Map) -> None:
        counts = Counter(t for t in self.types.values() if t not in ("I", "RA", "CA", "MA"))
        if not counts:
            return
        what = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
        unknown = sorted(t for t in counts if t not in _DROPPED)
        hint = (
            f" (unknown type{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)})"
            if unknown
            else ""
        )
        self.b.note(
            self.pos(graph.pairs["nodes"][0]),
            f"dropped {what} node(s) and their edges: argmap keeps claims, inferences, "
            f"conflicts and rephrases, not dialogue or preferences{hint}",
        )


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

    def conflict(self, attacker: str, target: str) -> None:
        ca = self.node("CA", _TEXT["CA"], {})
        self.edge(attacker, ca)
        self.edge(ca, target)


def dump_aif(amap: ArgumentMap) -> Exported:
    """The map as AIF JSON that AIF tools and :func:`loads_aif` read.

    Deterministic: node ids count from 1 (claims in map order, then
    inferences, then conflicts); no timestamps.
    """
    infs, unds, lost = complete_parts(amap)
    doc = map_to_dict(amap)
    graph = _Graph()
    ids = {}
    for cid, body in claim_dicts(amap).items():
        extra = {"id": cid, **{k: v for k, v in body.items() if k in DATA_KEYS}}
        ids[cid] = graph.node("I", str(body["text"]), extra)
    ra = {}
    for inf in infs:
        ra[inf.id] = graph.node("RA", _TEXT["RA"], {"id": inf.id, "linked": inf.linked})
        for premise in inf.premises:
            graph.edge(ids[premise], ra[inf.id])
        graph.edge(ra[inf.id], ids[inf.conclusion])
    for att in amap.attacks:
        graph.conflict(ids[att.attacker], ids[att.target])
    for und in unds:
        graph.conflict(ids[und.attacker], ra[und.inference])
    out: dict[str, object] = {"nodes": graph.nodes, "edges": graph.edges, "locutions": []}
    meta = {k: v for k, v in doc.items() if k not in ("claims", "inferences")}
    if meta:
        out["argmap"] = {"version": 1, **meta}
    return Exported(json.dumps(out, ensure_ascii=False, indent=2) + "\n", tuple(lost))
