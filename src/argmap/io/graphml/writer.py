"""Write an argument map as GraphML for Gephi, yEd and graph libraries.

GraphML (http://graphml.graphdrawing.org, "GraphML Primer") declares data
keys and attaches values to nodes and edges. Each claim is a node with the
keys ``label`` (Gephi shows it), ``kind``, ``text``, ``claim`` (the id),
``para``, ``source``, ``tags`` and ``score`` (and ``argmap``: a JSON object
with what the plain keys cannot give back, written only when there is some:
the exact ``tags`` and ``sources`` lists for several sources or a tag holding
``;`` or a line break, and ``ignore``, ``span``, ``granted``, ``standard`` and
``rephrases`` as the YAML map writes them); the graph's own ``argmap`` key holds the map's
``source``, ``theme``, ``checks``, ``evaluation`` and ``draft`` as JSON;
linked or undercut inferences are
``inference`` junction nodes; each edge has a ``relation`` (``support``,
``premise``, ``attack``, ``undercut``). yEd ignores those keys for display, so
every node and edge also carries yEd's own graphics (``y:ShapeNode`` with a
``y:NodeLabel``, colours by kind; ``y:PolyLineEdge``); after opening the file in
yEd, choose a layout (e.g. Layout → Hierarchical). The XML is built with
``xml.etree`` (text escaped), characters XML 1.0 cannot hold are replaced by
U+FFFD and reported. Nodes, junctions, edges, captions and colours are those
of :func:`argmap.diagram.diagram` and the default theme (claims ``n0``, ``n1``,
… in map order; junctions ``j0``, ``j1``, … as in every other output).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from argmap.diagram import (
    JUNCTION_COLOURS,
    KIND_COLOURS,
    RELATION_COLOURS,
    Diagram,
    Edge,
    caption,
    diagram,
)
from argmap.io.exchange import Exported, lost_fields
from argmap.io.mapdata import claim_dicts, map_to_dict
from argmap.model import ArgumentMap, Claim
from argmap.util.text import wrap_text

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
YED = "http://www.yworks.com/xml/graphml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = f"{GRAPHML} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
#: Node data keys: (id, attr.name, attr.type).
NODE_KEYS = (
    ("d0", "label", "string"),
    ("d1", "kind", "string"),
    ("d2", "text", "string"),
    ("d3", "claim", "string"),
    ("d4", "para", "string"),
    ("d5", "source", "string"),
    ("d6", "tags", "string"),
    ("d7", "score", "double"),
    ("d11", "argmap", "string"),
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE = {"support": "line", "premise": "line", "attack": "dashed", "undercut": "dotted"}
_ARROW = {"support": "standard", "premise": "none", "attack": "t_shape", "undercut": "t_shape"}
#: Wrap width of a claim's yEd label, in columns (sizes its box).
_LABEL_WIDTH = 32


def _q(tag: str, ns: str = GRAPHML) -> str:
    return f"{{{ns}}}{tag}"


class _Xml:
    """Builds the document, counting characters XML cannot hold."""

    def __init__(self) -> None:
        self.replaced: set[str] = set()

    def text(self, value: str) -> str:
        cleaned, count = _NOT_XML.subn("\ufffd", value)
        if count:
            self.replaced.add(value)
        return cleaned

    def data(self, parent: ET.Element, key: str, value: str) -> ET.Element:
        element = ET.SubElement(parent, _q("data"), key=key)
        element.text = self.text(value)
        return element

    def shape(
        self,
        parent: ET.Element,
        label: str,
        fill: str,
        border: str,
        shape: str,
        size: tuple[float, float],
    ) -> None:
        holder = ET.SubElement(parent, _q("data"), key="d8")
        node = ET.SubElement(holder, _q("ShapeNode", YED))
        ET.SubElement(
            node,
            _q("Geometry", YED),
            height=f"{size[1]:.1f}",
            width=f"{size[0]:.1f}",
            x="0.0",
            y="0.0",
        )
        ET.SubElement(node, _q("Fill", YED), color=fill, transparent="false")
        ET.SubElement(node, _q("BorderStyle", YED), color=border, type="line", width="2.0")
        name = ET.SubElement(
            node, _q("NodeLabel", YED), alignment="center", autoSizePolicy="content"
        )
        name.text = self.text(label)
        ET.SubElement(node, _q("Shape", YED), type=shape)

    def claim(self, graph: ET.Element, name: str, claim: Claim, body: dict[str, object]) -> None:
        node = ET.SubElement(graph, _q("node"), id=name)
        text = self.text(claim.text)
        values = {
            "d0": text,
            "d1": claim.kind,
            "d2": text,
            "d3": claim.id,
            "d4": ",".join(str(p) for p in claim.para),
            "d5": claim.source or "",
            "d6": "; ".join(claim.tags),
            "d7": repr(claim.score),
            "d11": _exact(claim, body),
        }
        for key, value in values.items():
            if value or key in ("d0", "d1", "d2", "d3", "d7"):
                self.data(node, key, value)
        lines = wrap_text(" ".join(text.split()), _LABEL_WIDTH)
        fill, border = KIND_COLOURS[claim.kind]
        self.shape(
            node,
            caption(claim) + "\n" + "\n".join(lines),
            fill,
            border,
            "roundrectangle",
            (240.0, 18.0 * (len(lines) + 1) + 12.0),
        )

    def edge(self, graph: ET.Element, k: int, edge: Edge) -> None:
        relation = edge.relation
        element = ET.SubElement(
            graph, _q("edge"), id=f"e{k}", source=edge.source, target=edge.target
        )
        self.data(element, "d9", relation)
        inf = edge.inference
        if relation == "support" and inf is not None and inf.linked and edge.source[0] == "n":
            self.data(element, "d13", inf.id)  # a linked inference of one premise, drawn direct
        holder = ET.SubElement(element, _q("data"), key="d10")
        line = ET.SubElement(holder, _q("PolyLineEdge", YED))
        ET.SubElement(
            line,
            _q("LineStyle", YED),
            color=RELATION_COLOURS[relation],
            type=_LINE[relation],
            width="2.0",
        )
        ET.SubElement(line, _q("Arrows", YED), source="none", target=_ARROW[relation])


#: Claim fields only the ``argmap`` data key carries (as the YAML map writes them).
EXACT_FIELDS = ("ignore", "span", "granted", "standard", "rephrases")
#: Map fields the graph's ``argmap`` data key carries (the title is the graph's ``desc``).
MAP_DATA = ("source", "theme", "checks", "evaluation", "draft")


def _exact(claim: Claim, body: dict[str, object]) -> str:
    """The claim's ``argmap`` value: ``{"tags": [...], "sources": [...]}`` (only the
    lists the plain keys cannot give back) and the :data:`EXACT_FIELDS` that are set
    (``body``: the claim as :func:`argmap.io.mapdata.claim_dicts` gives it), or ``""``."""
    exact: dict[str, object] = {}
    if any(";" in t or "\n" in t or "\r" in t or t != t.strip() for t in claim.tags):
        exact["tags"] = list(claim.tags)
    if claim.extra_sources:
        exact["sources"] = list(claim.sources)
    exact.update({k: body[k] for k in EXACT_FIELDS if k in body})
    return json.dumps(exact, ensure_ascii=False) if exact else ""


def map_data(amap: ArgumentMap) -> str:
    """The graph's ``argmap`` value: the map's :data:`MAP_DATA` as JSON, or ``""``."""
    whole = map_to_dict(amap)
    data = {k: whole[k] for k in MAP_DATA if k in whole}
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else ""


#: Keys of edges and of the graph: (id, for, attr.name, attr.type).
OTHER_KEYS = (
    ("d9", "edge", "relation", "string"),
    ("d13", "edge", "inference", "string"),
    ("d12", "graph", "argmap", "string"),
)


def _keys(root: ET.Element) -> None:
    for key, name, kind in NODE_KEYS:
        ET.SubElement(
            root, _q("key"), {"id": key, "for": "node", "attr.name": name, "attr.type": kind}
        )
    ET.SubElement(root, _q("key"), {"id": "d8", "for": "node", "yfiles.type": "nodegraphics"})
    for key, where, name, kind in OTHER_KEYS:
        attrs = {"id": key, "for": where, "attr.name": name, "attr.type": kind}
        ET.SubElement(root, _q("key"), attrs)
    ET.SubElement(root, _q("key"), {"id": "d10", "for": "edge", "yfiles.type": "edgegraphics"})


def _document(amap: ArgumentMap, shape: Diagram, xml: _Xml) -> ET.Element:
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("y", YED)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_q("graphml"), {_q("schemaLocation", XSI): _SCHEMA})
    _keys(root)
    graph = ET.SubElement(root, _q("graph"), id="G", edgedefault="directed")
    if amap.title:
        ET.SubElement(graph, _q("desc")).text = xml.text(amap.title)
    meta = map_data(amap)
    if meta:
        xml.data(graph, "d12", meta)
    bodies = claim_dicts(amap)
    for name, claim in shape.claims:
        xml.claim(graph, name, claim, bodies[claim.id])
    for junction in shape.junctions:
        node = ET.SubElement(graph, _q("node"), id=junction.name)
        iid = junction.inference.id
        for key, value in (("d0", iid), ("d1", "inference"), ("d2", iid)):
            xml.data(node, key, value)
        xml.shape(node, iid, *JUNCTION_COLOURS, "ellipse", (40.0, 40.0))
    for k, edge in enumerate(shape.edges):
        xml.edge(graph, k, edge)
    return root


def dump_graphml(amap: ArgumentMap) -> Exported:
    """The map as GraphML with Gephi data keys and yEd graphics (deterministic).

    Lost (and listed): inferences or undercuts naming no claim, and any
    character XML cannot hold.
    """
    shape = diagram(amap)
    xml = _Xml()
    root = _document(amap, shape, xml)
    ET.indent(root, space="  ")
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    )
    lost = list(shape.lost)
    kept = frozenset({"para", "source", "tags", "score", "extra_sources", *EXACT_FIELDS})
    lost += lost_fields(amap, kept, frozenset({"title", *MAP_DATA}))
    if xml.replaced:
        count = len(xml.replaced)
        texts = f"{count} text{'' if count == 1 else 's'}"
        lost.append(f"characters XML cannot hold, in {texts} (replaced by U+FFFD)")
    return Exported(text, tuple(lost))
