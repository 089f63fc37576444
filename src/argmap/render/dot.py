"""Build the Graphviz graph of a map with pydot (pure: no program is run).

What is drawn is :func:`argmap.diagram.diagram` of the map (``partial=True``:
a half-finished inference is drawn with the premises that exist): claims are
nodes ``n0``, ``n1``, … in file order, the junction dots of linked premises and
undercut steps ``j0``, ``j1``, … in file order of their inferences, the same
names as in every other output; edges get ids ``e0``, ``e1``, … in the
diagram's edge order, then the "+N claims hidden" boxes ``f…`` with theirs.
A premise → junction edge (relation ``premise``) is drawn with the theme's
``link`` style and has class ``link``; every other edge's class is its relation.

User text never reaches DOT raw: node names are synthetic and every label is
an HTML-like label whose text is XML-escaped
(:func:`~argmap.render.labels.html_text`), so ids like ``node``, ``graph`` or
``a:b`` and texts holding quotes, backslashes, ``<``, ``&`` or braces render
literally. Tooltips (the diagram's phrases) and links are not put in the DOT
(Graphviz expands backslash escapes in them and writes URLs unescaped);
:func:`build_diagram` returns them beside the graph for :mod:`argmap.render.svg`
to add.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pydot

from argmap.diagram import Diagram, Junction, caption, diagram, node_names
from argmap.findings import Finding
from argmap.model import KINDS, ArgumentMap, Claim
from argmap.render.budget import STRIDE, Deadline
from argmap.render.labels import claim_table, claim_tooltip, finding_codes, html_text, source_line
from argmap.render.legend import legend_label
from argmap.render.style import DEFAULT, Theme
from argmap.util.text import wrap_text
from argmap.util.urls import link_target


@dataclass(frozen=True)
class RenderOptions:
    """What a diagram shows and how it is laid out.

    Attributes:
        theme: the theme.
        direction: ``"TB"`` (thesis at the top) or ``"LR"`` (thesis at the left).
        wrap: wrap width of claim text, in columns (≥ 10); None: the theme's.
        legend: draw the legend.
        show_ids: show claim ids in captions.
        show_para: show paragraph references in captions.
        show_findings: mark claims that have findings.
        fills: per-claim fill colour overrides (e.g. colour by status).
        badges: per-claim text added to the caption (e.g. "IN", "0.82"), so
            colour is never the only cue.
        fill_legend: ``(name, colour)`` rows explaining overridden fills in
            the legend (kind swatches are then drawn unfilled).
        max_row: a claim with more arguers than this gets them on staggered
            ranks (like Graphviz's ``unflatten``), so wide fans become taller
            and narrower; 0 turns staggering off; None: the theme's.
        folds: claim id → number of claims hidden under it (``--collapse``,
            ``--split``); each gets a "+N claims hidden" box.
        links: claim id → URL its box (and its fold box) links to, overriding
            the claim's own source link (``--split`` pages).
        highlight: claims drawn with a double border (``--focus``).
        width: SVG width: None fits the column (``width="100%"``), a number
            is a width in CSS pixels (see :mod:`argmap.render.svg`).
    """

    theme: Theme = DEFAULT
    direction: str = "TB"
    wrap: int | None = None
    legend: bool = True
    show_ids: bool = True
    show_para: bool = True
    show_findings: bool = True
    fills: Mapping[str, str] = field(default_factory=dict)
    badges: Mapping[str, str] = field(default_factory=dict)
    fill_legend: tuple[tuple[str, str], ...] = ()
    max_row: int | None = None
    folds: Mapping[str, int] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)
    highlight: frozenset[str] = frozenset()
    width: int | None = None

    @property
    def wrap_width(self) -> int:
        """The wrap width in use: :attr:`wrap`, or the theme's."""
        return self.wrap if self.wrap is not None else self.theme.wrap


@dataclass(frozen=True)
class DotDiagram:
    """A map's Graphviz graph plus what the SVG gets beyond it.

    Attributes:
        graph: the pydot graph; every node and edge has an ``id`` attribute.
        titles: element id (``n0``, ``e3``, ``j0``, ``f2``, ``legend``) →
            tooltip text (kind, id, full text, source, findings; relations).
        links: element id → URL (http, https, mailto, or a relative page).
    """

    graph: pydot.Dot
    titles: dict[str, str]
    links: dict[str, str]


def claim_label(claim: Claim, codes: list[str], opts: RenderOptions) -> str:
    """The HTML-like label of a claim: a small caption line (:func:`argmap.diagram.caption`
    with the theme's kind label) over the wrapped text, and the source (citation
    or link) in small type under it."""
    theme = opts.theme
    text = caption(
        claim,
        theme.kinds[claim.kind].label,
        show_id=opts.show_ids,
        show_para=opts.show_para,
        badge=opts.badges.get(claim.id, ""),
        codes=codes,
    )
    cite_width = round(opts.wrap_width * theme.font_size / theme.caption_size)
    return claim_table(
        theme,
        text,
        wrap_text(claim.text, opts.wrap_width),
        source_line(claim.source, cite_width),
        flagged=bool(codes),
    )


def _node(name: str, claim: Claim, codes: list[str], opts: RenderOptions) -> pydot.Node:
    theme = opts.theme
    ks = theme.kinds[claim.kind]
    style, border, penwidth, peripheries = ks.style, ks.border, theme.penwidth, ks.peripheries
    if codes:
        style = style.replace("bold", "") + "," + theme.finding_style
        border, penwidth = theme.finding_border, theme.penwidth * 1.75
    if claim.id in opts.highlight:
        peripheries, penwidth = 2, penwidth * 1.5
    attrs: dict[str, Any] = {
        "label": claim_label(claim, codes, opts),
        "id": name,
        "class": f"claim {claim.kind}",
        "shape": ks.shape,
        "style": ",".join(s for s in style.split(",") if s),
        "peripheries": str(peripheries),
        "fillcolor": opts.fills.get(claim.id, ks.fill),
        "color": border,
        "fontcolor": ks.text,
        "penwidth": f"{penwidth:g}",
    }
    return pydot.Node(name, **attrs)


def _junction_node(junction: Junction, theme: Theme) -> pydot.Node:
    """A junction dot, filled with the support colour."""
    colour = theme.edges["support"].color
    return pydot.Node(
        junction.name,
        id=junction.name,
        shape="circle",
        width="0.18",
        height="0.18",
        fixedsize="true",
        style="filled",
        fillcolor=colour,
        color=colour,
        label='""',
    )


def _quote(text: str) -> str:
    """A double-quoted DOT string with ``"`` and ``\\`` escaped (escString-safe)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


#: The theme's edge style (and the SVG class) of each relation of the diagram.
EDGE_STYLES = {"support": "support", "premise": "link", "attack": "attack", "undercut": "undercut"}


class _Builder:
    """Adds nodes and edges to a graph, numbering edges and collecting tooltips."""

    def __init__(self, graph: pydot.Dot, opts: RenderOptions, deadline: Deadline | None):
        self.graph, self.opts, self.deadline = graph, opts, deadline
        self.titles: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.edges = self.added = 0

    def _tick(self) -> None:
        """Count an added element; every :data:`STRIDE` of them, look at the deadline."""
        self.added += 1
        if self.deadline is not None and self.added % STRIDE == 0:
            self.deadline.check("building the DOT")

    def edge(self, src: str, dst: str, style: str, title: str, **extra: str) -> None:
        """Add edge ``e<n>`` drawn with the theme's edge style ``style`` (also its class)."""
        self._tick()
        es, theme = self.opts.theme.edges[style], self.opts.theme
        eid, self.edges = f"e{self.edges}", self.edges + 1
        attrs: dict[str, Any] = {
            "id": eid,
            "class": style,
            "color": es.color,
            "style": es.style,
            "arrowhead": es.arrowhead,
            "penwidth": f"{theme.edge_penwidth:g}",
            "arrowsize": f"{theme.arrowsize * es.arrowsize:g}",
            **extra,
        }
        self.graph.add_edge(pydot.Edge(src, dst, **attrs))
        self.titles[eid] = title

    def node(self, node: pydot.Node, title: str, link: str | None = None) -> None:
        """Add a node with its tooltip and, if any, the URL it links to."""
        self._tick()
        self.graph.add_node(node)
        name = node.get_name()
        self.titles[name] = title
        if link:
            self.links[name] = link


def _add_claims(b: _Builder, shape: Diagram, codes: dict[str, list[str]]) -> None:
    for name, claim in shape.claims:
        found = codes.get(claim.id, [])
        b.node(
            _node(name, claim, found, b.opts),
            claim_tooltip(claim, b.opts.theme.kinds[claim.kind].label, found),
            b.opts.links.get(claim.id) or link_target(claim.source),
        )


def _add_lines(b: _Builder, shape: Diagram) -> None:
    """The diagram's edges in order, each junction added just before its first edge."""
    waiting = {junction.name: junction for junction in shape.junctions}
    for edge in shape.edges:
        for end in (edge.source, edge.target):
            if end in waiting:
                junction = waiting.pop(end)
                b.node(_junction_node(junction, b.opts.theme), junction.phrase)
        b.edge(edge.source, edge.target, EDGE_STYLES[edge.relation], edge.phrase)


def _fold(b: _Builder, cid: str, name: str, hidden: int) -> None:
    theme, fold = b.opts.theme, b.opts.theme.fold
    link = b.opts.links.get(cid)
    noun = "claim" if hidden == 1 else "claims"
    text = f"+{hidden} {noun} on the page of {cid}" if link else f"+{hidden} {noun} hidden"
    fname = "f" + name[1:]
    b.node(
        pydot.Node(
            fname,
            id=fname,
            label=f"<{html_text(text)}>",
            shape=fold.shape,
            style=fold.style,
            fillcolor=fold.fill,
            color=fold.border,
            fontcolor=fold.text,
            fontsize=f"{theme.caption_size:g}",
            penwidth=f"{theme.penwidth:g}",
        ),
        f"{hidden} {noun} arguing about {cid}, not drawn here",
        link,
    )
    b.edge(fname, name, "fold", f"{hidden} hidden {noun} arguing about {cid}", weight="8")


def _add_folds(b: _Builder, amap: ArgumentMap) -> None:
    names = node_names(amap)
    for cid, hidden in b.opts.folds.items():
        if cid in amap.claims and hidden > 0:
            _fold(b, cid, names[cid], hidden)


def _add_legend(b: _Builder, amap: ArgumentMap) -> None:
    relations = ["support"] + (["attack"] if amap.attacks else [])
    relations += ["undercut"] if amap.undercuts else []
    relations += ["fold"] if any(n > 0 for n in b.opts.folds.values()) else []
    present = [k for k in KINDS if any(c.kind == k for c in amap.claims.values())]
    theme = b.opts.theme
    label = legend_label(theme, present, relations, b.opts.fill_legend, b.opts.show_findings)
    legend = pydot.Node(
        "legend", id="legend", label=label, shape="plain", fontsize=f"{theme.caption_size:g}"
    )
    b.node(legend, "Legend")


def _new_graph(amap: ArgumentMap, opts: RenderOptions) -> pydot.Dot:
    theme = opts.theme
    graph = pydot.Dot(
        "argmap",
        graph_type="digraph",
        rankdir="BT" if opts.direction == "TB" else "RL",
        bgcolor=theme.background,
        nodesep="0.15",
        ranksep="0.45",
        newrank="true",
        fontname=_quote(theme.font),
        fontsize=f"{theme.font_size * 1.4:g}",
        fontcolor=theme.title_color,
    )
    if amap.title:
        graph.set("label", f"<{html_text(amap.title)}>")
        graph.set("labelloc", "t")
    graph.set_node_defaults(
        fontname=_quote(theme.font), fontsize=f"{theme.font_size:g}", margin="0.14,0.08"
    )
    return graph


def build_diagram(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    opts: RenderOptions | None = None,
    deadline: Deadline | None = None,
) -> DotDiagram:
    """Build the diagram of ``amap``: the pydot graph, tooltips and links.

    Args:
        amap: the map.
        findings: findings to mark on their claims (first claim of each).
        opts: rendering options (defaults: :class:`RenderOptions`).
        deadline: looked at every :data:`~argmap.render.budget.STRIDE` nodes and edges
            (:class:`~argmap.errors.LayoutTimeout` once it has passed).

    Returns:
        A :class:`DotDiagram` of :func:`argmap.diagram.diagram` (partial):
        node names are synthetic (``n0``… for claims, ``j0``… for inference
        junctions, ``f0``… for fold boxes, ``legend``) and equal to their
        ``id`` attributes; edges are ``e0``….
    """
    opts = opts or RenderOptions()
    b = _Builder(_new_graph(amap, opts), opts, deadline)
    shape = diagram(amap, partial=True)
    _add_claims(b, shape, finding_codes(findings) if opts.show_findings else {})
    _add_lines(b, shape)
    _add_folds(b, amap)
    stagger(b.graph, opts.theme.max_row if opts.max_row is None else opts.max_row)
    if opts.legend:
        _add_legend(b, amap)
    return DotDiagram(b.graph, b.titles, b.links)


def build_dot(
    amap: ArgumentMap, findings: Iterable[Finding] = (), opts: RenderOptions | None = None
) -> pydot.Dot:
    """The pydot graph of ``amap`` (see :func:`build_diagram`)."""
    return build_diagram(amap, findings, opts).graph


def stagger(graph: pydot.Dot, max_row: int) -> None:
    """Spread the arguers of claims with many of them over several ranks.

    The i-th edge into a node with ``k > max_row`` incoming edges gets
    ``minlen = 1 + i mod ceil(k / max_row)``: Graphviz's ``unflatten -l``
    idea applied to every fan, keeping the diagram within a slide's width.
    """
    if max_row <= 0:
        return
    incoming: dict[str, list[pydot.Edge]] = {}
    for edge in graph.get_edges():
        if edge.get("class") == "fold":
            continue
        incoming.setdefault(str(edge.get_destination()), []).append(edge)
    for edges in incoming.values():
        rows = -(-len(edges) // max_row)
        if rows > 1:
            for i, edge in enumerate(edges):
                edge.set("minlen", str(1 + i % rows))


def dot_source(graph: pydot.Dot, deadline: Deadline | None = None) -> str:
    """The DOT source of ``graph``, ending with a newline (pydot's text, written
    element by element so that ``deadline`` is looked at every
    :data:`~argmap.render.budget.STRIDE` elements).

    Raises:
        LayoutTimeout: the deadline passed.
    """
    bare = dict(graph.obj_dict, nodes={}, edges={}, subgraphs={})
    head = pydot.Dot(obj_dict=bare).to_string()  # "digraph argmap {", attributes, "}"
    parts = [head[: head.rindex("}")]]
    elements: list[pydot.Node | pydot.Edge | pydot.Subgraph] = [*graph.get_node_list()]
    elements += [*graph.get_edge_list(), *graph.get_subgraph_list()]
    for i, element in enumerate(sorted(elements, key=lambda e: e.get_sequence() or 0)):
        if deadline is not None and i % STRIDE == 0:
            deadline.check("writing the DOT")
        text = element.to_string(indent_level=1)
        parts.append(text if isinstance(element, pydot.Subgraph) else text + "\n")
    parts.append("}\n")
    return "".join(parts)


def to_dot(
    amap: ArgumentMap, findings: Iterable[Finding] = (), opts: RenderOptions | None = None
) -> str:
    """The DOT source of the map's diagram (deterministic text, ends with a newline)."""
    return dot_source(build_dot(amap, findings, opts))
