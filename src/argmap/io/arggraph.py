"""Read the arggraph XML of the Potsdam argumentative microtext corpus.

The format (Peldszus & Stede 2013, "From argument diagrams to argumentation
mining in texts", IJCINI 7(1); the corpus's ``arggraph.dtd``): ``<edu id>``
elements hold the text segments, ``<joint id>`` joins adjacent EDUs, ``<adu id
type="pro|opp">`` are the argumentative units (proponent or opponent), and
``<edge id src trg type>`` connects them: ``seg`` (EDU → JOINT/ADU, JOINT →
ADU), ``sup`` (support), ``exa`` (support by example), ``reb`` (rebutting
attack), ``und`` (undercutting attack, aimed at an edge) and ``add`` (an
additional premise, aimed at the edge whose premise it joins).

Reading: each ADU is a claim with the ADU's id and the text of its EDUs in
document order (joined by a space). ``sup``/``exa`` → a support (a one-premise
inference, or, with ``add`` edges aimed at it, a linked inference whose id is
the edge's id); ``reb`` → an attack; ``und`` aimed at a support → an undercut
of that inference. argmap cannot undercut an attack or join premises of an
attack, so ``und`` aimed at an attack becomes an attack on that attack's
attacker and ``add`` aimed at an attack a second attack by its own source; both
are reported as ``import-note`` (AM001). Kinds: the central claim (the ADU with
no outgoing argumentative edge) is the thesis; an ADU that only attacks is an
objection (``opp``) or a rebuttal (``pro``); one that only gives an example is
evidence (tagged ``example``); every other is a premise. Opponent ADUs are
tagged ``opponent``. The title is the graph's ``id`` and ``topic_id``
(``micro_b001: waste separation``).

Malformed XML, a missing or repeated id, an edge naming no element of the
right sort, and an ADU without text are refused (exit 2) at the element's line
and column; an EDU in no ADU and an unknown element are notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.io.builder import MapBuilder
from argmap.io.exchange import Imported
from argmap.io.xmltree import XmlElement, parse_xml
from argmap.io.yaml.fields import ClaimFields
from argmap.model import Position

#: The edge types that argue (every type but ``seg``).
ARGUING = ("sup", "exa", "add", "reb", "und")


@dataclass
class _Graph:
    """The elements of one file by id, each with its element."""

    edus: dict[str, XmlElement] = field(default_factory=dict)
    joints: dict[str, XmlElement] = field(default_factory=dict)
    adus: dict[str, XmlElement] = field(default_factory=dict)
    edges: dict[str, XmlElement] = field(default_factory=dict)


def loads_arggraph(text: str, path: str = "<string>") -> Imported:
    """Read arggraph XML; ``path`` names it in messages.

    Raises:
        MapLoadError: malformed XML or a broken reference (see the module
            docstring), with line and column.
    """
    root = parse_xml(text, path, "arggraph XML")
    b = MapBuilder(path)
    if root.local != "arggraph":
        b.error(_pos(path, root), f"the root element is <{root.local}>, not <arggraph>")
        b.fail_now()
    graph = _collect(b, root)
    b.fail_now()
    texts = _texts(b, graph)
    b.fail_now()
    _Reader(b, graph).read(texts)
    topic = root.attrib.get("topic_id", "").replace("_", " ")
    title = ": ".join(v for v in (root.attrib.get("id"), topic) if v)
    return b.build(title=title or None)


def _pos(path: str, element: XmlElement) -> Position:
    return Position(path, element.line, element.column)


def _collect(b: MapBuilder, root: XmlElement) -> _Graph:
    graph = _Graph()
    places = {"edu": graph.edus, "joint": graph.joints, "adu": graph.adus, "edge": graph.edges}
    seen: set[str] = set()
    for child in root.children:
        place = places.get(child.local)
        if place is None:
            b.note(_pos(b.path, child), f"<{child.local}> is no arggraph element: left out")
            continue
        eid = child.attrib.get("id", "").strip()
        if not eid:
            b.error(_pos(b.path, child), f"<{child.local}> has no id")
        elif eid in seen:
            b.error(_pos(b.path, child), f"id {eid!r} is used twice")
        else:
            seen.add(eid)
            place[eid] = child
    for eid, edge in graph.edges.items():
        _check_edge(b, graph, eid, edge)
    return graph


def _check_edge(b: MapBuilder, graph: _Graph, eid: str, edge: XmlElement) -> None:
    kind, src, trg = (edge.attrib.get(k, "") for k in ("type", "src", "trg"))
    sources: tuple[dict[str, XmlElement], ...]
    targets: tuple[dict[str, XmlElement], ...]
    if kind == "seg":
        sources, targets, sort = (graph.edus, graph.joints), (graph.joints, graph.adus), "EDU"
    elif kind in ARGUING:
        edge_target = kind in ("add", "und")
        sources, sort = (graph.adus,), "ADU"
        targets = (graph.edges,) if edge_target else (graph.adus,)
    else:
        b.error(
            _pos(b.path, edge), f"edge {eid} has type {kind!r}; types: seg, {', '.join(ARGUING)}"
        )
        return
    if not any(src in s for s in sources):
        b.error(_pos(b.path, edge), f"edge {eid} starts at {src!r}, which is no {sort}")
    if not any(trg in t for t in targets):
        want = "edge" if kind in ("add", "und") else ("ADU or joint" if kind == "seg" else "ADU")
        b.error(_pos(b.path, edge), f"edge {eid} ends at {trg!r}, which is no {want}")
    elif kind in ("add", "und") and graph.edges[trg].attrib.get("type") in ("seg", "add"):
        b.error(
            _pos(b.path, edge), f"edge {eid} ({kind}) is aimed at edge {trg}, which does not argue"
        )


def _texts(b: MapBuilder, graph: _Graph) -> dict[str, str]:
    """ADU id → its text: its EDUs' texts in document order, through joints."""
    into: dict[str, list[str]] = {}
    for edge in graph.edges.values():
        if edge.attrib.get("type") == "seg":
            into.setdefault(edge.attrib["trg"], []).append(edge.attrib["src"])
    order = {eid: n for n, eid in enumerate(graph.edus)}
    used: set[str] = set()
    texts = {}
    for aid, adu in graph.adus.items():
        edus = {
            e for s in into.get(aid, []) for e in (into.get(s, []) if s in graph.joints else [s])
        }
        used |= edus
        text = " ".join(
            " ".join(graph.edus[e].text.split()) for e in sorted(edus, key=lambda e: order[e])
        )
        if not text.strip():
            b.error(_pos(b.path, adu), f"ADU {aid} has no text: no seg edge brings an EDU to it")
        texts[aid] = text
    for eid, edu in graph.edus.items():
        if eid not in used:
            b.note(_pos(b.path, edu), f"EDU {eid} belongs to no ADU: its text is left out")
    return texts


class _Reader:
    """Turns the checked graph into claims and relations."""

    def __init__(self, b: MapBuilder, graph: _Graph):
        self.b, self.graph = b, graph
        self.arguing = {
            eid: e for eid, e in graph.edges.items() if e.attrib.get("type") in ARGUING
        }
        self.adds: dict[str, list[str]] = {}
        self.add_at: dict[str, Position] = {}
        for e in self.arguing.values():
            if e.attrib["type"] == "add":
                self.adds.setdefault(e.attrib["trg"], []).append(e.attrib["src"])
                self.add_at[e.attrib["src"]] = _pos(b.path, e)
        self.inference: dict[str, str] = {}

    def read(self, texts: dict[str, str]) -> None:
        out: dict[str, set[str]] = {aid: set() for aid in self.graph.adus}
        for e in self.arguing.values():
            joined = self.graph.edges[e.attrib["trg"]] if e.attrib["type"] == "add" else e
            out[e.attrib["src"]].add(joined.attrib["type"])  # an add argues as what it joins
        for aid, adu in self.graph.adus.items():
            self.b.add_claim(aid, texts[aid], _pos(self.b.path, adu), self._fields(adu, out[aid]))
        for eid, e in self.arguing.items():
            if e.attrib["type"] in ("sup", "exa"):
                self._support(eid, e)
        for eid, e in self.arguing.items():
            if e.attrib["type"] == "reb":
                self._attack(eid, e.attrib["src"], e.attrib["trg"])
        for eid, e in self.arguing.items():
            if e.attrib["type"] == "und":
                self._undercut(eid, e)

    def _fields(self, adu: XmlElement, out: set[str]) -> ClaimFields:
        opp = adu.attrib.get("type") == "opp"
        fields: ClaimFields = {}
        if not out:
            fields["kind"] = "thesis"
        elif out <= {"reb", "und"}:
            fields["kind"] = "objection" if opp else "rebuttal"
        elif out == {"exa"}:
            fields["kind"] = "evidence"
        else:
            fields["kind"] = "premise"
        tags = (["example"] if "exa" in out else []) + (["opponent"] if opp else [])
        if tags:
            fields["tags"] = tuple(tags)
        return fields

    def _support(self, eid: str, e: XmlElement) -> None:
        pos = _pos(self.b.path, e)
        src, trg = e.attrib["src"], e.attrib["trg"]
        if eid in self.adds:
            self.inference[eid] = self.b.add_inference([src, *self.adds[eid]], trg, pos, eid)
        else:
            self.inference[eid] = self.b.add_inference([src], trg, pos)

    def _attack(self, eid: str, attacker: str, target: str) -> None:
        pos = _pos(self.b.path, self.graph.edges[eid])
        self.b.add_attack(attacker, target, pos)
        for other in self.adds.get(eid, []):
            where = self.add_at[other]
            self.b.note(where, f"{other} joins the attack {eid} (add): kept as its own attack")
            self.b.add_attack(other, target, pos)

    def _undercut(self, eid: str, e: XmlElement) -> None:
        pos = _pos(self.b.path, e)
        target = self.graph.edges[e.attrib["trg"]]
        attackers = [e.attrib["src"], *self.adds.get(eid, [])]
        for other in self.adds.get(eid, []):
            self.b.note(
                self.add_at[other], f"{other} joins the undercut {eid} (add): kept as its own"
            )
        if e.attrib["trg"] in self.inference:
            for attacker in attackers:
                self.b.add_undercut(attacker, self.inference[e.attrib["trg"]], pos)
            return
        for attacker in attackers:
            self.b.note(
                pos,
                f"{attacker} undercuts the attack {e.attrib['trg']}, which argmap cannot hold: "
                f"kept as an attack on its attacker {target.attrib['src']}",
            )
            self.b.add_attack(attacker, target.attrib["src"], pos)
