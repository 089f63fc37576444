"""Printed pages: the overview, then the lines of argument, packed on A4 or Letter.

Each part of :func:`argmap.render.pager.paginate` (lines of one claim stay in
the overview's boxes) fits when laid out with the paper theme (claim text
11 pt, nothing under 10 pt) it is no larger than a page's body at scale 1.
Parts are then packed in reading order, each at scale 1: side by side while
they fit across the page, in rows down it, a new page begun when the next
does not fit; references name the pages ("continued on page 4"). Numbers
are put in once the packing is known, and the packing checked again with
them (they are never wider than the placeholders the parts were fitted
with). Every page has a footer with the map's title and "page 3 of 9".
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
from argmap.render.sheets.compose import Spot, fit_scale, footer_spot, layer
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.cover import footer_drawing, source_words
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.grid import overview_drawing
from argmap.render.sheets.layout import Painter
from argmap.render.sheets.slides import fits, start

#: Space between two parts stacked on one page (points).
GAP = 14.0


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


#: A drawing in a row: (index, width, height, scale), sizes as placed.
Item = tuple[int, float, float, float]


def pack(sheets: Sheets, drawings: list[Drawn]) -> list[list[list[Item]]]:
    """Pages of rows of drawings, in order: side by side while they fit across the
    body, rows ``GAP`` apart down the page, a new page when the next does not fit.
    Each drawing is placed at scale 1 (smaller only when it fits no page)."""
    width, height = sheets.geometry.body
    pages: list[list[list[Item]]] = []
    top = 0.0  # the current row's top, from the body's top
    for k, drawn in enumerate(drawings):
        size = sheets.painter.size(drawn.dot, engine=drawn.engine)
        scale = min(1.0, fit_scale(sheets.geometry, size))
        item = (k, size[0] * scale, size[1] * scale, scale)
        row = pages[-1][-1] if pages else []
        across = sum(i[1] for i in row) + GAP * len(row) + item[1]
        tall = max((i[2] for i in row), default=0.0)
        if row and across <= width and top + max(tall, item[2]) <= height:
            row.append(item)
        elif row and top + tall + GAP + item[2] <= height:
            top += tall + GAP
            pages[-1].append([item])
        else:
            pages.append([[item]])
            top = 0.0
    return pages


def _spots(sheets: Sheets, page: list[list[Item]]) -> list[tuple[int, Spot]]:
    """Where each drawing of a packed page goes: rows centred across the body."""
    geometry = sheets.geometry
    top, _, _, left = geometry.margins
    out = []
    for row in page:
        x = left + (geometry.body[0] - sum(i[1] for i in row) - GAP * (len(row) - 1)) / 2
        for k, w, h, scale in row:
            out.append((k, Spot(x, top, scale, (w / scale, h / scale))))
            x += w + GAP
        top += max(i[2] for i in row) + GAP
    return out


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
        on = {k: n for n, page in enumerate(layout, 1) for row in page for k, *_ in row}
        numbered = replace(sheets, numbers=on)
        again = pack(numbered, _drawings(numbered, parts))
        if [[[i[0] for i in r] for r in p] for p in again] == [
            [[i[0] for i in r] for r in p] for p in layout
        ]:
            layout = again
            break
        layout = again
    drawings = _drawings(numbered, parts)
    pages = [[(drawings[k], spot) for k, spot in _spots(numbered, page)] for page in layout]
    return numbered, Packed(tuple(tuple(page) for page in pages))


def _drawings(sheets: Sheets, parts: list[Part]) -> list[Drawn]:
    last = max(k for k, part in enumerate(parts) if part.kind == "overview")
    return [paper_drawing(sheets, part, k == last) for k, part in enumerate(parts)]


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
