"""The boxes of the column: a claim, a reference, a fold, a linked reason, the title (pure).

A claim's box shows what its box in the whole-map diagram shows
(:mod:`argmap.render.dot`): a caption (:func:`argmap.diagram.caption`: kind,
id, paragraphs, ``--color-by`` badge), the findings in plain words
(:func:`argmap.findings.plain_words`; the codes only in the tooltip), the
claim's text and its source (citation or link) in small type; its look (shape,
fill, border, double border for ``--focus``, dashed border for findings) is the
theme's (:mod:`argmap.render.style`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from argmap.diagram import caption
from argmap.findings import plain_words
from argmap.model import Claim
from argmap.render.column.measure import Metrics, fit, wrap
from argmap.render.column.shapes import Box, TextLine
from argmap.render.dot import RenderOptions
from argmap.render.labels import claim_tooltip, source_line
from argmap.util.urls import link_target

#: A reference row's arrow: the claim is drawn in full above or below it.
UP, DOWN = "↑", "↓"
#: The caption of a linked reason's box (two or more premises) and of a
#: one-premise step that is undercut.
LINKED_CAPTION, STEP_CAPTION = "TOGETHER, AS ONE REASON", "ONE REASON"


def _lines(
    text: str, width: float, size: float, height: int, colour: str, **style: bool
) -> list[TextLine]:
    bold = style.get("bold", False)
    return [TextLine(t, size, height, colour, **style) for t in wrap(text, width, size, bold=bold)]


def finding_words(codes: Sequence[str]) -> str:
    """``"⚠ no reason given, unanswered"``: the codes in plain words, sorted by code,
    each once; ``""`` for none."""
    words = dict.fromkeys(plain_words(code) for code in sorted(set(codes)))
    return "⚠ " + ", ".join(words) if words else ""


def _cite(source: str | None, width: float, m: Metrics, colour: str) -> list[TextLine]:
    """The source in at most two lines of small italics (the second cut with ``…``)."""
    shown = source_line(source, 10**9)
    if not shown:
        return []
    lines = wrap(shown[0], width, m.small)
    if len(lines) > 2:
        lines = [lines[0], fit(" ".join(lines[1:]), width, m.small)]
    return [TextLine(t, m.small, m.line(m.small), colour, italic=True) for t in lines]


def claim_lines(
    claim: Claim, codes: Sequence[str], opts: RenderOptions, m: Metrics, width: float
) -> list[TextLine]:
    """The text of a claim's box ``width`` px wide (padding included), top to bottom."""
    theme, inner = opts.theme, width - 2 * m.pad_x
    ks = theme.kinds[claim.kind]
    head = caption(
        claim,
        ks.label,
        show_id=opts.show_ids,
        show_para=opts.show_para,
        badge=opts.badges.get(claim.id, ""),
    )
    colour = theme.finding_text if codes else theme.caption_color
    small = m.line(m.small)
    lines = _lines(head, inner, m.small, small, colour, bold=True)
    if codes:
        lines += _lines(finding_words(codes), inner, m.small, small, theme.finding_text, bold=True)
    lines += _lines(claim.text, inner, m.text, m.line(m.text), ks.text)
    for source in claim.sources:
        lines += _cite(source, inner, m, theme.caption_color)
    return lines


def claim_box(
    name: str,
    claim: Claim,
    codes: Sequence[str],
    opts: RenderOptions,
    m: Metrics,
    at: tuple[float, float, float],
) -> Box:
    """A claim's box with its top-left corner at ``(x, y)`` and ``w`` wide (``at``)."""
    x, y, w = at
    theme = opts.theme
    ks = theme.kinds[claim.kind]
    lines = claim_lines(claim, codes, opts, m, w)
    style, border, penwidth, peripheries = ks.style, ks.border, m.penwidth, ks.peripheries
    if codes:
        style = style.replace("bold", "") + "," + theme.finding_style
        border, penwidth = theme.finding_border, m.penwidth * 1.5
    if claim.id in opts.highlight:
        peripheries, penwidth = 2, penwidth * 1.25
    return Box(
        name,
        x,
        y,
        w,
        2 * m.pad_y + sum(line.height for line in lines),
        tuple(lines),
        m.pad_x,
        m.pad_y,
        fill=opts.fills.get(claim.id, ks.fill),
        border=border,
        penwidth=penwidth,
        shape=ks.shape,
        style=",".join(s for s in style.split(",") if s),
        peripheries=peripheries,
        css=f"claim {claim.kind}",
        title=claim_tooltip(claim, ks.label, list(codes), student=opts.student),
        link=opts.links.get(claim.id) or link_target(claim.source),
    )


def ref_box(
    name: str,
    claim: Claim,
    opts: RenderOptions,
    m: Metrics,
    at: tuple[float, float, float],
    *,
    arrow: str = UP,
    circle: bool = False,
    target: str | None = None,
) -> Box:
    """A reference to a claim drawn in full elsewhere: one line, ``"see P2 ↑: Beijing …"``
    (``"see P1 ↑, a circle: …"`` when it closes a loop of support), linking to the
    element ``target`` (the full box's node name; the SVG's id prefix is added to
    the link with the ids)."""
    x, y, w = at
    ks = opts.theme.kinds[claim.kind]
    head = f"see {claim.id} {arrow}" if opts.show_ids else f"see {arrow}"
    head += ", a circle" if circle else ""
    line = fit(f"{head}: {claim.text}", w - 2 * m.pad_x, m.text)
    where = "above" if arrow == UP else "below"
    title = claim_tooltip(claim, ks.label, []) + f"\nDrawn in full {where}."
    return Box(
        name,
        x,
        y,
        w,
        2 * m.pad_y + m.line(m.text),
        (TextLine(line, m.text, m.line(m.text), ks.text),),
        m.pad_x,
        m.pad_y,
        fill=opts.theme.background,
        border=ks.border,
        penwidth=m.penwidth,
        style="filled,rounded,dotted",
        css=f"ref {claim.kind}",
        title=title,
        link=f"#{target}" if target else None,
    )


def fold_box(
    name: str,
    claim: Claim,
    hidden: int,
    opts: RenderOptions,
    m: Metrics,
    at: tuple[float, float, float],
) -> Box:
    """The "+N claims hidden" box under a folded claim (``--collapse``, ``--split``);
    it links to the claim's own page when there is one."""
    x, y, w = at
    fold, link = opts.theme.fold, opts.links.get(claim.id)
    noun = "claim" if hidden == 1 else "claims"
    text = f"+{hidden} {noun} on the page of {claim.id}" if link else f"+{hidden} {noun} hidden"
    lines = _lines(text, w - 2 * m.pad_x, m.small, m.line(m.small), fold.text)
    return Box(
        name,
        x,
        y,
        w,
        2 * m.pad_y + sum(line.height for line in lines),
        tuple(lines),
        m.pad_x,
        m.pad_y,
        fill=fold.fill,
        border=fold.border,
        penwidth=m.penwidth,
        shape=fold.shape,
        style=fold.style,
        css="fold",
        title=f"{hidden} {noun} arguing about {claim.id}, not drawn here",
        link=link,
    )


def title_box(text: str, opts: RenderOptions, m: Metrics) -> Box:
    """The map's title across the top of the column, bold, wrapped (element id
    ``heading``: the SVG's accessible ``title`` has that id)."""
    width = m.width - 2 * m.margin
    lines = _lines(text, width, m.title, m.line(m.title), opts.theme.title_color, bold=True)
    height = sum(line.height for line in lines)
    box = Box("heading", m.margin, m.margin, width, height, tuple(lines), shape="plaintext")
    return replace(box, css="heading", title=text)
