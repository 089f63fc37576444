"""A map too big for one page, printed over pages under a worksheet's heading.

The parts are those of ``argmap render --paper``
(:func:`argmap.render.pager.paginate`, drawn by
:func:`argmap.render.sheets.paper.paper_drawing`: an overview, then each line
of argument), each fitted to a whole page at scale 1. They are packed in
reading order (:func:`argmap.render.sheets.pack.pack`) after a first item as
wide as the page and as tall as the heading, so the heading takes the top of
page 1 only and every later page has its whole height; the overview's first
part is cut to fit under the heading, so page 1 shows the map's top. Page numbers in the
references ("continued on page 4") are those of the worksheet, whose map
starts on page 1; they are put in once the packing is known and the packing
checked again with them, as on printed pages.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.pager import Part, paginate
from argmap.render.sheets.compose import Spot, fit_scale
from argmap.render.sheets.context import Drawn, Sheets, with_lines
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.layout import Painter
from argmap.render.sheets.pack import GAP, Item, Page, pack, placed
from argmap.render.sheets.paper import lone_test, paper_drawing, settle_numbers
from argmap.render.sheets.slides import start

#: The drawings of one page with their spots.
Sheet = tuple[tuple[Drawn, Spot], ...]

#: The index of the heading's item in a packing (no drawing of the map).
HEADING = -1


def printed_pages(
    shown: ArgumentMap,
    opts: RenderOptions,
    geometry: Geometry,
    painter: Painter,
    heading: float,
    neutral: bool = False,
) -> tuple[Sheet, ...]:
    """The map's drawings on pages of ``geometry``, the first page's under ``heading``
    points (see the module docstring); with ``neutral`` the lines' headings name
    no kind ("Part 3", :attr:`~argmap.render.sheets.context.Sheets.neutral`).

    Raises:
        UsageError: a part of the map fits no page at scale 1 (11 pt).
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    sheets = replace(start(shown, (), opts, geometry, painter), neutral=neutral)
    parts = paginate(shown, partial(_fits, sheets, heading), lone=lone_test(sheets))
    head = Item(HEADING, geometry.body[0], heading, 1.0)
    _, drawings, layout = settle_numbers(
        with_lines(sheets, parts), lambda s: _layout(s, parts, head)
    )
    top, _, _, left = geometry.margins
    return tuple(
        tuple(
            (drawings[item.index], Spot(x, y, 1.0, (item.width, item.height)))
            for item, x, y in placed(page, geometry.body[0], (left, top))
            if item.index != HEADING
        )
        for page in layout
    )


def _fits(sheets: Sheets, heading: float, part: Part) -> bool:
    """Whether ``part`` fits a page's body at scale 1 (laid out, not estimated); the
    overview's first part must fit under the heading, so page 1 holds more than it."""
    drawn = paper_drawing(sheets, part)
    width, height = sheets.painter.size(drawn.dot, engine=drawn.engine)
    room_w, room_h = sheets.geometry.body
    if part.kind == "overview" and not part.continued:
        room_h -= heading + GAP
    return width <= room_w and height <= room_h


def _layout(sheets: Sheets, parts: list[Part], head: Item) -> tuple[list[Drawn], list[Page]]:
    """The parts' drawings and their packing after the heading's item.

    Raises:
        UsageError: a drawing fits no page at scale 1.
    """
    drawings = [paper_drawing(sheets, part) for part in parts]
    sheets.painter.warm([(d.dot, d.engine) for d in drawings])
    items = []
    for k, drawn in enumerate(drawings):
        size = sheets.painter.size(drawn.dot, engine=drawn.engine)
        if fit_scale(sheets.geometry, size) < 1:
            raise UsageError(
                "a reason of this map (many linked premises, or long claims) is too big "
                "for one page at 11 pt: shorten its claims"
            )
        items.append(Item(k, size[0], size[1], 1.0))
    return drawings, pack([head, *items], sheets.geometry.body)
