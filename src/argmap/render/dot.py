"""Build the Graphviz graph of a map with pydot (pure: no program is run).

User text never reaches DOT raw: nodes get synthetic names (``n0``, ``n1``, …
in file order), and every label is an HTML-like label whose text is
XML-escaped (:func:`~argmap.render.labels.html_text`), so ids like ``node``,
``graph`` or ``a:b`` and texts holding quotes, backslashes, ``<``, ``&`` or
braces render literally. Tooltips and links are not put in the DOT (Graphviz
expands backslash escapes in them and writes URLs unescaped); :func:`build_diagram`
returns them beside the graph for :mod:`argmap.render.svg` to add.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pydot

from argmap.findings import Finding
from argmap.model import KINDS, ArgumentMap, Claim, Inference
from argmap.render.labels import (  # noqa: F401  (wrap_text, html_text: public here too)
    caption,
    claim_tooltip,
    html_text,
    id_list,
    source_line,
    wrap_text,
)
from argmap.render.style import DEFAULT, Theme
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
class Diagram:
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


def node_names(amap: ArgumentMap) -> dict[str, str]:
    """Claim id → synthetic node name (``n0``, ``n1``, … in file order); also the
    node's element id in the SVG, before the per-map prefix."""
    return {cid: f"n{i}" for i, cid in enumerate(amap.claims)}


def junction_names(amap: ArgumentMap) -> dict[str, str]:
    """Inference id → junction node name (``j0``, ``j1``, … in sorted inference id
    order) for the inferences drawn through a junction dot: linked premises
    (two or more) and undercut steps. Also the junction's element id in the
    SVG, before the per-map prefix."""
    return {iid: f"j{i}" for i, iid in enumerate(sorted(_junction_needed(amap)))}


def claim_label(claim: Claim, codes: list[str], opts: RenderOptions) -> str:
    """The HTML-like label of a claim: a small caption line over the wrapped text,
    and the source (citation or link) in small type under it."""
    theme = opts.theme
    text = caption(
        claim,
        theme.kinds[claim.kind].label,
        codes,
        opts.show_ids,
        opts.show_para,
        opts.badges.get(claim.id, ""),
    )
    body = "<BR/>".join(html_text(line) for line in wrap_text(claim.text, opts.wrap_width))
    cap_color = theme.finding_text if codes else theme.caption_color
    rows = [
        (
            f'<TR><TD><FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{cap_color}">'
            f"<B>{html_text(text)}</B></FONT></TD></TR>"
        ),
        f"<TR><TD>{body}</TD></TR>",
    ]
    cite = source_line(claim.source, round(opts.wrap_width * theme.font_size / theme.caption_size))
    if cite:
        small = "<BR/>".join(html_text(line) for line in cite)
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{theme.caption_size:g}" '
            f'COLOR="{theme.caption_color}"><I>{small}</I></FONT></TD></TR>'
        )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
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
    return pydot.Node(
        name,
        label=claim_label(claim, codes, opts),
        id=name,
        **{"class": f"claim {claim.kind}"},
        shape=ks.shape,
        style=",".join(s for s in style.split(",") if s),
        peripheries=str(peripheries),
        fillcolor=opts.fills.get(claim.id, ks.fill),
        color=border,
        fontcolor=ks.text,
        penwidth=f"{penwidth:g}",
    )


def _quote(text: str) -> str:
    """A double-quoted DOT string with ``"`` and ``\\`` escaped (escString-safe)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Builder:
    """Adds nodes and edges to a graph, numbering edges and collecting tooltips."""

    def __init__(self, graph: pydot.Dot, opts: RenderOptions):
        self.graph, self.opts = graph, opts
        self.titles: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.edges = 0

    def edge(self, src: str, dst: str, relation: str, title: str, **extra: str) -> None:
        es, theme = self.opts.theme.edges[relation], self.opts.theme
        eid, self.edges = f"e{self.edges}", self.edges + 1
        self.graph.add_edge(
            pydot.Edge(
                src,
                dst,
                id=eid,
                **{"class": relation},
                color=es.color,
                style=es.style,
                arrowhead=es.arrowhead,
                penwidth=f"{theme.edge_penwidth:g}",
                arrowsize=f"{theme.arrowsize * es.arrowsize:g}",
                **extra,
            )
        )
        self.titles[eid] = title

    def node(self, node: pydot.Node, title: str, link: str | None = None) -> None:
        self.graph.add_node(node)
        name = node.get_name()
        self.titles[name] = title
        if link:
            self.links[name] = link


_SIGNS = {"support": "──▶", "attack": "╌╌┤", "undercut": "┈┈┤", "fold": "┈┈┈"}


_SHAPE_WORDS = {"note": "folded corner", "folder": "tab", "box": "box"}
_STYLE_WORDS = {"rounded": "rounded", "diagonals": "cut corners", "bold": "bold border"}


def shape_words(ks) -> str:
    """How a kind's box looks, in words, for the legend (e.g. "rounded, double border")."""
    words = [w for k, w in _STYLE_WORDS.items() if k in ks.style.split(",")]
    if ks.shape != "box" or not words:
        words.insert(0, _SHAPE_WORDS.get(ks.shape, ks.shape))
    if ks.peripheries > 1:
        words.append("double border")
    return ", ".join(words)


def _legend(kinds: Iterable[str], relations: Iterable[str], opts: RenderOptions) -> pydot.Node:
    theme = opts.theme
    font = f'<FONT COLOR="{theme.title_color}">'
    rows = [f'<TR><TD COLSPAN="2">{font}<B>Legend</B></FONT></TD></TR>']
    for kind in kinds:
        ks = theme.kinds[kind]
        fill = "#ffffff" if opts.fill_legend else ks.fill
        words = f"{ks.label.lower()} ({shape_words(ks)})"
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" BORDER="2" COLOR="{ks.border}" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{font}{html_text(words)}</FONT></TD></TR>'
        )
    for name, colour in opts.fill_legend:
        rows.append(
            f'<TR><TD BGCOLOR="{colour}" BORDER="1" COLOR="#555555" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{font}fill: {html_text(name)}</FONT></TD></TR>'
        )
    for rel in relations:
        es = theme.edges[rel]
        sign = _SIGNS.get(rel, "──")
        rows.append(
            f'<TR><TD><FONT COLOR="{es.color}"><B>{sign}</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{font}{html_text(es.legend)}</FONT></TD></TR>'
        )
    if opts.show_findings:
        rows.append(
            f'<TR><TD><FONT COLOR="{theme.finding_text}"><B>⚠</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{font}{theme.finding_style} border: has findings</FONT></TD></TR>'
        )
    label = (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2" COLOR="#888888">'
        + "".join(rows)
        + "</TABLE>>"
    )
    return pydot.Node(
        "legend", id="legend", label=label, shape="plain", fontsize=f"{theme.caption_size:g}"
    )


def _junction_needed(amap: ArgumentMap) -> set[str]:
    undercut = {u.inference for u in amap.undercuts}
    return {i.id for i in amap.inferences if len(i.premises) > 1 or i.id in undercut}


def _add_inference(b: _Builder, inf: Inference, names: dict, junctions: Mapping) -> None:
    if inf.conclusion not in names:
        return
    premises = [p for p in inf.premises if p in names]
    if inf.id not in junctions:
        for p in premises:
            b.edge(names[p], names[inf.conclusion], "support", f"{p} supports {inf.conclusion}")
        return
    junction = junctions[inf.id]
    es = b.opts.theme.edges["support"]
    joint = (
        f"{id_list(premises)} together support {inf.conclusion}"
        if len(premises) > 1
        else (f"{id_list(premises)} supports {inf.conclusion}")
    )
    b.node(
        pydot.Node(
            junction,
            id=junction,
            shape="circle",
            width="0.18",
            height="0.18",
            fixedsize="true",
            style="filled",
            fillcolor=es.color,
            color=es.color,
            label='""',
        ),
        f"Inference {inf.id}: {joint}",
    )
    for p in premises:
        b.edge(names[p], junction, "link", f"{p}: premise of inference {inf.id}")
    b.edge(junction, names[inf.conclusion], "support", joint)


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


def _finding_codes(findings: Iterable[Finding], opts: RenderOptions) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {}
    if opts.show_findings:
        for f in findings:
            if f.claims:
                codes.setdefault(f.claims[0], []).append(f.code)
    return codes


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
    amap: ArgumentMap, findings: Iterable[Finding] = (), opts: RenderOptions | None = None
) -> Diagram:
    """Build the diagram of ``amap``: the pydot graph, tooltips and links.

    Args:
        amap: the map.
        findings: findings to mark on their claims (first claim of each).
        opts: rendering options (defaults: :class:`RenderOptions`).

    Returns:
        A :class:`Diagram` whose node names are synthetic (``n0``… for
        claims, ``j0``… for inference junctions, ``f0``… for fold boxes,
        ``legend``) and equal to their ``id`` attributes; edges are ``e0``….
    """
    opts = opts or RenderOptions()
    b = _Builder(_new_graph(amap, opts), opts)
    codes = _finding_codes(findings, opts)
    names = node_names(amap)  # claim names; junctions are looked up apart, so an
    junctions = junction_names(amap)  # inference id equal to a claim id cannot clash
    for cid, claim in amap.claims.items():
        label = opts.theme.kinds[claim.kind].label
        link = opts.links.get(cid) or link_target(claim.source)
        b.node(
            _node(names[cid], claim, codes.get(cid, []), opts),
            claim_tooltip(claim, label, codes.get(cid, [])),
            link,
        )
    for inf in amap.inferences:
        _add_inference(b, inf, names, junctions)
    for att in amap.attacks:
        b.edge(
            names[att.attacker],
            names[att.target],
            "attack",
            f"{att.attacker} attacks {att.target}",
        )
    for und in amap.undercuts:
        inf = amap.inference(und.inference)
        if und.inference in junctions and inf is not None:
            b.edge(
                names[und.attacker],
                junctions[und.inference],
                "undercut",
                f"{und.attacker} undercuts the step from {id_list(inf.premises)} "
                f"to {inf.conclusion}",
            )
    for cid, hidden in opts.folds.items():
        if cid in amap.claims and hidden > 0:
            _fold(b, cid, names[cid], hidden)
    stagger(b.graph, opts.theme.max_row if opts.max_row is None else opts.max_row)
    if opts.legend:
        _add_legend(b, amap)
    return Diagram(b.graph, b.titles, b.links)


def _add_legend(b: _Builder, amap: ArgumentMap) -> None:
    relations = ["support"] + (["attack"] if amap.attacks else [])
    relations += ["undercut"] if amap.undercuts else []
    relations += ["fold"] if any(n > 0 for n in b.opts.folds.values()) else []
    present = [k for k in KINDS if any(c.kind == k for c in amap.claims.values())]
    b.node(_legend(present, relations, b.opts), "Legend")


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
        incoming.setdefault(edge.get_destination(), []).append(edge)
    for edges in incoming.values():
        rows = -(-len(edges) // max_row)
        if rows > 1:
            for i, edge in enumerate(edges):
                edge.set("minlen", str(1 + i % rows))


def to_dot(
    amap: ArgumentMap, findings: Iterable[Finding] = (), opts: RenderOptions | None = None
) -> str:
    """The DOT source of the map's diagram (deterministic text, ends with a newline)."""
    text = build_dot(amap, findings, opts).to_string()
    return text if text.endswith("\n") else text + "\n"
