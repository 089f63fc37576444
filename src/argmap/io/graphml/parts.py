"""What the GraphML reader collects: data keys by name, junctions, node labels and
relations, and claim fields as a node tree the YAML loader's rules check."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.io.builder import MapBuilder
from argmap.io.tree import Map, Node, Scalar, Seq
from argmap.io.xmltree import XmlElement
from argmap.model import Position

#: The relations argmap's GraphML edges carry.
RELATIONS = ("support", "premise", "attack", "undercut")
#: A paragraph number: ASCII digits, few enough to be a number (others stay text,
#: which the YAML rules then refuse with their position).
_DIGITS = re.compile(r"[0-9]{1,9}")


@dataclass
class Junction:
    """A junction node: its inference id, where it stands, and what meets there."""

    iid: str
    pos: Position
    premises: list[str] = field(default_factory=list)
    conclusion: str | None = None
    undercuts: list[tuple[str, Position]] = field(default_factory=list)


class Parts:
    """The key declarations of one file and what its nodes turned into.

    Attributes:
        b: the map being built.
        names: key id → its ``attr.name`` (keys without one are left out).
        claims: node id → claim id.
        junctions: node id → :class:`Junction`.
        seen: every node id read so far (one given twice is refused).
    """

    def __init__(self, b: MapBuilder, root: XmlElement):
        self.b = b
        self.names = {
            k.attrib.get("id", ""): k.attrib["attr.name"]
            for k in root.children
            if k.local == "key" and "attr.name" in k.attrib
        }
        self.claims: dict[str, str] = {}
        self.junctions: dict[str, Junction] = {}
        self.seen: set[str] = set()

    def pos(self, element: XmlElement) -> Position:
        """Where ``element`` starts in the file."""
        return Position(self.b.path, element.line, element.column)

    def data(self, element: XmlElement) -> dict[str, tuple[str, Position]]:
        """``attr.name → (value, position)`` of the element's own ``<data>`` children."""
        out = {}
        for child in element.children:
            name = self.names.get(child.attrib.get("key", ""))
            if child.local == "data" and name is not None:
                out[name] = (child.text, self.pos(child))
        return out


def node_label(node: XmlElement) -> str | None:
    """The text of the node's first yEd ``NodeLabel``, or None when it has none."""
    for element in node.iter():
        if element.local == "NodeLabel":
            return element.text
    return None


def relation_of(parts: Parts, edge: XmlElement) -> str:
    """The edge's ``relation`` value; for an edge drawn in yEd without one, ``attack``
    when its line is dashed or dotted and ``support`` otherwise (with a note)."""
    given = parts.data(edge).get("relation")
    if given is not None and given[0] in RELATIONS:
        return given[0]
    dashed = any(
        e.local == "LineStyle" and e.attrib.get("type", "line") != "line" for e in edge.iter()
    )
    relation = "attack" if dashed else "support"
    what = f"relation {given[0]!r}" if given is not None else "no relation"
    parts.b.note(parts.pos(edge), f"an edge with {what} is read as {relation}")
    return relation


def claim_body(data: dict[str, tuple[str, Position]], node: XmlElement) -> Map:
    """The claim fields of a node's data (kind, para, source, tags, score) as the YAML
    tree :meth:`MapBuilder.claim_fields` checks, each value at its ``<data>``."""
    pairs: dict[object, tuple[Scalar, Node]] = {}

    def put(name: str, value: Node) -> None:
        pairs[name] = (Scalar(name, value.line, value.column), value)

    def scalar(value: object, pos: Position) -> Scalar:
        return Scalar(value, pos.line, pos.column)

    for name, (text, pos) in data.items():
        if name == "kind":
            put("kind", scalar(text, pos))
        elif name == "para" and text.strip():
            items = [
                scalar(int(p) if _DIGITS.fullmatch(p.strip()) else p, pos) for p in text.split(",")
            ]
            put("para", Seq(list(items), pos.line, pos.column))
        elif name == "source" and text:
            put("source", scalar(text, pos))
        elif name == "tags" and text:
            put("tags", Seq([scalar(t, pos) for t in text.split("; ")], pos.line, pos.column))
        elif name == "score" and text.strip():
            put("score", scalar(_number(text), pos))
    return Map(pairs, node.line, node.column)


def _number(text: str) -> object:
    try:
        return float(text)
    except ValueError:
        return text
