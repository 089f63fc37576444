"""A placed column as DOT with every position fixed, for ``neato -n2`` (pure).

Every box is a node of fixed size at its place (``pos="x,y!"``, ``width`` and
``height`` in inches, ``fixedsize=true``); its text is an HTML-like label: a
table exactly as wide and tall as the box less its padding, one row per line
(``FIXEDSIZE`` cells of the line's height, text aligned left), so Graphviz puts
each line where the layout measured it. Every connector is an edge whose route
is given (``pos``: straight cubic Bézier pieces, the arrowhead's tip as its
end point, a junction dot as its start point). Two invisible points at the
corners make Graphviz's bounding box exactly the column, and with no pad nor
margin the picture is ``width`` units wide (one per CSS px; a PDF page of
``width`` pt). Nodes are drawn before edges, so
arrowheads and junction dots lie on top of the borders they touch.

Text reaches the DOT only through :func:`~argmap.render.labels.html_text`;
node names and ids are synthetic; colours and the font come from the theme.
"""

from __future__ import annotations

from argmap.render.budget import STRIDE, Deadline
from argmap.render.column.shapes import Box, Layout, TextLine, Wire
from argmap.render.labels import html_text
from argmap.render.style import Theme


def _n(value: float) -> str:
    """A coordinate as DOT gets it: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quote(text: str) -> str:
    """A double-quoted DOT string (``"`` and ``\\`` escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attrs(pairs: dict[str, str]) -> str:
    return ", ".join(f"{k}={v if v.startswith('<') else quote(v)}" for k, v in pairs.items())


def _line(line: TextLine, width: int) -> str:
    text = html_text(line.text)
    if line.bold:
        text = f"<B>{text}</B>"
    if line.italic:
        text = f"<I>{text}</I>"
    return (
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{line.height}" ALIGN="LEFT">'
        f'<FONT POINT-SIZE="{line.size:g}" COLOR="{line.colour}">{text}</FONT></TD></TR>'
    )


def label(box: Box) -> str:
    """A box's HTML-like label: its lines in a table the size of its inside (see
    the module docstring); ``<>`` for a box without text."""
    if not box.lines:
        return "<>"
    width = max(1, round(box.w - 2 * box.pad_x))
    height = max(1, round(box.h - 2 * box.pad_y))
    rows = [_line(line, width) for line in box.lines]
    rest = height - sum(line.height for line in box.lines)
    if rest >= 1:
        rows.append(f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{rest}"></TD></TR>')
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" '
        f'FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}">' + "".join(rows) + "</TABLE>>"
    )


def _node(box: Box, height: float) -> str:
    attrs = {
        "id": box.name,
        "class": box.css,
        "pos": f"{_n(box.x + box.w / 2)},{_n(height - box.y - box.h / 2)}!",
        "width": _n(box.w / 72),
        "height": _n(box.h / 72),
        "shape": box.shape,
        "label": label(box),
    }
    if box.shape != "plaintext":
        style = [s for s in box.style.split(",") if s and (s != "filled" or box.fill != "none")]
        attrs |= {"style": ",".join(style), "color": box.border, "penwidth": _n(box.penwidth)}
        if box.fill != "none":
            attrs["fillcolor"] = box.fill
        if box.peripheries != 1:
            attrs["peripheries"] = str(box.peripheries)
    if not box.css:
        del attrs["class"]
    return f"  {quote(box.name)} [{_attrs(attrs)}];\n"


def _route(wire: Wire, height: float, dot_r: float) -> str:
    """The edge's ``pos``: end point, start point (junction dot), then the Bézier points."""
    points = [(x, height - y) for x, y in wire.points]
    head = ""
    if wire.dot:  # Graphviz 2.43 reads the start point first (its documentation says last)
        (x0, y0), (x1, y1) = points[0], points[1]
        length = max(abs(x1 - x0) + abs(y1 - y0), 1e-9)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        head += f"s,{_n(x0 - ux * dot_r)},{_n(y0 - uy * dot_r)} "
        points[0] = (x0 + ux * dot_r, y0 + uy * dot_r)
    if wire.tip is not None:
        head += f"e,{_n(wire.tip[0])},{_n(height - wire.tip[1])} "
    spline = [points[0]]
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        dx, dy = (bx - ax) / 3, (by - ay) / 3
        spline += [(ax + dx, ay + dy), (ax + 2 * dx, ay + 2 * dy), (bx, by)]
    return head + " ".join(f"{_n(x)},{_n(y)}" for x, y in spline)


def _edge(wire: Wire, theme: Theme, height: float, line_width: float, arrowsize: float) -> str:
    es = theme.edges[wire.style]
    size = arrowsize * es.arrowsize
    attrs = {
        "id": wire.name,
        "class": wire.style,
        "color": es.color,
        "style": es.style,
        "penwidth": _n(line_width),
        "arrowsize": _n(size),
        "arrowhead": es.arrowhead if wire.tip is not None else "none",
        "pos": _route(wire, height, 4 * arrowsize),
    }
    if wire.dot:
        attrs |= {"dir": "both", "arrowtail": "dot", "arrowsize": _n(arrowsize)}
    return f"  {quote(wire.tail)} -> {quote(wire.head)} [{_attrs(attrs)}];\n"


def dot_text(
    layout: Layout,
    theme: Theme,
    line_width: float,
    arrowsize: float,
    deadline: Deadline | None = None,
) -> str:
    """The DOT source of a placed column (deterministic; ends with a newline).

    Args:
        layout: the placed column.
        theme: colours, line styles and the font stack.
        line_width: width of connectors (px).
        arrowsize: Graphviz arrowhead scale of connectors (before the theme's
            per-relation scale).
        deadline: the rendering's deadline, looked at every
            :data:`~argmap.render.budget.STRIDE` boxes and connectors.

    Raises:
        LayoutTimeout: ``deadline`` passed.
    """

    def check(k: int) -> None:
        if deadline is not None and k % STRIDE == 0:
            deadline.check("writing the column's DOT")

    w, h = layout.width, layout.height
    parts = [
        "digraph column {\n",
        f"  graph [{_attrs({'pad': '0', 'margin': '0', 'outputorder': 'nodesfirst'})}, "
        f"bgcolor={quote(theme.background)}];\n",
        f"  node [{_attrs({'fontname': theme.font, 'fixedsize': 'true', 'margin': '0'})}];\n",
        f"  edge [{_attrs({'fontname': theme.font})}];\n",
    ]
    for name, pos in (("corner0", "0,0!"), ("corner1", f"{w},{_n(h)}!")):
        attrs = {"pos": pos, "shape": "point", "style": "invis", "width": "0", "height": "0"}
        parts.append(f"  {name} [{_attrs(attrs)}];\n")
    for k, box in enumerate(layout.boxes):
        check(k)
        parts.append(_node(box, h))
    for k, wire in enumerate(layout.wires):
        check(k)
        parts.append(_edge(wire, theme, h, line_width, arrowsize))
    parts.append("}\n")
    return "".join(parts)
