"""What a column layout is made of once placed: boxes of text and connectors (plain data).

Coordinates are CSS px (one SVG user unit) from the column's top-left corner,
y growing downward; :mod:`argmap.render.column.dotfile` turns them into
Graphviz's points (y growing upward).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    """One line of text in a box, drawn left-aligned in a row of its own.

    Attributes:
        text: the line, unescaped (escaped when written).
        size: font size (px).
        height: height of its row (whole px).
        colour: text colour (``#rrggbb``).
        bold: drawn bold.
        italic: drawn in italics.
    """

    text: str
    size: float
    height: int
    colour: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Box:
    """A drawn rectangle (a Graphviz node of fixed size and position) with its text.

    Attributes:
        name: DOT node name and SVG element id (``n3``, ``r0``, ``j1``, ``legend4``).
        x: left edge.
        y: top edge.
        w: width.
        h: height.
        lines: its text, top to bottom, starting ``pad_y`` below the top.
        pad_x: space between its left side and its text.
        pad_y: space between its top and its text.
        fill: fill colour, or ``"none"``.
        border: border colour.
        penwidth: border width (0: no border).
        shape: Graphviz shape (``box``, ``note``, ``folder``, ``circle``).
        style: Graphviz style (``filled,rounded,dashed`` …).
        peripheries: number of borders.
        css: the element's class beside Graphviz's ``node``.
        title: its tooltip (None: none).
        link: the URL it links to (None: none).
    """

    name: str
    x: float
    y: float
    w: float
    h: float
    lines: tuple[TextLine, ...] = ()
    pad_x: float = 0.0
    pad_y: float = 0.0
    fill: str = "none"
    border: str = "#000000"
    penwidth: float = 1.0
    shape: str = "box"
    style: str = "filled"
    peripheries: int = 1
    css: str = ""
    title: str | None = None
    link: str | None = None

    @property
    def bottom(self) -> float:
        """The bottom edge (``y + h``)."""
        return self.y + self.h

    @property
    def right(self) -> float:
        """The right edge (``x + w``)."""
        return self.x + self.w


@dataclass(frozen=True)
class Wire:
    """A connector (a Graphviz edge with its route given).

    Attributes:
        name: SVG element id (``e0``, ``e1`` … in drawing order, ``legend-e0`` …).
        tail: DOT node it starts from (the arguing claim, group or fold).
        head: DOT node it ends at (the claim or group argued about).
        points: the route, a polyline from the tail's end to the arrowhead's base.
        tip: where the arrowhead's point is (None: no arrowhead).
        style: the theme's edge style (``support``, ``attack``, ``undercut``, ``fold``).
        dot: draw the junction dot at the start (a linked reason's line).
        title: its tooltip.
    """

    name: str
    tail: str
    head: str
    points: tuple[tuple[float, float], ...]
    tip: tuple[float, float] | None
    style: str
    dot: bool = False
    title: str = ""


@dataclass(frozen=True)
class Layout:
    """A placed column.

    Attributes:
        width: the column width (px): the picture's natural width.
        height: the picture's height (px).
        boxes: every box, in drawing order (a group's box before the boxes in it).
        wires: every connector, in drawing order (all are drawn under the boxes).
    """

    width: int
    height: int
    boxes: tuple[Box, ...]
    wires: tuple[Wire, ...]
