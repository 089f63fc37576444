"""The node graph that AIF and SADFace share, turned into a map.

Both formats are graphs of *claim nodes* (AIF's I nodes, SADFace's atoms) and
*scheme nodes* joined by directed edges: premise → inference scheme →
conclusion (AIF's RA, SADFace's support), attacker → conflict scheme → target
(CA, SADFace's conflict; aimed at an inference scheme it is an undercut), and
original → rephrase scheme → rephrasing (MA). :class:`NodeGraph` collects the
nodes and edges with their positions, skips bad parts with an ``import-note``
(AM001) at their line and column, and builds the map through
:class:`~argmap.io.builder.MapBuilder`. Readers subclass it for each format's
keys (:mod:`argmap.io.aif.reader`, :mod:`argmap.io.sadface.reader`).

Node kinds used here: ``I`` (claim), ``RA`` (inference), ``CA`` (conflict),
``MA`` (rephrase); any other kind is kept out of the map by the reader.
"""

from __future__ import annotations

from argmap.io.builder import DATA_KEYS, MapBuilder, safe_id
from argmap.io.tree import Map, Node, Scalar
from argmap.io.yaml.fields import ClaimFields
from argmap.model import Position


def node_id(node: Node | None) -> str | None:
    """The id ``node`` holds (a non-blank string or a whole number, as a string), else None."""
    if (
        isinstance(node, Scalar)
        and isinstance(node.value, (str, int))
        and not isinstance(node.value, bool)
    ):
        value = str(node.value)
        return value if value.strip() else None
    return None


def entry(body: Map, key: str) -> Node | None:
    """The value of ``key`` in ``body``, or None."""
    pair = body.pairs.get(key)
    return pair[1] if pair is not None else None


class NodeGraph:
    """Nodes and edges of one document, with their positions; :meth:`assemble` builds the map.

    Attributes:
        path: the file named in findings.
        b: the builder collecting errors and notes.
        types: node id → kind (``I``, ``RA``, ``CA``, ``MA`` or another).
        bodies: node id → its JSON object.
        claim_of: claim node id → claim id.
    """

    #: How messages name a claim node and a scheme node of each kind.
    NAMES = {"I": "I node", "RA": "RA node", "CA": "CA node", "MA": "MA node"}

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
        """Where ``node`` stands in the file."""
        return Position(self.path, node.line, node.column)

    def name(self, nid: str) -> str:
        """How messages name node ``nid`` (``"RA node 4"``)."""
        return f"{self.NAMES.get(self.types[nid], 'node')} {nid}"

    # -- hooks for each format ---------------------------------------------

    def text(self, nid: str) -> Node | None:
        """The node holding claim node ``nid``'s text."""
        return entry(self.bodies[nid], "text")

    def extra(self, nid: str) -> Node | None:
        """The node holding argmap's own data on node ``nid`` (or None)."""
        return entry(self.bodies[nid], "argmap")

    # -- collecting --------------------------------------------------------

    def add_node(self, nid: str, kind: str, body: Map, id_node: Node) -> None:
        """Add node ``nid`` of ``kind``; an id given twice is an error (at ``id_node``)."""
        if nid in self.types:
            self.b.error(self.pos(id_node), f"node id {nid!r} is used twice")
            return
        self.types[nid], self.bodies[nid] = kind, body
        self.ins[nid], self.outs[nid] = [], []

    def add_edge(self, item: Map, name: str | None, ends: tuple[tuple[str, Node], ...]) -> None:
        """Add the edge ``item`` (named ``name``) between the ids of ``ends``
        (``((key, id node), (key, id node))``, from first to second); an edge
        lacking an end or naming no node is skipped with a note, one given
        twice is kept once with a note."""
        what = f"edge {name}" if name else "an edge"
        found = []
        for key, node in ends:
            nid = node_id(node) if node is not item else None
            if nid is None:
                self.b.note(self.pos(node), f"{what} has no '{key}' (a node id): skipped")
                return
            if nid not in self.types:
                self.b.note(self.pos(node), f"{what}: {key} {nid!r} names no node: skipped")
                return
            found.append(nid)
        pair = (found[0], found[1])
        if pair in self.edge_at:
            self.b.note(
                self.pos(item),
                f"{what} repeats {self.edge_at[pair]}: {pair[0]} → {pair[1]} given twice: "
                "kept once",
            )
            return
        self.edge_at[pair] = f"edge {name}" if name else f"the edge at line {item.line}"
        self.outs[pair[0]].append(pair[1])
        self.ins[pair[1]].append(pair[0])

    # -- building ----------------------------------------------------------

    def assemble(self) -> None:
        """Add the claims, inferences, conflicts and rephrases to :attr:`b`."""
        self.b.fail_now()
        self._claims()
        self._conflicts(self._inferences())
        self._rephrases()

    def _text(self, nid: str) -> str | None:
        node = self.text(nid)
        if isinstance(node, Scalar) and isinstance(node.value, str) and node.value.strip():
            return node.value
        self.b.note(
            self.pos(node or self.bodies[nid]),
            f"{self.name(nid)} has no text: skipped with its edges",
        )
        return None

    def _claims(self) -> None:
        for nid, kind in self.types.items():
            text = self._text(nid) if kind == "I" else None
            if text is None:
                continue
            body = self.bodies[nid]
            extra = self.extra(nid)
            fields: ClaimFields = {}
            cid = nid
            if extra is not None:
                cid, fields = self._claim_extra(nid, extra)
            if cid in self.b.claims:
                self.b.error(self.pos(body), f"claim id {cid!r} is used by two claim nodes")
                continue
            self.claim_of[nid] = cid
            self.b.add_claim(cid, text, self.pos(body), fields)

    def _claim_extra(self, nid: str, extra: Node) -> tuple[str, ClaimFields]:
        if not isinstance(extra, Map):
            self.b.error(self.pos(extra), f"the argmap data of node {nid} must be an object")
            return nid, {}
        for key, (knode, _) in extra.pairs.items():
            if key != "id" and key not in DATA_KEYS:
                self.b.error(
                    self.pos(knode), f"unknown key {key!r} in the argmap data of node {nid}"
                )
        cid = node_id(extra.pairs.get("id", (None, None))[1]) or nid
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
                    f"{self.name(nid)} has no {'conclusion' if premises else 'premise'}: dropped",
                )
                continue
            key = (frozenset(premises), tuple(conclusions))
            if key in seen:
                made[nid] = made[seen[key]]
                self.b.note(
                    pos,
                    f"{self.name(nid)} repeats the inference of {self.name(seen[key])} "
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
        extra = self.extra(nid)
        linked = stored = None
        if isinstance(extra, Map):
            flag = extra.pairs.get("linked", (None, None))[1]
            linked = (
                flag.value if isinstance(flag, Scalar) and isinstance(flag.value, bool) else None
            )
            stored = node_id(extra.pairs.get("id", (None, None))[1])
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
                    f"{self.name(nid)} has no {'target' if attackers else 'attacker'}: dropped",
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
                    f"{self.name(nid)} has no {'source' if not originals else 'target'}: dropped",
                )
            for target in rephrasings:
                for original in originals:
                    if original != target:
                        self.b.add_rephrase(target, original)
