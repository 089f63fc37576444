"""Slides: a title slide, the overview, then one slide per line of argument.

Each part of :func:`argmap.render.pager.paginate` is one slide. A part fits
when its drawing, laid out by Graphviz with the slide theme (claim text 28,
the smallest text 20 canvas units), is no larger than the slide's body at
scale 1, so that shown at 1920×1080 no word is under 20 px and claim text
is at least 24 px; a smaller part is shown larger, up to 1.6 times. Slide 1
is the title, slide ``k + 2`` shows part ``k``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.pager import Part, paginate
from argmap.render.pdf import assemble
from argmap.render.pipeline import map_title
from argmap.render.sheets.body import line_drawing
from argmap.render.sheets.compose import (
    Spot,
    canvas_svg,
    fit_scale,
    footer_spot,
    layer,
    middle_spot,
    top_spot,
)
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.cover import footer_drawing, summary, title_drawing
from argmap.render.sheets.geometry import SLIDES, Geometry, sheet_theme
from argmap.render.sheets.grid import overview_drawing
from argmap.render.sheets.layout import Painter
from argmap.render.svg import SvgExtras, finish_svg, id_prefix


@dataclass(frozen=True)
class Deck:
    """Every slide of a map, laid out, ready for any output.

    Attributes:
        sheets: the shared state (numbers filled in).
        parts: the pager's parts (slide ``k + 2`` shows part ``k``).
        drawings: one per slide, the title slide first.
        spots: where each drawing goes on its slide.
    """

    sheets: Sheets
    parts: tuple[Part, ...]
    drawings: tuple[Drawn, ...]
    spots: tuple[Spot, ...]


def start(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    opts: RenderOptions,
    geometry: Geometry,
    painter: Painter,
) -> Sheets:
    """The shared state of a rendering on ``geometry`` (numbers not known yet)."""
    theme = sheet_theme(opts.theme, geometry)
    bound = len(amap.claims) + len(amap.inferences) + len(amap.attacks) + 3
    shown = replace(opts, theme=theme, width=None)
    return Sheets(amap, findings, shown, geometry, painter, {}, len(str(bound)))


def drawing(sheets: Sheets, part: Part) -> Drawn:
    """The drawing of a part: the overview grid or a line's diagram."""
    if part.kind == "line":
        return line_drawing(sheets, part)
    title = "Overview" + (" (continued)" if part.continued else "")
    noun = sheets.geometry.noun
    note = f"Each box is a line of argument, with how many claims it holds and its {noun}."
    return overview_drawing(sheets, part, title, note)


def fits(sheets: Sheets, part: Part) -> bool:
    """Whether ``part`` fits the body of a sheet at scale 1."""
    drawn = drawing(sheets, part)
    width, height = sheets.painter.size(drawn.dot, engine=drawn.engine)
    room_w, room_h = sheets.geometry.body
    return width <= room_w and height <= room_h


def deck(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    opts: RenderOptions,
    painter: Painter,
) -> Deck:
    """Cut, number and lay out every slide of ``amap``.

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    sheets = start(amap, findings, opts, SLIDES, painter)
    parts = paginate(amap, partial(fits, sheets), lone=True)
    sheets = replace(sheets, numbers={k: k + 2 for k in range(len(parts))})
    drawings = [_title(sheets, parts)] + [drawing(sheets, p) for p in parts]
    painter.warm([(d.dot, d.engine) for d in drawings])
    spots = []
    for k, drawn in enumerate(drawings):
        size = painter.size(drawn.dot, engine=drawn.engine)
        scale = fit_scale(SLIDES, size)
        if k == 0:
            spots.append(middle_spot(SLIDES, size, scale))
        else:
            spots.append(top_spot(SLIDES, size, SLIDES.margins[0], scale))
    return Deck(sheets, tuple(parts), tuple(drawings), tuple(spots))


def _title(sheets: Sheets, parts: list[Part]) -> Drawn:
    """The title slide, without the legend and then with the thesis cut to three
    lines when it would not fit at scale 1."""
    room_w, room_h = sheets.geometry.body
    for legend, most in ((True, 0), (False, 0), (False, 3)):
        drawn = title_drawing(sheets, parts, legend=legend, most=most)
        width, height = sheets.painter.size(drawn.dot)
        if width <= room_w and height <= room_h:
            break
    return drawn


def deck_pdf(deck: Deck) -> bytes:
    """The slides as one PDF, a 960 × 540 pt page each, numbered "3 / 12" from slide 2."""
    painter, total = deck.sheets.painter, len(deck.drawings)
    title = map_title(deck.sheets.amap)
    feet = [footer_drawing(deck.sheets, title, f"{k} / {total}") for k in range(2, total + 1)]
    painter.warm([(foot.dot, foot.engine) for foot in feet])
    pdfs = painter.pdfs([(d.dot, d.engine) for d in (*deck.drawings, *feet)])
    pages = [layer(SLIDES, pdf, spot) for pdf, spot in zip(pdfs, deck.spots, strict=False)]
    for k, foot in enumerate(feet, 1):
        spot = footer_spot(SLIDES, painter.size(foot.dot))
        pages[k] = replace(pages[k], layers=(layer(SLIDES, pdfs[total + k - 1], spot),))
    return assemble(pages, title)


def deck_svgs(deck: Deck, map_id: str, link: str) -> list[bytes]:
    """One finished SVG per slide (1920 × 1080), element ids prefixed
    ``<map_id>-s<n>-``; a reference box links to ``link.format(n)``."""
    painter, total = deck.sheets.painter, len(deck.drawings)
    theme = deck.sheets.opts.theme
    title = map_title(deck.sheets.amap)
    out = []
    for k, (drawn, spot) in enumerate(zip(deck.drawings, deck.spots, strict=True)):
        note = (f"{k + 1} / {total}", deck.sheets.geometry.note_size) if k else None
        raw = canvas_svg(
            painter.svg(drawn.dot, engine=drawn.engine), SLIDES, spot, theme.background, note
        )
        links = dict(drawn.links)
        links.update({eid: link.format(part + 2) for eid, part in drawn.targets.items()})
        extras = SvgExtras(
            prefix=id_prefix(f"{map_id}-s{k + 1}"),
            title=f"{title}, slide {k + 1} of {total}",
            desc=drawn.desc or summary(deck.parts),
            titles=drawn.titles,
            links=links,
            width=1920,
        )
        out.append(finish_svg(raw, extras))
    return out
