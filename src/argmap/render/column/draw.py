"""The column drawn: its DOT, and Graphviz's SVG of it finished like every SVG.

The layout (:func:`~argmap.render.column.layout.layout`) is written as DOT with
fixed positions (:mod:`~argmap.render.column.dotfile`) and drawn by
``neato -n2`` through :func:`argmap.render.graphviz.run_dot`; the SVG is then
finished by :func:`argmap.render.svg.finish_svg` exactly as the whole-map
diagram is (title and text outline for screen readers, tooltips, links, id
prefix, safety).
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.budget import Deadline, within
from argmap.render.column.dotfile import dot_text
from argmap.render.column.layout import claim_codes, layout
from argmap.render.column.measure import DEFAULT_WIDTH
from argmap.render.column.shapes import Layout
from argmap.render.dot import RenderOptions
from argmap.render.graphviz import DEFAULT_TIMEOUT, run_dot
from argmap.render.outline import outline_text
from argmap.render.pipeline import map_prefix, map_title
from argmap.render.svg import SvgExtras, finish_svg

#: The options that make ``neato`` keep every position and route the DOT gives.
NEATO_FIXED = ("-n2",)


def column_dot(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    opts: RenderOptions | None = None,
    width: int = DEFAULT_WIDTH,
    deadline: Deadline | None = None,
) -> tuple[str, Layout]:
    """The column's DOT (for ``neato -n2``) and the layout it draws.

    Raises:
        RenderError: DejaVu Sans is not installed.
        LayoutTimeout: ``deadline`` passed while placing or writing.
    """
    opts = opts or RenderOptions()
    codes = claim_codes(amap, findings) if opts.show_findings else {}
    placed, m = layout(amap, codes, opts, width, deadline)
    return dot_text(placed, opts.theme, m.line_width, m.arrowsize, deadline), placed


def column_svg(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    opts: RenderOptions | None = None,
    map_id: str | None = None,
    *,
    width: int = DEFAULT_WIDTH,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: Deadline | None = None,
) -> bytes:
    """The finished SVG of the column: ``width`` user units wide, one per CSS px.

    ``opts.width`` sets the SVG's ``width`` attribute as for the whole-map
    diagram (None: fills its column up to ``width`` px); element ids get the
    prefix of ``map_id`` (default: :func:`~argmap.render.pipeline.default_map_id`).

    Raises:
        GraphvizNotFound, RenderError: from Graphviz (or DejaVu Sans is missing).
        LayoutTimeout: the deadline passed.
    """
    return drawn_svg(amap, findings, opts, map_id, width, within(deadline, timeout))[0]


def drawn_svg(
    amap: ArgumentMap,
    findings: Iterable[Finding],
    opts: RenderOptions | None,
    map_id: str | None,
    width: int,
    deadline: Deadline,
) -> tuple[bytes, Layout]:
    """:func:`column_svg` and the layout it draws (the HTML page needs its connectors).

    Raises:
        GraphvizNotFound, RenderError: from Graphviz (or DejaVu Sans is missing).
        LayoutTimeout: the deadline passed.
    """
    opts, findings = opts or RenderOptions(), list(findings)
    timeout = deadline.left()
    text, placed = column_dot(amap, findings, opts, width, deadline)
    deadline.check("placing the column")
    raw = run_dot(
        text, "svg", timeout=timeout, engine="neato", deadline=deadline, options=NEATO_FIXED
    )
    titles = {b.name: b.title for b in placed.boxes if b.title}
    titles |= {w.name: w.title for w in placed.wires if w.title}
    links = {b.name: b.link for b in placed.boxes if b.link}
    extras = SvgExtras(
        prefix=map_prefix(amap, map_id, findings if opts.show_findings else ()),
        title=map_title(amap),
        desc=outline_text(amap),
        titles=titles,
        links=links,
        width=opts.width,
    )
    deadline.check("finishing the SVG")
    return finish_svg(raw, extras), placed
