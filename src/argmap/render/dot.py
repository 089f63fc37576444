"""Write the Graphviz graph of a map as DOT text (pure: no program is run).

What is drawn is :func:`argmap.diagram.diagram` of the map (``partial=True``:
a half-finished inference is drawn with the premises that exist): claims are
nodes ``n0``, ``n1``, … in file order, the junction dots of linked premises and
undercut steps ``j0``, ``j1``, … in file order of their inferences, the same
names as in every other output; edges get ids ``e0``, ``e1``, … in the
diagram's edge order, then the "+N claims hidden" boxes ``f…`` with theirs.
A premise → junction edge (relation ``premise``) is drawn with the theme's
``link`` style and has class ``link``; every other edge's class is its relation.

The text is written statement by statement as elements are added
(:mod:`argmap.render.dotwriter`, whose one quoting rule every value goes through).
User text never reaches DOT raw: node names are synthetic and every label is
an HTML-like label (:class:`~argmap.render.dotwriter.Html`) whose text is
XML-escaped (:func:`~argmap.render.labels.html_text`), so ids like ``node``,
``graph`` or ``a:b`` and texts holding quotes, backslashes, ``<``, ``&`` or
braces render literally; any other string is quoted. Tooltips (the
diagram's phrases) and links are not put in the DOT (Graphviz expands
backslash escapes in them and writes URLs unescaped); :func:`build_diagram`
returns them beside the graph for :mod:`argmap.render.svg` to add.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.diagram import Diagram, caption, diagram, node_names
from argmap.findings import Finding
from argmap.model import ArgumentMap, Claim
from argmap.render import dotwriter as dw
from argmap.render.budget import STRIDE, Deadline
from argmap.render.dotwriter import Html
from argmap.render.labels import (
    badge_lines,
    claim_table,
    claim_tooltip,
    finding_notes,
    html_text,
    source_line,
)
from argmap.render.layout import Layout, in_reading_order, minimum_lengths, plan, support_loops
from argmap.render.layout import step_rows as unseen_rows
from argmap.render.legend import RELATION_STYLES as EDGE_STYLES
from argmap.render.legend import Legend, legend, legend_content
from argmap.render.looks import (
    FLAT_GAP,
    STEP_WEIGHT,
    box_attrs,
    claim_attrs,
    fold_attrs,
    junction_attrs,
    legend_attrs,
    line_attrs,
    row_attrs,
)
from argmap.render.options import RenderOptions as RenderOptions
from argmap.util.text import wrap_text
from argmap.util.urls import link_target


@dataclass(frozen=True)
class Line:
    """A line of the diagram's top level (not a legend or box line).

    Attributes:
        id: its element id (``e0``…).
        source, target: the node names it is written from and to (a line drawn
            ``dir=back`` is written head first).
        relation: its class (``support``, ``attack``, ``link``, ``fold`` …).
    """

    id: str
    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class DotDiagram:
    """A map's Graphviz graph plus what the SVG gets beyond it.

    Attributes:
        graph: the graph's DOT statements (:func:`dot_source` writes them);
            every node and edge has an ``id`` attribute.
        titles: element id (``n0``, ``e3``, ``j0``, ``f2``, ``legend``) →
            tooltip text (kind, id, full text, source, findings; relations).
        links: element id → URL (http, https, mailto, or a relative page).
        lines: the top-level lines in the order they are written.
    """

    graph: dw.Block
    titles: dict[str, str]
    links: dict[str, str]
    lines: tuple[Line, ...] = ()


def claim_label(claim: Claim, codes: list[str], opts: RenderOptions) -> str:
    """The HTML-like label of a claim: a small caption line (:func:`argmap.diagram.caption`
    with the theme's kind label) over the wrapped text, the source (citation
    or link) in small type under it and, for a claim with findings, a warning
    in plain words (:func:`~argmap.render.labels.badge_lines`; the codes are in
    the tooltip)."""
    theme = opts.theme
    text = caption(
        claim,
        theme.kinds[claim.kind].label,
        show_id=opts.show_ids,
        show_para=opts.show_para,
        badge=opts.badges.get(claim.id, ""),
    )
    small_width = round(opts.wrap_width * theme.font_size / theme.caption_size)
    return claim_table(
        theme,
        wrap_text(text, 2 * small_width),  # only a very long id wraps
        wrap_text(claim.text, opts.wrap_width),
        [line for s in claim.sources for line in source_line(s, small_width, opts.source_lines)],
        flagged=bool(codes),
        badge=badge_lines(codes, small_width),
    )


def _node(name: str, claim: Claim, codes: list[str], opts: RenderOptions) -> str:
    label = Html(claim_label(claim, codes, opts))
    attrs = claim_attrs(
        opts.theme,
        name,
        claim,
        label,
        flagged=bool(codes),
        fill=opts.fills.get(claim.id),
        highlighted=claim.id in opts.highlight,
    )
    return dw.node(name, attrs)


class _Builder:
    """Adds nodes and edges to a graph, numbering edges and collecting tooltips."""

    def __init__(self, graph: dw.Block, opts: RenderOptions, deadline: Deadline | None):
        self.graph, self.opts, self.deadline = graph, opts, deadline
        self.titles: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.lines: list[Line] = []
        self.edges = self.added = 0

    def _tick(self) -> None:
        """Count an added element; every :data:`STRIDE` of them, look at the deadline."""
        self.added += 1
        if self.deadline is not None and self.added % STRIDE == 0:
            self.deadline.check("building the DOT")

    def edge(self, src: str, dst: str, style: str, title: str, **extra: str) -> None:
        """Add edge ``e<n>`` drawn with the theme's edge style ``style`` (also its class)."""
        self._tick()
        eid, self.edges = f"e{self.edges}", self.edges + 1
        attrs = {"id": eid, **line_attrs(self.opts.theme, style), **extra}
        self.graph.add(dw.edge(src, dst, attrs))
        self.lines.append(Line(eid, src, dst, attrs["class"]))
        self.titles[eid] = title

    def node(self, name: str, statement: str, title: str, link: str | None = None) -> None:
        """Add node ``name`` (its statement) with its tooltip and, if any, the URL it links to."""
        self._tick()
        self.graph.add(statement)
        self.titles[name] = title
        if link:
            self.links[name] = link


def _add_claims(b: _Builder, shape: Diagram, notes: dict[str, list[Finding]]) -> None:
    for name, claim in shape.claims:
        found = notes.get(claim.id, [])
        b.node(
            name,
            _node(name, claim, [f.code for f in found], b.opts),
            claim_tooltip(
                claim, b.opts.theme.kinds[claim.kind].label, findings=found, student=b.opts.student
            ),
            b.opts.links.get(claim.id) or link_target(claim.source),
        )


def _add_lines(b: _Builder, shape: Diagram, layout: Layout) -> None:
    """The diagram's edges in order, each junction added just before its first edge;
    a line along a row that :attr:`Layout.backward` names is written head first."""
    theme, waiting = b.opts.theme, {junction.name: junction for junction in shape.junctions}
    max_row = theme.max_row if b.opts.max_row is None else b.opts.max_row
    lengths = minimum_lengths(shape.edges, layout, max_row)
    single = {j.name for j in shape.junctions if len(j.premises) == 1}
    for i, edge in enumerate(shape.edges):
        for end in (edge.source, edge.target):
            if end in waiting:
                junction = waiting.pop(end)
                node = dw.node(junction.name, junction_attrs(theme, junction.name))
                b.node(junction.name, node, junction.phrase)
        style = EDGE_STYLES[edge.relation]
        extra = {"weight": STEP_WEIGHT} if edge.target in single else {}
        if i in lengths:
            extra["minlen"] = str(lengths[i])
        elif i in layout.flat:
            extra["minlen"] = FLAT_GAP
        if i in layout.backward:
            extra.update(dir="back", arrowtail=theme.edges[style].arrowhead)
            b.edge(edge.target, edge.source, style, edge.phrase, **extra)
        else:
            b.edge(edge.source, edge.target, style, edge.phrase, **extra)


def _add_rephrases(b: _Builder, shape: Diagram) -> None:
    """The rephrase lines, a circle at both ends, two rows long (one row leaves a line
    so short between the circles that it is hardly seen)."""
    head = b.opts.theme.edges["rephrase"].arrowhead
    for edge in shape.rephrases:
        extra = {"dir": "both", "arrowtail": head, "minlen": "2"}
        b.edge(edge.source, edge.target, "rephrase", edge.phrase, **extra)


def _add_rows(b: _Builder, layout: Layout, steps: set[int]) -> None:
    """Boxes of linked premises (clusters, one row each) and the other shared rows
    (those of ``steps`` in unseen clusters: :func:`~argmap.render.layout.step_rows`)."""
    theme = b.opts.theme
    for box in layout.boxes:
        cluster = dw.Block("subgraph", f"cluster_{box.name}", box_attrs(theme, box.name))
        for name in box.members:
            cluster.add(dw.node(name))
        for left, right in zip(box.members, box.members[1:], strict=False):
            ends = in_reading_order(b.opts.direction, left, right)
            cluster.add(dw.edge(*ends, {"style": "invis", "id": f"{box.name}_{left}"}))
        b.graph.add(cluster.text())
        b.titles[box.name] = box.phrase
    for k, row in enumerate(layout.rows):
        name, attrs = row_attrs(k, k in steps)
        sub = dw.Block("subgraph", name, attrs)
        for name in row:
            sub.add(dw.node(name))
        b.graph.add(sub.text())


def where_shown(link: str, cid: str) -> str:
    """Where a fold's claims are drawn, as a reader of a printout can find it: ``on
    page 12`` for a numbered page (``out.p12.svg``, :mod:`argmap.render.fallback`),
    ``on the overview`` for a page's way back to it, else ``on the page of P3``
    (``--split`` names its pages after their claims)."""
    page = re.search(r"\.p(\d+)\.[A-Za-z]+$", link)
    if page:
        return f"on page {page.group(1)}"
    if "." not in link.rsplit("/", 1)[-1].split(".", 1)[-1]:  # "out.svg": no page suffix
        return "on the overview"
    return f"on the page of {cid}"


def _fold(b: _Builder, cid: str, name: str, hidden: int) -> None:
    link = b.opts.links.get(cid)
    noun = "claim" if hidden == 1 else "claims"
    text = f"+{hidden} {noun} {where_shown(link, cid)}" if link else f"+{hidden} {noun} hidden"
    fname = "f" + name[1:]
    attrs = fold_attrs(b.opts.theme, fname, Html(f"<{html_text(text)}>"))
    title = f"{hidden} {noun} arguing about {cid}, not drawn here"
    b.node(fname, dw.node(fname, attrs), title, link)
    b.edge(fname, name, "fold", f"{hidden} hidden {noun} arguing about {cid}", weight="8")


def _add_folds(b: _Builder, amap: ArgumentMap) -> None:
    names = node_names(amap)
    for cid, hidden in b.opts.folds.items():
        if cid in amap.claims and hidden > 0:
            _fold(b, cid, names[cid], hidden)


def _add_legend(b: _Builder, drawn: Legend, top: str | None) -> None:
    """The legend as a titled box holding one row of samples, on a row of its own
    above node ``top`` (the first thesis: the legend reads as the diagram's key,
    under its title, and never widens it unless it is wider itself); with no
    ``top``, Graphviz puts it on the lowest row."""
    cluster = dw.Block("subgraph", "cluster_legend", legend_attrs(b.opts.theme, b.opts.direction))
    b.titles["legend"] = "Legend"
    for sample in drawn.samples:
        cluster.add(dw.node(sample.name, sample.attrs))
        b.titles[sample.name] = "Legend: " + sample.title
    for k, line in enumerate(drawn.lines):
        ends = in_reading_order(b.opts.direction, line.source, line.target)
        cluster.add(dw.edge(*ends, {"id": f"legend_e{k}", **line.attrs}))
    b.graph.add(cluster.text())
    if top and drawn.samples:
        above = dw.Block("subgraph", "legend_above")  # not a cluster: draws nothing itself
        invisible = {"style": "invis", "id": "legend_above"}
        above.add(dw.edge(top, drawn.samples[0].name, invisible))
        b.graph.add(above.text())


def _new_graph(amap: ArgumentMap, opts: RenderOptions) -> dw.Block:
    theme = opts.theme
    attrs = {
        "rankdir": "BT" if opts.direction == "TB" else "RL",
        "bgcolor": theme.background,
        "nodesep": "0.15",
        "ranksep": "0.45",
        "newrank": "true",
        "fontname": theme.font,
        "fontsize": f"{theme.font_size * 1.4:g}",
        "fontcolor": theme.title_color,
    }
    if amap.title:
        attrs.update(label=Html(f"<{html_text(amap.title)}>"), labelloc="t")
    graph = dw.Block("digraph", "argmap", attrs)
    node = {"fontname": theme.font, "fontsize": f"{theme.font_size:g}", "margin": "0.14,0.08"}
    graph.add(dw.defaults("node", node))
    return graph


def build_diagram(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    opts: RenderOptions | None = None,
    deadline: Deadline | None = None,
) -> DotDiagram:
    """Build the diagram of ``amap``: its DOT statements, tooltips and links.

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
    layout = plan(shape, opts.theme.beside)
    notes = finding_notes(findings, support_loops(shape)) if opts.show_findings else {}
    _add_claims(b, shape, notes)
    _add_lines(b, shape, layout)
    _add_rephrases(b, shape)
    _add_folds(b, amap)
    _add_rows(b, layout, unseen_rows(shape, layout, opts.direction))
    if opts.legend:
        content = legend_content(
            shape,
            boxes=bool(layout.boxes),
            folds=any(n > 0 for n in opts.folds.values()),
            fill_legend=opts.fill_legend,
            marked=any(cid in amap.claims for cid in notes),
            student=opts.student,
        )
        drawn = legend(opts.theme, content)
        top = next((name for name, claim in shape.claims if claim.kind == "thesis"), None)
        _add_legend(b, drawn, top)
    return DotDiagram(b.graph, b.titles, b.links, tuple(b.lines))


def dot_source(graph: dw.Block, deadline: Deadline | None = None) -> str:
    """The DOT source of ``graph``, ending with a newline: its statements, each
    written while the graph was built (so the deadline was looked at then), joined
    once ``deadline`` is looked at.

    Raises:
        LayoutTimeout: the deadline passed.
    """
    if deadline is not None:
        deadline.check("writing the DOT")
    return graph.text()


def to_dot(
    amap: ArgumentMap, findings: Iterable[Finding] = (), opts: RenderOptions | None = None
) -> str:
    """The DOT source of the map's diagram (deterministic text, ends with a newline)."""
    return dot_source(build_diagram(amap, findings, opts).graph)
