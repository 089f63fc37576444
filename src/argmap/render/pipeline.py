"""Whole renderings: a map → DOT → Graphviz → finished SVG in one call.

:func:`render_svg` is what pages embed (the HTML output too);
:func:`argmap.render.outputs.render` serves every output format.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.budget import Deadline, within
from argmap.render.dot import DotDiagram, RenderOptions, build_diagram, dot_source
from argmap.render.graphviz import DEFAULT_TIMEOUT, run_dot
from argmap.render.outline import outline_text
from argmap.render.svg import SvgExtras, finish_svg, id_prefix


def map_title(amap: ArgumentMap) -> str:
    """The map's title, or ``"Argument map <name>"`` when it has none."""
    return amap.title.strip() if amap.title and amap.title.strip() else f"Argument map {amap.name}"


def svg_extras(
    amap: ArgumentMap, diagram: DotDiagram, opts: RenderOptions, map_id: str | None = None
) -> SvgExtras:
    """What :func:`~argmap.render.svg.finish_svg` adds for this map: title, outline,
    tooltips, links, id prefix (``map_id`` + ``-``, default from the map's name)."""
    prefix = id_prefix(map_id if map_id is not None else amap.name)
    return SvgExtras(
        prefix=prefix,
        title=map_title(amap),
        desc=outline_text(amap),
        titles=diagram.titles,
        links=diagram.links,
        width=opts.width,
    )


def render_svg(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    opts: RenderOptions | None = None,
    map_id: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    engine: str = "dot",
    deadline: Deadline | None = None,
) -> bytes:
    """The map's finished SVG: DOT → ``dot -Tsvg`` → :func:`~argmap.render.svg.finish_svg`.

    Args:
        amap: the map.
        findings: findings to mark on their claims.
        opts: rendering options (theme, wrap, width …).
        map_id: base of the element id prefix (default: the map's name); an
            element of claim n3 gets id ``<prefix>-n3`` (see
            :func:`argmap.diagram.node_names`).
        timeout: seconds the whole rendering may take (when no ``deadline`` is given).
        engine: Graphviz layout program.
        deadline: the whole rendering's deadline (see :mod:`argmap.render.budget`).

    Raises:
        GraphvizNotFound, RenderError: from Graphviz.
        LayoutTimeout: the deadline passed (building the DOT, in Graphviz or finishing).
    """
    opts = opts or RenderOptions()
    deadline = within(deadline, timeout)
    diagram = build_diagram(amap, findings, opts, deadline)
    raw = run_dot(
        dot_text(diagram, deadline), "svg", timeout=timeout, engine=engine, deadline=deadline
    )
    extras = svg_extras(amap, diagram, opts, map_id)
    deadline.check("finishing the SVG")
    svg = finish_svg(raw, extras)
    deadline.check("finishing the SVG")
    return svg


def dot_text(diagram: DotDiagram, deadline: Deadline | None = None) -> str:
    """The DOT source of a built diagram, ending with a newline
    (:func:`~argmap.render.dot.dot_source`).

    Raises:
        LayoutTimeout: ``deadline`` passed while writing it.
    """
    return dot_source(diagram.graph, deadline)
