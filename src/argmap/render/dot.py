"""Build the Graphviz graph of a map with pydot (pure: no program is run).

User text never reaches DOT raw: nodes get synthetic names (``n0``, ``n1``, …
in file order), and every label is an HTML-like label whose text is
XML-escaped, so ids like ``node``, ``graph`` or ``a:b`` and texts holding
quotes, backslashes, ``<``, ``&`` or braces render literally.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html import escape
from typing import Iterable, Mapping

import pydot

from argmap.model import KINDS, ArgumentMap, Claim, Inference
from argmap.problems import Finding
from argmap.render.style import DEFAULT, Theme


@dataclass(frozen=True)
class RenderOptions:
    """What a diagram shows and how it is laid out.

    Attributes:
        theme: the theme.
        direction: ``"TB"`` (thesis at the top) or ``"LR"`` (thesis at the left).
        wrap: wrap width of claim text, in characters (≥ 10).
        legend: draw the legend.
        show_ids: show claim ids in captions.
        show_para: show paragraph references in captions.
        show_findings: mark claims that have findings.
        fills: per-claim fill colour overrides (e.g. colour by status).
        badges: per-claim text added to the caption (e.g. "IN", "0.82"), so
            colour is never the only cue.
        max_row: a claim with more arguers than this gets them on staggered
            ranks (like Graphviz's ``unflatten``), so wide fans become taller
            and narrower; 0 turns staggering off.
    """

    theme: Theme = DEFAULT
    direction: str = "TB"
    wrap: int = 24
    legend: bool = True
    show_ids: bool = True
    show_para: bool = True
    show_findings: bool = True
    fills: Mapping[str, str] = field(default_factory=dict)
    badges: Mapping[str, str] = field(default_factory=dict)
    max_row: int = 2


def wrap_text(text: str, width: int) -> list[str]:
    """Wrap ``text`` to lines of at most ``width`` characters.

    Words longer than ``width`` (URLs, long compounds) are broken too, so no
    line is ever wider than ``width``; explicit newlines start new lines.
    """
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        lines.extend(
            textwrap.wrap(para, width, break_long_words=True, break_on_hyphens=True) or [""]
        )
    return lines


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label.

    XML-escapes ``&``, ``<``, ``>`` and quotes. Graphviz also expands ``\\N``,
    ``\\G``, ``\\L`` … and collapses ``\\\\`` in labels, even HTML ones and
    after entity decoding, so every backslash is followed by an invisible
    WORD JOINER (U+2060), which no escape sequence starts with.
    """
    return escape(text, quote=True).replace("\\", "\\\u2060")


def _caption(claim: Claim, codes: list[str], opts: RenderOptions) -> str:
    parts = [opts.theme.kinds[claim.kind].label]
    if opts.show_ids:
        parts.append(claim.id)
    if opts.show_para and claim.para:
        parts.append("¶" + ",".join(str(p) for p in claim.para))
    if claim.id in opts.badges:
        parts.append(opts.badges[claim.id])
    caption = " · ".join(parts)
    if codes:
        caption += "  ⚠ " + " ".join(sorted(set(codes)))
    return caption


def claim_label(claim: Claim, codes: list[str], opts: RenderOptions) -> str:
    """The HTML-like label of a claim: a small caption line over the wrapped text."""
    theme = opts.theme
    caption = html_text(_caption(claim, codes, opts))
    body = "<BR/>".join(html_text(line) for line in wrap_text(claim.text, opts.wrap))
    cap_color = theme.finding_border if codes else theme.caption_color
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD><FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{cap_color}">'
        f"<B>{caption}</B></FONT></TD></TR>"
        f"<TR><TD>{body}</TD></TR></TABLE>>"
    )


def _node(name: str, claim: Claim, codes: list[str], opts: RenderOptions) -> pydot.Node:
    theme = opts.theme
    ks = theme.kinds[claim.kind]
    style = ks.style
    border, penwidth = ks.border, theme.penwidth
    if codes:
        style = style.replace("bold", "") + ",dashed"
        border, penwidth = theme.finding_border, theme.penwidth * 1.75
    return pydot.Node(
        name,
        label=claim_label(claim, codes, opts),
        shape=ks.shape,
        style=",".join(s for s in style.split(",") if s),
        fillcolor=opts.fills.get(claim.id, ks.fill),
        color=border,
        fontcolor=ks.text,
        penwidth=f"{penwidth:g}",
        tooltip=_quote(f"{ks.label.title()} {claim.id}: {claim.text}"),
    )


def _quote(text: str) -> str:
    """A double-quoted DOT string with ``"`` and ``\\`` escaped (escString-safe)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _edge(src: str, dst: str, relation: str, opts: RenderOptions, **extra: str) -> pydot.Edge:
    es = opts.theme.edges[relation]
    return pydot.Edge(
        src, dst, color=es.color, style=es.style, arrowhead=es.arrowhead,
        penwidth=f"{opts.theme.penwidth:g}", **extra,
    )  # fmt: skip


def _legend(kinds: Iterable[str], relations: Iterable[str], opts: RenderOptions) -> pydot.Node:
    theme = opts.theme
    rows = ['<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>']
    for kind in kinds:
        ks = theme.kinds[kind]
        rows.append(
            f'<TR><TD BGCOLOR="{ks.fill}" BORDER="2" COLOR="{ks.border}" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{html_text(ks.label.lower())}</TD></TR>'
        )
    for rel in relations:
        es = theme.edges[rel]
        sign = {"support": "──▶", "attack": "╌╌┤", "undercut": "┈┈┤"}.get(rel, "──")
        rows.append(
            f'<TR><TD><FONT COLOR="{es.color}"><B>{sign}</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{html_text(es.legend)}</TD></TR>'
        )
    if opts.show_findings:
        rows.append(
            f'<TR><TD><FONT COLOR="{theme.finding_border}"><B>⚠</B></FONT></TD>'
            '<TD ALIGN="LEFT">dashed red border: has findings</TD></TR>'
        )
    label = (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2" COLOR="#888888">'
        + "".join(rows)
        + "</TABLE>>"
    )
    return pydot.Node("legend", label=label, shape="plain", fontsize=f"{theme.caption_size:g}")


def _junction_needed(amap: ArgumentMap) -> set[str]:
    undercut = {u.inference for u in amap.undercuts}
    return {i.id for i in amap.inferences if len(i.premises) > 1 or i.id in undercut}


def _add_inference(graph: pydot.Dot, inf: Inference, names: dict, junctions: set, opts) -> None:
    if inf.conclusion not in names:
        return
    premises = [p for p in inf.premises if p in names]
    if inf.id not in junctions:
        for p in premises:
            graph.add_edge(_edge(names[p], names[inf.conclusion], "support", opts))
        return
    junction = names[inf.id]
    es = opts.theme.edges["support"]
    graph.add_node(
        pydot.Node(junction, shape="circle", width="0.18", height="0.18", fixedsize="true",
                   style="filled", fillcolor=es.color, color=es.color, label='""',
                   tooltip=_quote(f"inference {inf.id}"))
    )  # fmt: skip
    for p in premises:
        graph.add_edge(_edge(names[p], junction, "link", opts))
    graph.add_edge(_edge(junction, names[inf.conclusion], "support", opts))


def node_names(amap: ArgumentMap) -> dict[str, str]:
    """The DOT node name of each claim (``n0``, ``n1``… in file order) and of each
    inference drawn as a junction dot (``j0``… in sorted inference-id order).

    Graphviz writes a node's name as the ``<title>`` of its ``<g class="node">``
    in SVG, so pages find a claim's shape through this mapping.
    """
    names = {cid: f"n{i}" for i, cid in enumerate(amap.claims)}
    names.update({iid: f"j{i}" for i, iid in enumerate(sorted(_junction_needed(amap)))})
    return names


def build_dot(amap: ArgumentMap, findings: Iterable[Finding] = (),
              opts: RenderOptions | None = None) -> pydot.Dot:  # fmt: skip
    """Build the pydot graph of ``amap``.

    Args:
        amap: the map.
        findings: findings to mark on their claims (first claim of each).
        opts: rendering options (defaults: :class:`RenderOptions`).

    Returns:
        A ``pydot.Dot`` whose node names are synthetic (``n0``… for claims,
        ``j0``… for inference junctions, ``legend``).
    """
    opts = opts or RenderOptions()
    theme = opts.theme
    graph = pydot.Dot(
        "argmap", graph_type="digraph", rankdir="BT" if opts.direction == "TB" else "RL",
        bgcolor=theme.background, nodesep="0.15", ranksep="0.45", newrank="true",
        fontname=_quote(theme.font), label=_quote(amap.title or ""), labelloc="t",
        fontsize=f"{theme.font_size * 1.4:g}",
    )  # fmt: skip
    graph.set_node_defaults(fontname=_quote(theme.font), fontsize=f"{theme.font_size:g}",
                            margin="0.14,0.08")  # fmt: skip
    graph.set_edge_defaults(arrowsize="1.1")
    codes: dict[str, list[str]] = {}
    if opts.show_findings:
        for f in findings:
            if f.claims:
                codes.setdefault(f.claims[0], []).append(f.code)
    names = node_names(amap)
    junctions = _junction_needed(amap)
    for cid, claim in amap.claims.items():
        graph.add_node(_node(names[cid], claim, codes.get(cid, []), opts))
    for inf in amap.inferences:
        _add_inference(graph, inf, names, junctions, opts)
    for att in amap.attacks:
        graph.add_edge(_edge(names[att.attacker], names[att.target], "attack", opts))
    for und in amap.undercuts:
        target = names.get(und.inference)
        if target is not None:
            graph.add_edge(_edge(names[und.attacker], target, "undercut", opts))
    stagger(graph, opts.max_row)
    if opts.legend:
        relations = ["support"] + (["attack"] if amap.attacks else [])
        relations += ["undercut"] if amap.undercuts else []
        present = [k for k in KINDS if any(c.kind == k for c in amap.claims.values())]
        graph.add_node(_legend(present, relations, opts))
    return graph


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
        incoming.setdefault(edge.get_destination(), []).append(edge)
    for edges in incoming.values():
        rows = -(-len(edges) // max_row)
        if rows > 1:
            for i, edge in enumerate(edges):
                edge.set("minlen", str(1 + i % rows))


def to_dot(amap: ArgumentMap, findings: Iterable[Finding] = (),
           opts: RenderOptions | None = None) -> str:  # fmt: skip
    """The DOT source of the map's diagram (deterministic text, ends with a newline)."""
    text = build_dot(amap, findings, opts).to_string()
    return text if text.endswith("\n") else text + "\n"
