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

from argmap.io.aif.graph import NodeGraph, entry, node_id
from argmap.io.aif.writer import SCHEME_TEXT
from argmap.io.builder import MapMeta
from argmap.io.exchange import Imported
from argmap.io.json.tree import compose_json
from argmap.io.tree import Map, Node, Scalar, Seq

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
    return _AifReader(path).read(compose_json(text, path))


class _AifReader(NodeGraph):
    """Reads the node tree of one AIF document."""

    def read(self, root: Node) -> Imported:
        if not isinstance(root, Map):
            self.b.error(
                self.pos(root), "an AIF file must be a JSON object with 'nodes' and 'edges'"
            )
            self.b.fail_now()
        assert isinstance(root, Map)
        graph = self._wrapped(root) if "AIF" in root.pairs else root
        for item in self._list(graph, "nodes"):
            self._node(item)
        for item in self._list(graph, "edges"):
            self._edge(item)
        self._dropped_blocks(graph, root)
        self.assemble()
        self._dropped_nodes(graph)
        meta = entry(root, "argmap")
        if meta is not None and not isinstance(meta, Map):
            self.b.error(self.pos(meta), "the 'argmap' key must hold an object")
        kwargs: MapMeta = self.b.map_meta(meta, self.pos(meta)) if isinstance(meta, Map) else {}
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
        found = entry(graph, key)
        if found is None:
            self.b.error(self.pos(graph), f"the AIF object has no '{key}' list: add one")
            return []
        if not isinstance(found, Seq):
            self.b.error(self.pos(found), f"'{key}' must be a list")
            return []
        return found.items

    def _node(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.note(self.pos(item), "a node that is no object (nodeID, type, text): skipped")
            return
        id_node = entry(item, "nodeID")
        nid = node_id(id_node)
        if id_node is None or nid is None:
            self.b.note(
                self.pos(id_node or item),
                "a node without a 'nodeID' (a string or a number): skipped",
            )
            return
        kind = entry(item, "type")
        if not isinstance(kind, Scalar) or not isinstance(kind.value, str):
            self.b.note(
                self.pos(kind or item),
                f'node {nid} has no \'type\' such as "I" or "RA": skipped with its edges',
            )
            return
        self.add_node(nid, kind.value, item, id_node)
        self._scheme(nid, kind.value, item)

    def _scheme(self, nid: str, kind: str, item: Map) -> None:
        """Note a named scheme (``"Argument From Expert Opinion"``) of an RA, CA or MA node:
        argmap keeps the step, not the scheme's name."""
        if kind not in SCHEME_TEXT:
            return
        for key in ("scheme", "text"):
            named = entry(item, key)
            if (
                isinstance(named, Scalar)
                and isinstance(named.value, str)
                and named.value.strip()
                and named.value.strip() not in SCHEME_TEXT.values()
            ):
                self.b.note(
                    self.pos(named),
                    f"the scheme {named.value.strip()!r} of {kind} node {nid} is not kept "
                    "(argmap keeps the step, not the name of its scheme)",
                )
                return

    def _edge(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.note(self.pos(item), "an edge that is no object (fromID, toID): skipped")
            return
        ends = tuple((key, entry(item, key) or item) for key in ("fromID", "toID"))
        self.add_edge(item, node_id(entry(item, "edgeID")), ends)

    def _dropped_blocks(self, graph: Map, root: Map) -> None:
        for key in ("locutions", "participants", "schemefulfillments", "descriptorfulfillments"):
            entry = graph.pairs.get(key)
            if entry is not None and isinstance(entry[1], Seq) and entry[1].items:
                self.b.note(
                    self.pos(entry[0]), f"{len(entry[1].items)} {key} (dialogue data) dropped"
                )

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
