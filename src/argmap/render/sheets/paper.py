"""Printed pages: the overview, then the lines of argument, packed on A4 or Letter.

Each part of :func:`argmap.render.pager.paginate` (lines of one claim stay in
the overview's boxes) fits when laid out with the paper theme (claim text
11 pt, nothing under 9 pt) it is no larger than a page's body at scale 1.
Parts are then stacked down the pages in order, each at scale 1, a new page
begun when the next does not fit under the last; references name the pages
("continued on page 4"). Numbers are put in once the packing is known, and
the packing checked again with them (they are never wider than the
placeholders the parts were fitted with). Every page has a footer with the
map's title and "page 3 of 9".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.pager import Part, paginate
from argmap.render.pdf import Placed, assemble
from argmap.render.pipeline import map_title
from argmap.render.sheets.body import line_drawing
from argmap.render.sheets.compose import Spot, fit_scale, footer_spot, layer, top_spot
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.cover import footer_drawing, source_words
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.grid import overview_drawing
from argmap.render.sheets.layout import Painter
from argmap.render.sheets.slides import fits, start

#: Space between two parts stacked on one page (points).
GAP = 20.0


@dataclass(frozen=True)
class Packed:
    """Drawings stacked on pages.

    Attributes:
        pages: per page, its drawings with their spots.
    """

    pages: tuple[tuple[tuple[Drawn, Spot], ...], ...]


def paper_drawing(sheets: Sheets, part: Part, last: bool) -> Drawn:
    """A part as printed: the first overview part is headed by the map's title and
    its source, the ``last`` overview part has the legend under it."""
    if part.kind == "line":
        return line_drawing(sheets, part)
    legend = last and sheets.opts.legend
    if not part.continued:
        source = source_words(sheets.amap)
        note = (source + " · " if source else "") + "Overview: each box is a line of argument."
        return overview_drawing(sheets, part, map_title(sheets.amap), note, legend=legend)
    return overview_drawing(sheets, part, "Overview (continued)", "", legend=legend)


def _fits(sheets: Sheets, part: Part) -> bool:
    """Whether ``part`` fits a page; an overview part that could be the last has
    room for the legend."""
    if part.kind == "line":
        return fits(sheets, part)
    drawn = paper_drawing(sheets, part, True)
    width, height = sheets.painter.size(drawn.dot)
    room_w, room_h = sheets.geometry.body
    return width <= room_w and height <= room_h


def pack(sheets: Sheets, drawings: list[Drawn]) -> list[list[int]]:
    """Which drawings go on which page: in order, stacked ``GAP`` apart, a new
    page when the next is taller than the room left."""
    room = sheets.geometry.body[1]
    pages: list[list[int]] = []
    used = room
    for k, drawn in enumerate(drawings):
        height = sheets.painter.size(drawn.dot, engine=drawn.engine)[1]
        height *= min(
            1.0, fit_scale(sheets.geometry, sheets.painter.size(drawn.dot, engine=drawn.engine))
        )
        if pages and used + GAP + height <= room:
            pages[-1].append(k)
            used += GAP + height
        else:
            pages.append([k])
            used = height
    return pages


def paper_pages(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    opts: RenderOptions,
    geometry: Geometry,
    painter: Painter,
) -> tuple[Sheets, Packed]:
    """Cut, draw and pack every page of ``amap`` on ``geometry``.

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    sheets = start(amap, findings, opts, geometry, painter)
    parts = paginate(amap, partial(_fits, sheets), lone=False)
    numbered = sheets
    layout = pack(sheets, _drawings(sheets, parts))
    for _ in range(3):  # numbers are never wider than the placeholders: settles at once
        on = {k: n for n, page in enumerate(layout, 1) for k in page}
        numbered = replace(sheets, numbers=on)
        again = pack(numbered, _drawings(numbered, parts))
        if again == layout:
            break
        layout = again
    drawings = _drawings(numbered, parts)
    return numbered, Packed(
        tuple(_stack(numbered, [drawings[k] for k in page]) for page in layout)
    )


def _drawings(sheets: Sheets, parts: list[Part]) -> list[Drawn]:
    last = max(k for k, part in enumerate(parts) if part.kind == "overview")
    return [paper_drawing(sheets, part, k == last) for k, part in enumerate(parts)]


def _stack(sheets: Sheets, drawings: list[Drawn]) -> tuple[tuple[Drawn, Spot], ...]:
    geometry, y = sheets.geometry, sheets.geometry.margins[0]
    placed = []
    for drawn in drawings:
        size = sheets.painter.size(drawn.dot, engine=drawn.engine)
        scale = min(1.0, fit_scale(geometry, size))
        placed.append((drawn, top_spot(geometry, size, y, scale)))
        y += size[1] * scale + GAP
    return tuple(placed)


def paper_pdf(sheets: Sheets, packed: Packed) -> bytes:
    """The pages as one PDF of the paper's size, each with its footer."""
    painter, geometry = sheets.painter, sheets.geometry
    title = map_title(sheets.amap)
    total = len(packed.pages)
    placed: list[tuple[Drawn, Spot]] = []
    for number, page in enumerate(packed.pages, 1):
        foot = footer_drawing(sheets, title, f"page {number} of {total}")
        painter.warm([(foot.dot, foot.engine)])
        placed += [*page, (foot, footer_spot(geometry, painter.size(foot.dot)))]
    pdfs = iter(painter.pdfs([(d.dot, d.engine) for d, _ in placed]))
    spots = iter(spot for _, spot in placed)
    pages = []
    for page in packed.pages:
        layers = [layer(geometry, next(pdfs), next(spots)) for _ in range(len(page) + 1)]
        first = layers[0]
        pages.append(
            Placed(first.pdf, geometry.page, first.scale, first.offset, tuple(layers[1:]))
        )
    return assemble(pages, title)
