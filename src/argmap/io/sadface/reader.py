"""Reading SADFace JSON (:func:`loads_sadface`).

Atoms become claims (the atom's ``id`` is the claim id unless argmap's own
data names one); a ``support`` or ``inference`` scheme becomes an inference
(one premise: a ``supports``; several: a linked inference named by the
scheme's id); a ``conflict``, ``disagreement``, ``attack`` or ``defeat``
scheme (or a node of type ``conflict``) an attack, or an undercut when it is
aimed at a support scheme; a ``rephrase`` scheme a ``rephrases:``. A scheme
with any other name (an argumentation scheme such as "Expert Opinion") is read
as a support, with a note. ``metadata.core.claim`` makes its atom the thesis;
``metadata.core.title`` is the map's title; an atom's first source gives the
claim's ``span`` (offset, offset + length). argmap's own data travels in
``argmap`` metadata blocks (on the document, each atom and each scheme), so
argmap → SADFace → argmap loses nothing.

Notes (AM001), each at its line and column: what is not kept (the document's
analyst, dates, id, description and notes, other metadata namespaces, the
resources' texts, an atom's further sources), and every bad part skipped (an
edge naming no node, a node without id or type, an atom without text); the
rules of :class:`~argmap.io.aif.graph.NodeGraph` apply (an edge given twice
is kept once, two support schemes between the same claims are one
inference). Errors: malformed JSON, no ``nodes`` or ``edges`` list, a node id
used twice, invalid argmap data or claim text.
"""

from __future__ import annotations

import json

from argmap.io.aif.graph import NodeGraph, entry, node_id
from argmap.io.builder import MapMeta
from argmap.io.exchange import Imported
from argmap.io.json.tree import compose_json
from argmap.io.tree import Map, Node, Scalar, Seq
from argmap.io.yaml.fields import FieldReader

#: Scheme names read as each relation (lower case); any other name is a support.
SCHEME_KINDS = {
    "support": "RA",
    "inference": "RA",
    "default inference": "RA",
    "conflict": "CA",
    "disagreement": "CA",
    "attack": "CA",
    "defeat": "CA",
    "default conflict": "CA",
    "rephrase": "MA",
    "default rephrase": "MA",
}
#: Keys of ``metadata.core`` that argmap reads or needs not keep (the document's
#: ``id`` and ``version``, which a writer makes anew); the others are noted as not kept.
_CORE_READ = ("title", "claim", "version", "id")


def looks_like_sadface(text: str) -> bool:
    """True when ``text`` is JSON shaped like SADFace: ``nodes`` and ``edges`` lists and a
    ``metadata.core`` block, an ``atom`` or ``scheme`` node, or an edge with ``source_id``."""
    try:
        doc = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return sadface_shaped(doc)


def sadface_shaped(doc: object) -> bool:
    """:func:`looks_like_sadface` of a parsed JSON document."""
    if not isinstance(doc, dict):
        return False
    nodes, edges, meta = doc.get("nodes"), doc.get("edges"), doc.get("metadata")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return False
    if isinstance(meta, dict) and isinstance(meta.get("core"), dict):
        return True
    typed = any(isinstance(n, dict) and n.get("type") in ("atom", "scheme") for n in nodes)
    return typed or any(isinstance(e, dict) and "source_id" in e for e in edges)


def loads_sadface(text: str, path: str = "<string>") -> Imported:
    """Read SADFace JSON into a map (see the module docstring for what is kept).

    Raises:
        MapLoadError: malformed JSON, no ``nodes`` or ``edges`` list, a node
            id used twice, invalid argmap data or claim text (all with line
            and column).
    """
    return _SadfaceReader(path).read(compose_json(text, path))


class _SadfaceReader(NodeGraph):
    """Reads the node tree of one SADFace document."""

    NAMES = {"I": "atom", "RA": "scheme", "CA": "scheme", "MA": "scheme"}

    def extra(self, nid: str) -> Node | None:
        meta = entry(self.bodies[nid], "metadata")
        return entry(meta, "argmap") if isinstance(meta, Map) else None

    def read(self, root: Node) -> Imported:
        if not isinstance(root, Map):
            self.b.error(self.pos(root), "a SADFace file must be a JSON object with 'nodes'")
            self.b.fail_now()
        assert isinstance(root, Map)
        for item in self._list(root, "nodes"):
            self._node(item)
        for item in self._list(root, "edges"):
            self._edge(item)
        self.assemble()
        meta = entry(root, "metadata")
        core = entry(meta, "core") if isinstance(meta, Map) else None
        self._thesis(core)
        self._not_kept(root, meta, core)
        return self.b.build(**self._map_meta(meta, core))

    def _list(self, root: Map, key: str) -> list[Node]:
        found = entry(root, key)
        if not isinstance(found, Seq):
            where = found if found is not None else root
            self.b.error(self.pos(where), f"a SADFace file needs a '{key}' list")
            return []
        return found.items

    def _node(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.note(self.pos(item), "a node that is no object (id, type): skipped")
            return
        id_node = entry(item, "id")
        nid = node_id(id_node)
        if id_node is None or nid is None:
            self.b.note(self.pos(id_node or item), "a node without an 'id': skipped")
            return
        kind = self._kind(nid, item)
        if kind is not None:
            self.add_node(nid, kind, item, id_node)

    def _kind(self, nid: str, item: Map) -> str | None:
        kind = entry(item, "type")
        value = kind.value if isinstance(kind, Scalar) else None
        if value == "atom":
            return "I"
        if value not in ("scheme", "conflict"):
            self.b.note(
                self.pos(kind or item),
                f'node {nid} is neither "atom" nor "scheme": skipped with its edges',
            )
            return None
        name = entry(item, "name")
        label = name.value if isinstance(name, Scalar) and isinstance(name.value, str) else ""
        if value == "conflict":
            return "CA"
        if label.strip().lower() not in SCHEME_KINDS:
            self.b.note(
                self.pos(name or item),
                f"scheme {nid} named {label!r} is read as a support (its name is not kept)",
            )
        return SCHEME_KINDS.get(label.strip().lower(), "RA")

    def _edge(self, item: Node) -> None:
        if not isinstance(item, Map):
            self.b.note(
                self.pos(item), "an edge that is no object (source_id, target_id): skipped"
            )
            return
        ends = tuple((key, entry(item, key) or item) for key in ("source_id", "target_id"))
        self.add_edge(item, node_id(entry(item, "id")), ends)

    def _thesis(self, core: Node | None) -> None:
        claim = entry(core, "claim") if isinstance(core, Map) else None
        nid = node_id(claim)
        if claim is None or nid is None:
            return
        if nid not in self.claim_of:
            self.b.note(self.pos(claim), f"the main claim {nid!r} names no atom: not kept")
            return
        self.b.claims[self.claim_of[nid]].setdefault("kind", "thesis")

    def _not_kept(self, root: Map, meta: Node | None, core: Node | None) -> None:
        """Notes for the data argmap has no place for."""
        old = ("analyst_name", "analyst_email", "created", "edited")  # SADFace 0.1
        lost: list[str] = [k for k in old if _given(entry(root, k))]
        if isinstance(core, Map):
            lost += [
                str(k) for k, (_, v) in core.pairs.items() if k not in _CORE_READ and _given(v)
            ]
        if lost:
            self.b.note(self.pos(core or root), f"document data not kept: {', '.join(lost)}")
        if isinstance(meta, Map):
            spaces = [str(k) for k in meta.pairs if k not in ("core", "argmap")]
            if spaces:
                self.b.note(self.pos(meta), f"metadata not kept: {', '.join(spaces)}")
        resources = entry(root, "resources")
        if isinstance(resources, Seq) and resources.items:
            count = len(resources.items)
            self.b.note(self.pos(resources), f"{count} resource(s) (source texts) not kept")
        self._sources()

    def _sources(self) -> None:
        """An atom's first source gives its span; the others are noted as not kept."""
        for nid, cid in self.claim_of.items():
            sources = entry(self.bodies[nid], "sources")
            items = sources.items if isinstance(sources, Seq) else []
            fields = self.b.claims[cid]
            if items and "span" not in fields:
                span = _span(items[0])
                if span is not None:
                    fields["span"] = span
            if len(items) > 1 or (items and "span" not in fields):
                assert sources is not None
                kept = 1 if "span" in fields else 0
                self.b.note(
                    self.pos(sources),
                    f"atom {nid}: {len(items) - kept} source(s) not kept (argmap keeps one span)",
                )

    def _map_meta(self, meta: Node | None, core: Node | None) -> MapMeta:
        data = entry(meta, "argmap") if isinstance(meta, Map) else None
        if data is not None and not isinstance(data, Map):
            self.b.error(self.pos(data), "the argmap metadata must be an object")
        kwargs: MapMeta = self.b.map_meta(data, self.pos(data)) if isinstance(data, Map) else {}
        title = entry(core, "title") if isinstance(core, Map) else None
        if title is not None and kwargs.get("title") is None:
            reader = FieldReader(self.path)
            kwargs["title"] = reader.string(title, "the title")
            self.b.errors.extend(reader.errors)
        return kwargs


def _given(node: Node | None) -> bool:
    """False for a missing, null or empty value (nothing lost when left out)."""
    return node is not None and not (isinstance(node, Scalar) and node.value in (None, ""))


def _span(source: Node) -> tuple[int, int] | None:
    """``(offset, offset + length)`` of a SADFace source, or None."""
    if not isinstance(source, Map):
        return None
    offset, length = entry(source, "offset"), entry(source, "length")
    values = [n.value if isinstance(n, Scalar) else None for n in (offset, length)]
    if all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
        start, size = values
        assert isinstance(start, int) and isinstance(size, int)
        return start, start + size
    return None
