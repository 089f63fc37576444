"""A map on slides and on printed pages, every word readable where it is shown.

The map is cut into parts by the one pager (:mod:`argmap.render.pager`): an
overview, then each line of argument, a line that does not fit continuing on
the next slide or page. Whether a part fits is tried, not guessed: it is laid
out by Graphviz with the sheet's type sizes (:mod:`.geometry`) and must fit
the sheet at scale 1, so no text is ever shown smaller than those sizes.

* :func:`render_slides`: 16:9 slides as a PDF, an offline HTML presentation
  or one SVG per slide (:mod:`.slides`, :mod:`.deck_html`).
* :func:`render_pages`: A4 or Letter pages, portrait or landscape
  (:mod:`.paper`), or a handout: the overview and a numbered outline
  (:mod:`.handout`).
"""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import quote

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.pages import page_file
from argmap.render.pipeline import map_title
from argmap.render.sheets.deck_html import deck_html
from argmap.render.sheets.geometry import SLIDES, paper_geometry, small_sheets
from argmap.render.sheets.handout import handout_pages
from argmap.render.sheets.layout import Painter
from argmap.render.sheets.paper import paper_pages, paper_pdf
from argmap.render.sheets.slides import deck, deck_pdf, deck_svgs

__all__ = ["Painter", "render_pages", "render_slides"]


def render_slides(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    opts: RenderOptions,
    painter: Painter,
    target: str,
    map_id: str,
    notes: list[str] | None = None,
) -> list[tuple[str, bytes]]:
    """The slides of ``amap`` for output file ``target``, by its extension:
    ``.pdf`` (one file), ``.html``/``.htm`` (one file), ``.svg`` (``<stem>.1.svg``,
    ``<stem>.2.svg`` …, each slide's reference boxes linking to the others).
    A slide drawn too small to read is reported in ``notes`` (:func:`small_sheets`).

    Returns:
        ``(file name, bytes)`` per file to write.

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
        ValueError: ``target`` has another extension.
    """
    slides = deck(amap, findings, opts, painter)
    if notes is not None:
        notes += small_sheets(SLIDES, [spot.scale for spot in slides.spots])
    ext = PurePath(target).suffix.lower()
    if ext == ".pdf":
        return [(target, deck_pdf(slides))]
    if ext in (".html", ".htm"):
        return [(target, deck_html(map_title(amap), deck_svgs(slides, map_id, "#slide-{}")))]
    if ext == ".svg":
        name = PurePath(target).name
        # the bytes of the file name (a name read from disk may hold undecodable ones)
        link = quote(os.fsencode(page_file(name, "NUMBER"))).replace("NUMBER", "{}")
        svgs = deck_svgs(slides, map_id, link)
        return [(page_file(target, str(n)), svg) for n, svg in enumerate(svgs, 1)]
    raise ValueError(f"slides are written as .pdf, .html or .svg, not {ext!r}")


def render_pages(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    opts: RenderOptions,
    painter: Painter,
    name: str,
    landscape: bool = False,
    handout: bool = False,
    notes: list[str] | None = None,
) -> bytes:
    """``amap`` on printed pages (``name`` ``"a4"`` or ``"letter"``) as one PDF,
    or its handout. A page drawn too small to read is reported in ``notes``
    (:func:`small_sheets`).

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
        KeyError: an unknown paper name.
    """
    geometry = paper_geometry(name, landscape)
    build = handout_pages if handout else paper_pages
    sheets, packed = build(amap, findings, opts, geometry, painter)
    if notes is not None:
        scales = [min((spot.scale for _, spot in page), default=1.0) for page in packed.pages]
        notes += small_sheets(sheets.geometry, scales)
    return paper_pdf(sheets, packed)
