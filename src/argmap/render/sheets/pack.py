"""Drawings packed on pages in reading order, at their natural sizes (pure).

A page is a stack of *rows* down the body; a row is a run of *columns*
across it; a column is a stack of drawings. A drawing goes, in this order of
preference, under the last drawing of the current row's last column (when
the row does not get taller and the row stays within the body's width), in
a new column of the current row, in a new row under it, or on a new page. So
a short part beside a tall one takes the room under its neighbour instead of
leaving it empty. One drawing may *float* (the legend): it takes the first
page with room for it at the bottom, else a page of its own at the end.

Sizes are in canvas units; every drawing keeps its scale (1 unless it fits
no page, see :func:`argmap.render.sheets.compose.fit_scale`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Space between two drawings on a page (canvas units).
GAP = 14.0


@dataclass(frozen=True)
class Item:
    """A drawing to place: its index among the drawings, size as placed and scale."""

    index: int
    width: float
    height: float
    scale: float


@dataclass
class Column:
    """Drawings stacked in one column of a row."""

    items: list[Item] = field(default_factory=list)

    @property
    def width(self) -> float:
        """The widest drawing's width."""
        return max(i.width for i in self.items)

    @property
    def height(self) -> float:
        """The stack's height, ``GAP`` between drawings."""
        return sum(i.height for i in self.items) + GAP * (len(self.items) - 1)


Row = list[Column]
Page = list[Row]


def row_width(row: Row) -> float:
    """A row's width: its columns and the gaps between them."""
    return sum(c.width for c in row) + GAP * (len(row) - 1)


def row_height(row: Row) -> float:
    """A row's height: its tallest column."""
    return max(c.height for c in row)


def page_height(page: Page) -> float:
    """The height the rows of a page take, ``GAP`` between them."""
    return sum(row_height(r) for r in page) + GAP * (len(page) - 1)


def pack(items: list[Item], body: tuple[float, float], floating: Item | None = None) -> list[Page]:
    """``items`` packed in order on pages of ``body`` (width, height), then
    ``floating`` where there is room (see the module docstring)."""
    width, height = body
    pages: list[Page] = []
    for item in items:
        if not pages or not _place(pages[-1], item, width, height):
            pages.append([[Column([item])]])
    if floating is not None:
        for page in pages:
            if page_height(page) + GAP + floating.height <= height:
                page.append([Column([floating])])
                break
        else:
            pages.append([[Column([floating])]])
    return pages


def _place(page: Page, item: Item, width: float, height: float) -> bool:
    """Put ``item`` on ``page`` when it has room (see the module docstring)."""
    row = page[-1]
    col = row[-1]
    top = page_height(page) - row_height(row)
    others = row_width(row) - col.width
    if (
        col.height + GAP + item.height <= row_height(row)
        and others + max(col.width, item.width) <= width
    ):
        col.items.append(item)
        return True
    if row_width(row) + GAP + item.width <= width and top + item.height <= height:
        row.append(Column([item]))
        return True
    if page_height(page) + GAP + item.height <= height:
        page.append([Column([item])])
        return True
    return False


def placed(
    page: Page, body_width: float, origin: tuple[float, float]
) -> list[tuple[Item, float, float]]:
    """Each drawing of a packed page with its top-left corner: rows centred across
    the body (whose top-left is ``origin``), each drawing centred in its column."""
    out = []
    y = origin[1]
    for row in page:
        x = origin[0] + (body_width - row_width(row)) / 2
        for col in row:
            down = y
            for item in col.items:
                out.append((item, x + (col.width - item.width) / 2, down))
                down += item.height + GAP
            x += col.width + GAP
        y += row_height(row) + GAP
    return out


def layout_key(pages: list[Page]) -> list[list[list[list[int]]]]:
    """The indices of the drawings as packed: equal keys, equal packings."""
    return [[[[i.index for i in c.items] for c in r] for r in p] for p in pages]
