"""Reading AIF JSON (:func:`loads_aif`): AIFdb, OVA and xAIF files.

Ids may be numbers or strings; I nodes become claims (their ``nodeID`` is the
claim id); a one-premise RA becomes a ``supports``, a several-premise RA a
linked inference named by its ``nodeID``; CA becomes an attack or undercut;
MA becomes ``rephrases:`` on the rephrasing claim (the MA's target); PA and
the dialogue layer (L, YA, TA, locutions) are dropped with a note. Kinds come
from the ``argmap`` key when present, else they are guessed from the
structure.

A bad part is reported as an ``import-note`` (AM001) with its id and its line
and column, and skipped, the rest kept: an edge naming no node (or lacking
``fromID``/``toID``), a node without ``nodeID`` or ``type``, an I node
without text. An edge given twice is kept once, with a note. Two RA nodes
between the same premises and conclusion are one inference: the second is
kept as the first, with a note (so the map has no one-premise linked
inference). Errors (the file is refused): malformed JSON, a node id used
twice, invalid ``argmap`` data.
"""

from __future__ import annotations

import json
from collections import Counter

from argmap.io.builder import DATA_KEYS, MapBuilder, MapMeta, safe_id
from argmap.io.exchange import Imported
from argmap.io.json.tree import compose_json
from argmap.io.tree import Map, Node, Scalar, Seq
from argmap.io.yaml.fields import ClaimFields
from argmap.model import Position

#: Node types argmap reads; the dialogue layer and preferences are dropped.
NODE_TYPES = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA")
_DROPPED = ("PA", "L", "YA", "TA")


def looks_like_aif(text: str) -> bool:
    """True when ``text`` is JSON shaped like AIF (``nodes`` and ``edges``, or the
    ``AIF`` wrapper of OVA and xAIF). SADFace has ``nodes`` and ``edges`` too:
    tell it first (:func:`argmap.io.sadface.looks_like_sadface`)."""
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
        MapLoadError: malformed JSON, no ``nodes`` or ``edges`` list, a node
            id used twice, invalid ``argmap`` data or claim text (all with
            line and column). Bad parts that can be skipped are notes instead
            (see the module docstring).
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
        self.edge_at: dict[tuple[str, str], str] = {}  # (from, to) -> the edge's name

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
            self.b.note(self.pos(item), "a node that is no object (nodeID, type, text): skipped")
            return
        nid = _id(item.pairs.get("nodeID", (None, None))[1])
        if nid is None:
            where = item.pairs["nodeID"][1] if "nodeID" in item.pairs else item
            self.b.note(
                self.pos(where), "a node without a 'nodeID' (a string or a number): skipped"
            )
            return
        if nid in self.types:
            self.b.error(self.pos(item.pairs["nodeID"][1]), f"node id {nid!r} is used twice")
            return
        kind = item.pairs.get("type", (None, None))[1]
        if not isinstance(kind, Scalar) or not isinstance(kind.value, str):
            self.b.note(
                self.pos(kind or item),
                f'node {nid} has no \'type\' such as "I" or "RA": skipped with its edges',
            )
            return
        self.types[nid], self.bodies[nid] = kind.value, item
        self.ins[nid], self.outs[nid] = [], []

    def _edge(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.note(self.pos(item), "an edge that is no object (fromID, toID): skipped")
            return
        name = _id(item.pairs.get("edgeID", (None, None))[1])
        what = f"edge {name}" if name else "an edge"
        ends = []
        for key in ("fromID", "toID"):
            node = item.pairs.get(key, (None, item))[1]
            nid = _id(node) if key in item.pairs else None
            if nid is None:
                self.b.note(self.pos(node), f"{what} has no '{key}' (a node id): skipped")
                return
            if nid not in self.types:
                self.b.note(self.pos(node), f"{what}: {key} {nid!r} names no node: skipped")
                return
            ends.append(nid)
        pair = (ends[0], ends[1])
        if pair in self.edge_at:
            first = self.edge_at[pair]
            self.b.note(
                self.pos(item),
                f"{what} repeats {first}: {pair[0]} → {pair[1]} given twice: kept once",
            )
            return
        self.edge_at[pair] = f"edge {name}" if name else f"the edge at line {item.line}"
        self.outs[ends[0]].append(ends[1])
        self.ins[ends[1]].append(ends[0])

    def _dropped_blocks(self, graph: Map, root: Map) -> None:
        for key in ("locutions", "participants", "schemefulfillments", "descriptorfulfillments"):
            entry = graph.pairs.get(key)
            if entry is not None and isinstance(entry[1], Seq) and entry[1].items:
                self.b.note(
                    self.pos(entry[0]), f"{len(entry[1].items)} {key} (dialogue data) dropped"
                )

    def _text(self, nid: str) -> str | None:
        node = self.bodies[nid].pairs.get("text", (None, None))[1]
        if isinstance(node, Scalar) and isinstance(node.value, str) and node.value.strip():
            return node.value
        self.b.note(
            self.pos(node or self.bodies[nid]),
            f"I node {nid} has no text: skipped with its edges",
        )
        return None

    def _claims(self) -> None:
        for nid, kind in self.types.items():
            text = self._text(nid) if kind == "I" else None
            if text is None:
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
            self.b.add_claim(cid, text, self.pos(body), fields)

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
        seen: dict[tuple[frozenset[str], tuple[str, ...]], str] = {}
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
            key = (frozenset(premises), tuple(conclusions))
            if key in seen:
                made[nid] = made[seen[key]]
                self.b.note(
                    pos,
                    f"RA node {nid} repeats the inference of RA node {seen[key]} "
                    f"({', '.join(premises)} → {', '.join(conclusions)}): kept once",
                )
                continue
            seen[key] = nid
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
            originals, rephrasings = (
                self._claims_around(nid, "in"),
                self._claims_around(nid, "out"),
            )
            if not originals or not rephrasings:
                self.b.note(
                    self.pos(self.bodies[nid]),
                    f"MA node {nid} has no {'source' if not originals else 'target'}: dropped",
                )
            for target in rephrasings:
                for original in originals:
                    if original != target:
                        self.b.add_rephrase(target, original)

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
