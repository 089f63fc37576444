"""The argument map of a worksheet: one diagram on the page, or the printed pages.

The map is drawn by the diagram code (:func:`argmap.render.dot.to_dot`) with
the print theme (black on white and grey, shapes that survive a photocopier)
at the worksheet's sizes: claim text and captions 11 pt, no legend, no
paragraph numbers, no finding marks. ``classify`` draws every kind of claim
in one look (:func:`neutral`): a white rounded box captioned ``BOX · 3``.

When the whole map fits the page under the worksheet's heading at scale 1
it is one drawing; otherwise it goes on printed pages in the parts ``argmap
render --paper`` cuts (:mod:`.pages`: an overview, then each line of
argument, with page references), every text still at 11 pt or more.

A claim too long for its box at the usual width gets a wider wrap for the
whole map (:func:`wrap_for`); one too long for a page even at the page's
width is refused (:class:`~argmap.errors.UsageError`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from argmap.errors import UsageError
from argmap.model import KINDS, ArgumentMap
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.fonts import line_height
from argmap.render.sheets.compose import Spot
from argmap.render.sheets.context import Drawn
from argmap.render.sheets.geometry import Geometry, paper_geometry, sheet_theme
from argmap.render.sheets.layout import Painter, closing
from argmap.render.style import PRINT, KindStyle, Theme
from argmap.render.worksheet.pages import printed_pages
from argmap.util.text import wrap_text

#: The look of every box of a ``classify`` sheet.
NEUTRAL = KindStyle("BOX", "#ffffff", "#000000", "#000000", "box", "filled,rounded")
#: Points under the heading before the diagram.
GAP = 14.0
#: Points of a page a part's heading and a box's caption and padding may take.
HEADROOM = 90.0
#: Average width of a character of claim text, in em (DejaVu Sans, English text).
CHAR_EM = 0.56


def paper_name(geometry: Geometry) -> str:
    """``"A4"`` or ``"Letter"``: the paper of ``geometry`` as people write it."""
    return "A4" if geometry.name.startswith("a4") else "Letter"


def neutral(theme: Theme) -> Theme:
    """``theme`` with every kind drawn as :data:`NEUTRAL` (no kind's colour, shape or word)."""
    return replace(theme, kinds={kind: NEUTRAL for kind in KINDS})


def worksheet_geometry(paper: str) -> Geometry:
    """The printed page of a worksheet: ``argmap render --paper``'s, captions at
    11 pt (nothing under 11 pt).

    Raises:
        KeyError: an unknown paper name.
    """
    return replace(paper_geometry(paper), caption_size=11.0, least=11.0)


def wrap_for(amap: ArgumentMap, geometry: Geometry, room: float) -> int:
    """The wrap width (characters) of the map's claims: the page's usual width,
    wider when the longest claim would be taller than half of ``room`` points.

    Raises:
        UsageError: a claim does not fit ``room`` even at the page's full width.
    """
    size = geometry.font_size
    widest = int(geometry.body[0] * 0.9 / (size * CHAR_EM))
    lines_in = int((room - HEADROOM) / (line_height(size) * 1.05))
    wrap = geometry.wrap
    for claim in amap.claims.values():
        while len(wrap_text(claim.text, wrap)) > lines_in // 2 and wrap < widest:
            wrap = min(widest, wrap + 12)
        if len(wrap_text(claim.text, widest)) > lines_in:
            chars = len(" ".join(claim.text.split()))
            raise UsageError(
                f"box {claim.id} ({chars} characters) does not fit on one {paper_name(geometry)} "
                "page at 11 pt: shorten the claim, or split it into several claims"
            )
    return wrap


def diagram_options(geometry: Geometry, classify: bool, wrap: int, sources: bool) -> RenderOptions:
    """The diagram options of a worksheet (see the module docstring)."""
    theme = sheet_theme(neutral(PRINT) if classify else PRINT, geometry)
    return RenderOptions(
        theme=theme,
        wrap=wrap,
        legend=False,
        show_para=False,
        show_findings=False,
        source_lines=0 if sources else 1,
        max_row=geometry.max_row,
    )


def diagram_dot(shown: ArgumentMap, opts: RenderOptions) -> str:
    """The DOT of the whole map, without its title (the heading has it), ``margin=0``."""
    return closing(to_dot(replace(shown, title=None), (), opts), [])


@dataclass(frozen=True)
class MapPages:
    """The map laid out on pages: per page, its drawings with their spots (canvas
    = points, top-left origin), the first page under the heading."""

    pages: tuple[tuple[tuple[Drawn, Spot], ...], ...]


def map_pages(
    shown: ArgumentMap,
    opts: RenderOptions,
    geometry: Geometry,
    painter: Painter,
    heading: float,
    neutral: bool = False,
) -> MapPages:
    """The map on one page when it fits under the heading (``heading`` points tall,
    at the top of the first page) at scale 1, else on printed pages
    (:func:`argmap.render.worksheet.pages.printed_pages`; ``neutral``: headings
    that name no kind, "Part 3").

    Raises:
        UsageError: a part of the map fits no page at 11 pt.
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    dot = diagram_dot(shown, opts)
    width, height = painter.size(dot)
    room_w, room_h = geometry.body
    if width <= room_w and height <= room_h - heading - GAP:
        left, top = geometry.margins[3], geometry.margins[0] + heading + GAP
        spot = Spot(left + (room_w - width) / 2, top, 1.0, (width, height))
        return MapPages(((((Drawn(dot)), spot),),))
    titled = replace(shown, title="The argument map")
    return MapPages(printed_pages(titled, opts, geometry, painter, heading, neutral))


_KIND_CLASS = re.compile(rb'class="((?:node )?claim) [a-z]+"')


def diagram_svg(
    shown: ArgumentMap, opts: RenderOptions, painter: Painter, neutral_: bool
) -> bytes:
    """The whole map's SVG for the HTML sheet (no size limit on a screen): the
    ``<svg>`` element only; for a neutral sheet no kind in its class names."""
    svg = painter.svg(diagram_dot(shown, opts))
    start = svg.find(b"<svg")
    svg = svg[start:] if start >= 0 else svg
    return _KIND_CLASS.sub(rb'class="\1"', svg) if neutral_ else svg
