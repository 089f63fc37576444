"""A worksheet as one PDF: the students' pages, then the answer key's.

Page 1 starts with the heading (name and date lines, the map's title, the
instructions). Then, for ``fill``, the word bank and the map under it
(:mod:`.diagram`); for ``classify`` and ``flaw``, the map and the list under
it (the kinds, the questions); for ``cards``, the cards in a grid with dashed cut lines. The
answer key starts on a page of its own after them, headed "Answer key", so a
teacher can keep it back by printing the pages before it (or goes to a file of
its own: ``part``). Every student page after the first has a name line in its
footer. Every page has a
footer with the title and "page 3 of 5"; every drawing is placed at scale 1,
so no text is smaller than its size in :mod:`.tables` (11 pt at least).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Literal

from argmap.errors import UsageError
from argmap.render.fonts import text_width
from argmap.render.pager import longest
from argmap.render.pdf import Placed, assemble
from argmap.render.sheets.compose import Spot, footer_spot, layer, top_spot
from argmap.render.sheets.context import Drawn
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.layout import Painter
from argmap.render.worksheet.content import Content, Settings
from argmap.render.worksheet.diagram import (
    GAP,
    diagram_dot,
    diagram_options,
    map_pages,
    paper_name,
    worksheet_geometry,
    wrap_for,
)
from argmap.render.worksheet.tables import (
    TEXT,
    answers_graph,
    card_height,
    cards_graph,
    footer_graph,
    header_graph,
    list_graph,
)

#: How to read the diagram's lines, under the instructions.
GUIDE = (
    "How to read the map: a solid arrow points from a reason to the claim it supports; "
    "a dashed line ending in a bar argues against a claim; a dotted one says a step "
    "does not follow."
)

Page = list[tuple[Drawn, Spot]]


class Flow:
    """Drawings placed down the pages at scale 1, a new page when one does not fit."""

    def __init__(self, geometry: Geometry, painter: Painter) -> None:
        self.geometry, self.painter = geometry, painter
        self.pages: list[Page] = [[]]
        self.y = geometry.margins[0]

    @property
    def bottom(self) -> float:
        """The lowest point a drawing may reach (canvas units from the top)."""
        return self.geometry.margins[0] + self.geometry.body[1]

    def room(self) -> float:
        """The height left on the current page."""
        return self.bottom - self.y

    def at_top(self) -> bool:
        """Whether nothing is on the current page yet."""
        return not self.pages[-1]

    def new_page(self) -> None:
        """Start a page (unless the current one is empty)."""
        if self.pages[-1]:
            self.pages.append([])
        self.y = self.geometry.margins[0]

    def add(self, dot: str) -> None:
        """Place the drawing of ``dot`` under the last one, on a new page when it does not fit."""
        size = self.painter.size(dot)
        if size[1] > self.room() and not self.at_top():
            self.new_page()
        self.pages[-1].append((Drawn(dot), top_spot(self.geometry, size, self.y, 1.0)))
        self.y += size[1] + GAP

    def add_rows(
        self,
        make: Callable[[str, Sequence[tuple[str, str]]], str],
        heading: str,
        rows: Sequence[tuple[str, str]],
    ) -> None:
        """A table of ``rows`` under ``heading`` (``make(heading, rows)`` its DOT), cut
        into pieces that fit, each continued piece headed "… (continued)".

        Raises:
            UsageError: one row does not fit a whole page.
        """
        start, title = 0, heading
        while start < len(rows):
            end = longest(start, len(rows), partial(self._fits_rows, make, title, rows, start))
            if not self._fits(make(title, rows[start:end])):
                if self.at_top():
                    raise UsageError(f"a line of {heading!r} does not fit on one page at 11 pt")
                self.new_page()
                continue
            self.add(make(title, rows[start:end]))
            start, title = end, f"{heading} (continued)" if heading else ""

    def _fits_rows(
        self,
        make: Callable[[str, Sequence[tuple[str, str]]], str],
        title: str,
        rows: Sequence[tuple[str, str]],
        start: int,
        end: int,
    ) -> bool:
        return self._fits(make(title, rows[start:end]))

    def _fits(self, dot: str) -> bool:
        width, height = self.painter.size(dot)
        return width <= self.geometry.body[0] and height <= self.room()


#: Which pages a file holds: the students' and the key's, or one of them.
Part = Literal["all", "students", "key"]


def worksheet_pdf(
    content: Content, settings: Settings, painter: Painter, part: Part = "all"
) -> bytes:
    """The worksheet of ``content`` as one PDF (see the module docstring): all its
    pages, only the students' (the key in a file of its own) or only the key's.

    Raises:
        UsageError: a claim or a part of the map fits no page at 11 pt.
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    flow = Flow(worksheet_geometry(settings.paper), painter)
    if part != "key":
        _students(flow, content, settings)
    students = len(flow.pages) if part != "key" else 0
    if part != "students":
        flow.new_page()
        _key(flow, content)
    return _pdf(flow, content.title, students)


def _students(flow: Flow, content: Content, settings: Settings) -> None:
    """The students' pages: the heading, then the map and its lists, or the cards."""
    width = flow.geometry.body[0]
    guide = "" if content.kind == "cards" else GUIDE
    head = header_graph(content.title, content.instructions, guide, width)
    flow.add(head)
    if content.kind == "cards":
        _cards(flow, content)
        return
    listed = partial(_list_rows, flow, content)
    if content.kind == "fill":  # the word bank under the instructions, never a page of its own
        listed()
        if flow.room() < flow.geometry.body[1] * 0.4:  # a long bank: the map on a page of its own
            flow.new_page()
            flow.y += GAP  # map_pages puts the map GAP under what stands above it
    _map(flow, content, flow.y - flow.geometry.margins[0] - GAP)
    if content.kind != "fill":
        listed()
    flow.add_rows(
        lambda h, r: answers_graph(h, [label for label, _ in r], width),
        "Your answers",
        [(label, "") for label in content.answers],
    )


def _list_rows(flow: Flow, content: Content) -> None:
    """The list of the sheet (the word bank, the kinds, the questions) under its heading."""
    width = flow.geometry.body[0]
    flow.add_rows(
        lambda h, r: list_graph(h, r, width, _first(content.items)),
        content.list_title,
        content.items,
    )


def _key(flow: Flow, content: Content) -> None:
    """The key's pages: (for cards) the map with the cards' numbers, then the key's list."""
    width = flow.geometry.body[0]
    if content.kind == "cards":
        _key_map(flow, content)
    flow.add_rows(
        lambda h, r: list_graph(h, r, width, _first(content.key)),
        content.key_title,
        content.key,
    )


def _first(rows: Sequence[tuple[str, str]]) -> float:
    """The width of a list's label column: its widest label, at most 150 points."""
    widest = max((text_width(label, TEXT, bold=True) for label, _ in rows), default=20.0)
    return min(150.0, widest / 0.95 + 8)


def _map(flow: Flow, content: Content, head: float) -> None:
    """The map under the heading: on the rest of page 1 when it fits, else over pages."""
    geometry = flow.geometry
    wrap = wrap_for(content.shown, geometry, geometry.body[1])
    opts = diagram_options(geometry, content.kind == "classify", wrap, content.kind == "flaw")
    laid = map_pages(content.shown, opts, geometry, flow.painter, head, content.kind == "classify")
    for k, page in enumerate(laid.pages):
        if k:
            flow.new_page()
        flow.pages[-1].extend(page)
        if page:
            flow.y = max(spot.y + spot.size[1] * spot.scale for _, spot in page) + GAP


def _cards(flow: Flow, content: Content) -> None:
    """The cards, two a row (one when a card is taller than a page at half width)."""
    width = flow.geometry.body[0]
    full = flow.geometry.body[1]
    columns = 2 if all(card_height(t, width / 2) <= full - 8 for _, t in content.cards) else 1
    if any(card_height(t, width) > full - 8 for _, t in content.cards):
        raise UsageError(
            "a claim does not fit on one card at 13 pt, even a card as wide as the "
            f"{paper_name(flow.geometry)} page: shorten it"
        )
    rows = [content.cards[k : k + columns] for k in range(0, len(content.cards), columns)]
    heights = [max(card_height(t, width / columns) for _, t in row) for row in rows]
    start = 0
    while start < len(rows):
        end, used = start, 4.0
        while end < len(rows) and used + heights[end] <= flow.room():
            used += heights[end]
            end += 1
        if end == start:
            flow.new_page()
            continue
        flow.add(cards_graph(rows[start:end], width, columns))
        start = end


def _key_map(flow: Flow, content: Content) -> None:
    """The map with the cards' numbers under its heading, when it fits a page at scale 1."""
    geometry = flow.geometry
    wrap = wrap_for(content.shown, geometry, geometry.body[1])
    opts = diagram_options(geometry, False, wrap, False)
    dot = diagram_dot(content.shown, opts)
    width, height = flow.painter.size(dot)
    heading = list_graph(
        "Answer key: the map, each box numbered as its card", (), geometry.body[0], 20
    )
    if width <= geometry.body[0] and height + flow.painter.size(heading)[1] + GAP <= flow.room():
        flow.add(heading)
        flow.add(dot)


def _pdf(flow: Flow, title: str, students: int) -> bytes:
    """The pages with their footers as one PDF."""
    geometry, painter = flow.geometry, flow.painter
    total = len(flow.pages)
    placed: list[tuple[Drawn, Spot]] = []
    counts = []
    for number, page in enumerate(flow.pages, 1):
        left = f"Answer key · {title}" if number > students else title
        if 1 < number <= students:
            left = f"Name: {'_' * 18}   {title}"  # a loose page still says whose it is
        foot = footer_graph(left, f"page {number} of {total}", geometry.body[0])
        placed += [*page, (Drawn(foot), footer_spot(geometry, painter.size(foot)))]
        counts.append(len(page) + 1)
    pdfs = iter(painter.pdfs([(d.dot, d.engine) for d, _ in placed]))
    spots = iter(spot for _, spot in placed)
    pages = []
    for count in counts:
        layers = [layer(geometry, next(pdfs), next(spots)) for _ in range(count)]
        first = layers[0]
        pages.append(
            Placed(first.pdf, geometry.page, first.scale, first.offset, tuple(layers[1:]))
        )
    return assemble(pages, title)
