"""The column layout in every output format: SVG, PNG, PDF, DOT and the HTML page.

SVG, PNG and PDF are Graphviz's (:mod:`~argmap.render.column.draw`). The HTML
output is the interactive page of :mod:`argmap.render.html` with the column's
finished SVG in it: the same outline, findings, details and kind filters. The
SVG's root is marked ``data-fit="width"`` there, so the page opens the column
as wide as its pane, at its top, instead of fitting the whole (tall) picture
into the pane.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from argmap.errors import RenderError
from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.budget import Deadline, within
from argmap.render.column.draw import NEATO_FIXED, column_dot, column_svg, drawn_svg
from argmap.render.column.measure import DEFAULT_WIDTH
from argmap.render.column.shapes import Layout
from argmap.render.dot import RenderOptions
from argmap.render.graphviz import DEFAULT_DPI, DEFAULT_TIMEOUT, run_dot
from argmap.render.html.page import on_page, render_html

#: The longest side of a PNG Graphviz's cairo renderer draws (``CAIRO_XMAX`` and
#: ``CAIRO_YMAX`` in its ``gvrender_pango.c``); a larger picture it shrinks to fit,
#: text and all, saying nothing.
PNG_MAX = 32767


def png_fits(placed: Layout, dpi: int) -> None:
    """Return if the column's PNG at ``dpi`` is at most :data:`PNG_MAX` pixels tall.

    Raises:
        RenderError: it is taller: Graphviz would shrink its text below the
            column's sizes, so the PNG is refused (write .svg or .pdf).
    """
    tall = math.ceil(placed.height * dpi / 72)
    if tall > PNG_MAX:
        raise RenderError(
            f"the column is {tall:,} px tall at --dpi {dpi}, and a PNG can be at most "
            f"{PNG_MAX:,}: Graphviz would shrink it, text and all, to {PNG_MAX / tall:.0%}; "
            "write .svg or .pdf, or draw part of the map (--focus, --collapse or --split)"
        )


def column_edges(placed: Layout) -> list[dict[str, str]]:
    """The column's connectors as the page's script reads them: ``{"id", "from",
    "to"}`` with the node names of their ends (a reference's line runs from the
    node of the claim it refers to); the legend's are left out."""
    return [
        {"id": w.name, "from": w.tail, "to": w.head}
        for w in placed.wires
        if not w.name.startswith("legend")
    ]


def column_html(
    amap: ArgumentMap,
    findings: Sequence[Finding],
    opts: RenderOptions,
    map_id: str | None = None,
    *,
    width: int = DEFAULT_WIDTH,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: Deadline | None = None,
    embed: bool = False,
) -> bytes:
    """The interactive page with the column layout ``width`` px wide (UTF-8 bytes);
    ``embed``: the page for an iframe (:func:`~argmap.render.html.page.render_html`).

    Raises:
        GraphvizNotFound, RenderError: from Graphviz (or DejaVu Sans is missing).
        LayoutTimeout: the deadline passed.
    """
    shown = on_page(amap, findings) if opts.show_findings else []
    deadline = within(deadline, timeout)
    svg, placed = drawn_svg(amap, shown, opts, map_id, width, deadline)
    svg = svg.replace(b"<svg ", b'<svg data-fit="width" ', 1)
    edges = column_edges(placed)
    return render_html(
        amap,
        shown,
        opts,
        map_id=map_id,
        timeout=timeout,
        deadline=deadline,
        embed=embed,
        drawn=(svg, edges),
    )


def render_column(
    amap: ArgumentMap,
    findings: Iterable[Finding],
    opts: RenderOptions,
    fmt: str,
    *,
    width: int = DEFAULT_WIDTH,
    map_id: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    dpi: int = DEFAULT_DPI,
    deadline: Deadline | None = None,
    embed: bool = False,
) -> bytes:
    """The column of ``amap`` in one format: ``svg``, ``png``, ``pdf``, ``dot`` or ``html``.

    Args:
        amap: the map (or the part of it a page shows).
        findings: findings to mark on their claims.
        opts: what the diagram shows (as for the whole-map diagram; ``direction``
            and ``wrap`` do not apply: the column sets both).
        fmt: the output format.
        width: the column width in CSS px (the picture's natural width; PNG at
            ``dpi`` 72 is exactly this many pixels wide, at 96 a third more).
        map_id: base of the SVG's element id prefix (default: the map's name and a digest).
        timeout: seconds the whole rendering may take (when no ``deadline``).
        dpi: resolution of PNG output.
        deadline: the whole rendering's deadline.
        embed: for ``html``, the page for an iframe.

    Raises:
        GraphvizNotFound, RenderError: from Graphviz, DejaVu Sans missing, :func:`png_fits`.
        LayoutTimeout: the deadline passed.
    """
    findings = list(findings)
    deadline = within(deadline, timeout)
    if fmt == "svg":
        return column_svg(amap, findings, opts, map_id, width=width, deadline=deadline)
    if fmt == "html":
        return column_html(
            amap, findings, opts, map_id, width=width, deadline=deadline, embed=embed
        )
    text, placed = column_dot(amap, findings, opts, width, deadline)
    if fmt == "dot":
        return text.encode("utf-8")
    if fmt == "png":
        png_fits(placed, dpi)
    deadline.check("placing the column")
    return run_dot(
        text, fmt, timeout=timeout, dpi=dpi, engine="neato", deadline=deadline, options=NEATO_FIXED
    )
