"""Printed pages: the overview, then the lines of argument, packed on A4 or Letter.

The parts are :func:`argmap.render.pager.paginate`'s. A line of one claim
stays in the overview's box, its whole text shown there, unless the box
would hide something a diagram shows: a linked reason, an undercut step or
a finding on the claim (:func:`lone_test`); every other line gets a diagram.
A part fits when, laid out with the paper theme (claim text 11 pt, nothing
under 10 pt), it is no larger than a page's body at scale 1. The parts are
then packed in reading order at scale 1 (:mod:`.pack`: side by side, under
a shorter neighbour, in rows down the page), the legend where there is room;
references name the pages ("continued on page 4"). Numbers are put in once
the packing is known, and the packing checked again with them (they are
never wider than the placeholders the parts were fitted with). Every page
has a footer with the map's title and "page 3 of 9".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.pager import Part, Unit, paginate
from argmap.render.pdf import Placed, assemble
from argmap.render.pipeline import map_title
from argmap.render.sheets.body import line_drawing
from argmap.render.sheets.compose import Spot, fit_scale, footer_spot, layer
from argmap.render.sheets.context import Drawn, Sheets, with_lines
from argmap.render.sheets.cover import footer_drawing, source_words
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.grid import legend_drawing, overview_drawing
from argmap.render.sheets.layout import Painter
from argmap.render.sheets.pack import GAP, Item, Page, layout_key, pack, placed
from argmap.render.sheets.slides import start

__all__ = ["GAP", "Packed", "lone_test", "paper_pages", "paper_pdf"]

#: Lines of text a box of the overview may take on paper: all of them.
FULL = 10**6


@dataclass(frozen=True)
class Packed:
    """Drawings stacked on pages.

    Attributes:
        pages: per page, its drawings with their spots.
    """

    pages: tuple[tuple[tuple[Drawn, Spot], ...], ...]


def paper_drawing(sheets: Sheets, part: Part) -> Drawn:
    """A part as printed: the first overview part is headed by the map's title and
    its source; a line of one claim with no page of its own shows its whole text."""
    if part.kind == "line":
        return line_drawing(sheets, part)
    if not part.continued:
        source = source_words(sheets.amap)
        note = (source + " · " if source else "") + "Overview: each box is a line of argument."
        return overview_drawing(sheets, part, map_title(sheets.amap), note, most=FULL)
    return overview_drawing(sheets, part, "Overview (continued)", "", most=FULL)


def lone_test(sheets: Sheets) -> Callable[[Unit], bool]:
    """Which lines of one unit get a diagram on paper: a linked reason, an undercut
    step, or a claim the diagram marks with a finding (the box of the overview
    would show none of these)."""
    flagged = (
        {c for f in sheets.findings for c in f.claims} if sheets.opts.show_findings else set()
    )
    return lambda unit: unit.junction or any(c in flagged for c in unit.claims)


def _fits(sheets: Sheets, part: Part) -> bool:
    """Whether ``part`` fits a page's body at scale 1 (laid out, not estimated)."""
    drawn = line_drawing(sheets, part) if part.kind == "line" else paper_drawing(sheets, part)
    width, height = sheets.painter.size(drawn.dot, engine=drawn.engine)
    room_w, room_h = sheets.geometry.body
    return width <= room_w and height <= room_h


def _items(sheets: Sheets, drawings: list[Drawn]) -> list[Item]:
    """Each drawing's size as placed: scale 1, smaller only when it fits no page."""
    sheets.painter.warm([(d.dot, d.engine) for d in drawings])
    out = []
    for k, drawn in enumerate(drawings):
        size = sheets.painter.size(drawn.dot, engine=drawn.engine)
        scale = min(1.0, fit_scale(sheets.geometry, size))
        out.append(Item(k, size[0] * scale, size[1] * scale, scale))
    return out


def _layout(sheets: Sheets, parts: list[Part]) -> tuple[list[Drawn], list[Page]]:
    """The drawings (the parts', then the legend's when shown) and their packing."""
    drawings = [paper_drawing(sheets, part) for part in parts]
    if sheets.opts.legend:
        drawings.append(legend_drawing(sheets))
    items = _items(sheets, drawings)
    floating = items.pop() if sheets.opts.legend else None
    return drawings, pack(items, sheets.geometry.body, floating)


def settle_numbers(
    sheets: Sheets, lay_out: Callable[[Sheets], tuple[list[Drawn], list[Page]]]
) -> tuple[Sheets, list[Drawn], list[Page]]:
    """Put the page numbers in the parts' references and pack again until the
    packing stays the same (numbers are never wider than their placeholders, so it
    settles at once; at most three passes).

    Args:
        sheets: the sheets, without page numbers.
        lay_out: draws and packs ``sheets``: ``(drawings, pages)``; an item whose
            index is negative (a worksheet's heading) is no part and gets no number.

    Returns:
        The numbered sheets, their drawings and their packing.
    """
    numbered = sheets
    drawings, layout = lay_out(sheets)
    for _ in range(3):
        on = {
            item.index: n
            for n, page in enumerate(layout, 1)
            for row in page
            for col in row
            for item in col.items
            if item.index >= 0
        }
        numbered = replace(sheets, numbers=on)
        drawings, again = lay_out(numbered)
        settled = layout_key(again) == layout_key(layout)
        layout = again
        if settled:
            break
    return numbered, drawings, layout


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
    parts = paginate(amap, partial(_fits, sheets), lone=lone_test(sheets))
    numbered, drawings, layout = settle_numbers(
        with_lines(sheets, parts), lambda s: _layout(s, parts)
    )
    top, _, _, left = geometry.margins
    pages = [
        tuple(
            (
                drawings[item.index],
                Spot(x, y, item.scale, (item.width / item.scale, item.height / item.scale)),
            )
            for item, x, y in placed(page, geometry.body[0], (left, top))
        )
        for page in layout
    ]
    return numbered, Packed(tuple(pages))


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
