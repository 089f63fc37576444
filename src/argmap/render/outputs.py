"""Every output format of a rendering, chosen by file extension, in one call.

``svg`` is the finished SVG (:mod:`argmap.render.pipeline`), ``html`` the
interactive page (:mod:`argmap.render.html`), ``png`` and ``pdf`` come straight
from Graphviz, and ``dot`` is the DOT source (no Graphviz needed).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from argmap.errors import RenderError
from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.budget import Deadline, within
from argmap.render.dot import RenderOptions, build_diagram, dot_source
from argmap.render.graphviz import DEFAULT_DPI, DEFAULT_TIMEOUT, run_dot

#: Output formats by file extension.
FORMATS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str | Path) -> str:
    """The output format named by a file's extension (``.svg`` → ``svg``).

    Raises:
        RenderError: the extension is not one of :data:`FORMATS`.
    """
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise RenderError(
            f"{path}: cannot tell the output format from {ext or 'no extension'!r}; "
            f"use one of {', '.join(sorted(FORMATS))}"
        )
    return FORMATS[ext]


def render(
    amap: ArgumentMap,
    findings: Iterable[Finding],
    opts: RenderOptions,
    fmt: str,
    *,
    map_id: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    dpi: int = DEFAULT_DPI,
    engine: str = "dot",
    deadline: Deadline | None = None,
    embed: bool = False,
    column: int | None = None,
) -> bytes:
    """The map in one format: ``svg`` (finished), ``html`` (interactive page;
    ``embed``: a page for an iframe), ``png``, ``pdf`` or ``dot`` (no Graphviz).
    ``timeout`` bounds the whole rendering when no ``deadline``
    (:mod:`argmap.render.budget`) is given.
    ``column``: draw the column layout that many CSS px wide
    (:mod:`argmap.render.column`) instead of the whole-map graph.

    Raises:
        GraphvizNotFound, RenderError: from Graphviz.
        LayoutTimeout: the deadline passed.
    """
    findings = list(findings)
    deadline = within(deadline, timeout)
    if column is not None:
        from argmap.render.column.formats import render_column  # --layout column only

        return render_column(
            amap,
            findings,
            opts,
            fmt,
            width=column,
            map_id=map_id,
            dpi=dpi,
            deadline=deadline,
            embed=embed,
        )
    if fmt in ("svg", "html"):
        return _drawn(amap, findings, opts, fmt, map_id, (timeout, engine, deadline), embed)
    graph = build_diagram(amap, findings, opts, deadline).graph
    if fmt == "dot":
        deadline.check("writing the DOT")
        return graph.encoded()
    text = dot_source(graph, deadline)
    del graph  # its statements, before Graphviz runs
    return run_dot(text, fmt, timeout=timeout, dpi=dpi, engine=engine, deadline=deadline)


def _drawn(
    amap: ArgumentMap,
    findings: list[Finding],
    opts: RenderOptions,
    fmt: str,
    map_id: str | None,
    run: tuple[float, str, Deadline],
    embed: bool,
) -> bytes:
    """The finished SVG, or the HTML page (``embed``: for an iframe); ``run`` is
    (timeout, engine, deadline) as :func:`render` takes them."""
    timeout, engine, deadline = run
    if fmt == "svg":
        from argmap.render.pipeline import render_svg

        return render_svg(
            amap, findings, opts, map_id, timeout=timeout, engine=engine, deadline=deadline
        )
    from argmap.render.html.page import render_html

    return render_html(
        amap,
        findings,
        opts,
        map_id=map_id,
        timeout=timeout,
        engine=engine,
        deadline=deadline,
        embed=embed,
    )
